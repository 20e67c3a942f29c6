"""How long a piece of text a parent types (or a file imports) may be.

Shared by the records, the import and the UI, so that what one accepts the
others can show and save. The limits are generous for a parent's typing and
small enough that no file or screen is swamped by one field.
"""

from __future__ import annotations

# A child's name, and each field of a lab result (test, value, unit).
MAX_NAME_CHARS = 200
# A note on a movement or an episode, and a child's notes.
MAX_NOTE_CHARS = 10_000
