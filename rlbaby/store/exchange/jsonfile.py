"""Where a record of a JSON export starts, to name its line in an error.

orjson parses fast but gives no positions, so only when a record is refused
is the text walked again, value by value with the standard library's
scanner, to the record's first character.
"""

from __future__ import annotations

import json
import re

_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def _skip(text: str, i: int) -> int:
    m = _SPACE.match(text, i)
    return m.end() if m else i


def json_record_line(raw: bytes, section: str, number: int) -> int | None:
    """The line on which record `number` (from 1) of the top-level list `section` starts.

    Returns None when the text is not shaped as expected (the error then
    names the record alone).
    """
    text = raw.decode("utf-8", errors="replace")
    try:
        i = _skip(text, 0)
        if text[i] != "{":
            return None
        i = _skip(text, i + 1)
        found = None  # where the section's list starts (the last one, as the parser keeps)
        while text[i] != "}":
            key, i = _DECODER.raw_decode(text, i)
            i = _skip(text, i)
            if text[i] != ":":
                return None
            i = _skip(text, i + 1)
            if key == section:
                found = i
            _value, i = _DECODER.raw_decode(text, i)
            i = _skip(text, i)
            if text[i] == ",":
                i = _skip(text, i + 1)
        if found is None or text[found] != "[":
            return None
        i = _skip(text, found + 1)
        n = 1
        while text[i] != "]":
            if n == number:
                return text.count("\n", 0, i) + 1
            _value, i = _DECODER.raw_decode(text, i)
            i = _skip(text, i)
            if text[i] == ",":
                i = _skip(text, i + 1)
            n += 1
    except (ValueError, IndexError):
        return None
    return None
