"""Decoding a whole file of episodes or sleep periods at once, fast.

Every open decodes all of them (24k at 200k movements), and the careful
decoders of codec.py, a helper call per field, cost most of that. Here one
tight loop per file accepts only documents that are plainly right: every field
of exactly the stored type and in range, which is what rlbaby writes. It is
stricter than the careful path, never more lenient: at the first doubt (a
missing field, a wrong type, a value out of range, anything the model refuses)
the whole file goes through codec's careful decoder, which accepts what it
accepts and names the record at fault. So what loads, and what is set aside,
is exactly what codec decides; only the speed differs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields
from enum import StrEnum
from typing import Any, TypeVar

from rlbaby.model import (
    Episode,
    Instant,
    OnsetState,
    Response,
    Sign,
    SleepPeriod,
    Soothing,
    StoppedWhenWoken,
    Trigger,
)
from rlbaby.store.codec import MAX_MS, MAX_OFFSET_MIN, episode_from_doc, sleep_from_doc

T = TypeVar("T")
Doc = Mapping[str, Any]


class _Doubt(Exception):
    """A document the fast path does not vouch for."""


def _table(cls: type[StrEnum]) -> dict[Any, Any]:
    """Stored value -> member, and None -> None (an optional field left empty)."""
    return {None: None, **{m.value: m for m in cls}}


_ONSET = _table(OnsetState)
_RESPONSE = _table(Response)
_STOPPED = _table(StoppedWhenWoken)
_SETS: dict[type[StrEnum], dict[tuple[Any, ...], frozenset[Any]]] = {}


def _maker(cls: type[T]) -> Callable[..., T]:
    """A constructor of `cls` from all its fields in order, skipping __post_init__.

    Only for values this module (or reccache's checks) has already found to
    be exactly what the model's __post_init__ would accept unchanged
    (members, frozensets of members, Instants): that check is then a repeat,
    and it is half the cost of decoding a record.

    Frozen slotted dataclasses refuse setattr. The fields go into a twin
    class with the very same slots and plain stores (no descriptor calls, no
    frozen __setattr__), then the object becomes a `cls`: Python allows that
    between classes of the same layout, and the result is the same object
    `cls(...)` makes. Should the layouts ever differ, Python refuses the
    switch when the maker is made, and we fill the slots through their
    descriptors instead, as dataclasses' own __setstate__ does (slower). The
    code is written out (generated, as dataclasses generates __init__): a
    loop over the fields costs twice as much.
    """
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    args = ", ".join(names)
    scope: dict[str, Any] = {"new": object.__new__, "cls": cls}
    twin = [f"class Twin:\n    __slots__ = {tuple(cls.__slots__)!r}"]  # type: ignore[attr-defined]
    twin.append(f"    def __init__(self, {args}):")
    twin += [f"        self.{n} = {n}" for n in names]
    twin += [
        f"def make({args}):",
        f"    obj = Twin({args})",
        "    obj.__class__ = cls",
        "    return obj",
    ]
    exec("\n".join(twin), scope)  # noqa: S102 - our own field names, no outside text
    try:
        new = object.__new__(scope["Twin"])
        new.__class__ = cls
    except TypeError:  # not the same layout after all
        scope.update({f"set_{n}": getattr(cls, n).__set__ for n in names})
        lines = [f"def make({args}):", "    obj = new(cls)"]
        lines += [f"    set_{n}(obj, {n})" for n in names]
        lines.append("    return obj")
        exec("\n".join(lines), scope)  # noqa: S102 - as above
    make: Callable[..., T] = scope["make"]
    return make


make_episode = _maker(Episode)
make_sleep = _maker(SleepPeriod)
make_instant = _maker(Instant)  # Instant has no __post_init__: the same object, at half the cost


def _instant(ms: Any, offset: Any) -> Instant:
    if (
        type(ms) is not int
        or type(offset) is not int
        or not 0 <= ms < MAX_MS
        or not -MAX_OFFSET_MIN <= offset <= MAX_OFFSET_MIN
    ):
        raise _Doubt
    return make_instant(ms, offset)


def _opt_instant(doc: Doc, prefix: str) -> Instant | None:
    ms = doc.get(prefix + "_ms")
    return None if ms is None else _instant(ms, doc[prefix + "_offset_min"])


_NONE: frozenset[Any] = frozenset()


def _enum_set(cls: type[StrEnum], values: Any) -> frozenset[Any]:
    """The set, shared between records with the same choices (they are immutable)."""
    if type(values) is not list:
        raise _Doubt
    if not values:
        return _NONE  # most records: no choices ticked
    seen = _SETS.setdefault(cls, {})
    key = tuple(values)
    found = seen.get(key)
    if found is None:
        table = _table(cls)
        if not all(type(v) is str and v in table for v in key):
            raise _Doubt
        found = seen[key] = frozenset(table[v] for v in key)
    return found


def _stamps(doc: Doc) -> tuple[int, int, int | None]:
    created, updated, deleted = doc["created_ms"], doc["updated_ms"], doc.get("deleted_ms")
    for ms in (created, updated) if deleted is None else (created, updated, deleted):
        if type(ms) is not int or not 0 <= ms < MAX_MS:
            raise _Doubt
    return created, updated, deleted


def _text(value: Any) -> str:
    if type(value) is not str:
        raise _Doubt
    return value


def _episode(doc: Doc) -> Episode:
    created, updated, deleted = _stamps(doc)
    video = doc.get("video")
    if video is not None and type(video) is not bool:
        raise _Doubt
    return make_episode(
        _text(doc["child"]),
        _instant(doc["opened_ms"], doc["opened_offset_min"]),
        _text(doc["id"]),
        _opt_instant(doc, "settled"),
        _ONSET[doc.get("onset_state")],
        _enum_set(Soothing, doc.get("soothing", [])),
        _RESPONSE[doc.get("response")],
        _STOPPED[doc.get("stopped_when_woken")],
        _enum_set(Sign, doc.get("signs", [])),
        _enum_set(Trigger, doc.get("triggers", [])),
        video,
        _text(doc.get("note", "")),
        created,
        updated,
        deleted,
    )


def _sleep(doc: Doc) -> SleepPeriod:
    created, updated, deleted = _stamps(doc)
    asleep = _instant(doc["asleep_ms"], doc["asleep_offset_min"])
    awake = _opt_instant(doc, "awake")
    if awake is not None and awake.utc_ms < asleep.utc_ms:
        raise _Doubt  # the model refuses it (SleepPeriod.__post_init__)
    child, rid = _text(doc["child"]), _text(doc["id"])
    return make_sleep(child, asleep, rid, awake, created, updated, deleted)


def _decode_all(
    docs: Sequence[Doc], fast: Callable[[Doc], T], careful: Callable[[Doc], T]
) -> list[T]:
    try:
        return list(map(fast, docs))
    except (_Doubt, KeyError, TypeError, ValueError):
        # A wrong type can fail as TypeError (an unhashable enum value) and the
        # model refuses as ValueError: the careful path says which record.
        return list(map(careful, docs))


def episodes_from_docs(docs: Sequence[Doc]) -> list[Episode]:
    """Every episode of a file; raises MalformedRecord as codec.episode_from_doc."""
    return _decode_all(docs, _episode, episode_from_doc)


def sleep_from_docs(docs: Sequence[Doc]) -> list[SleepPeriod]:
    """Every sleep period of a file; raises MalformedRecord as codec.sleep_from_doc."""
    return _decode_all(docs, _sleep, sleep_from_doc)
