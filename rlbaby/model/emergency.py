"""The local emergency number: a default from the country, checked when typed. Qt-free.

The app names the number in its urgent notice, the guide's urgent page and the
report, so that a frightened parent reads the digits to dial, not only "call for
help". The parent can change it in Settings; until then it follows the country
of the computer's locale (the UI asks Qt for it).
"""

from __future__ import annotations

import re

MAX_CHARS = 15
FALLBACK = "112"  # the EU's number, and answered on GSM phones in most of the world

# North American Numbering Plan countries and territories (911).
_NANP = frozenset(
    "US CA PR VI GU AS MP AG AI BB BM BS DM DO GD JM KN KY LC MS SX TC TT VC VG".split()
)
_BY_COUNTRY: dict[str, str] = {
    **dict.fromkeys(_NANP, "911"),
    "MX": "911",
    "GB": "999",
    "IE": "112",
    "AU": "000",
    "NZ": "111",
    "IN": "112",
    "JP": "119",
    "KR": "119",
    "CN": "120",
    "TW": "119",
    "HK": "999",
    "SG": "995",
    "MY": "999",
    "ZA": "112",
    "BR": "192",
    "AR": "107",
    "IL": "101",
}

_ALLOWED = re.compile(r"\+?[0-9][0-9 ]*")


def default_emergency_number(country: str) -> str:
    """The ambulance number for an ISO 3166 two-letter `country` code.

    112 for Europe and wherever the country is unknown (most mobile phones
    connect 112 anywhere), 911 in North America, 999 in the UK, 000 in Australia.
    """
    return _BY_COUNTRY.get(country.strip().upper(), FALLBACK)


def check_emergency_number(text: str) -> str:
    """`text` as a number to show, trimmed; empty means "the country's default".

    Raises:
        ValueError: anything but digits, spaces and a leading +, or over 15 characters.
    """
    if not isinstance(text, str):
        raise ValueError(f"the emergency number must be text, not {text!r}")
    number = " ".join(text.split())
    if not number:
        return ""
    if len(number) > MAX_CHARS:
        raise ValueError(f"the emergency number has at most {MAX_CHARS} characters")
    if not _ALLOWED.fullmatch(number):
        raise ValueError("the emergency number may hold only digits, spaces and a leading +")
    return number


def emergency_number(chosen: str, country: str) -> str:
    """The number to show: the parent's choice, else the country's default."""
    return chosen or default_emergency_number(country)
