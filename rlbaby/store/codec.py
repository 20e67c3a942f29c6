"""Records <-> JSON documents. The stored spelling of every record lives here.

Decoders validate as they go and raise MalformedRecord (and nothing else) for
bad data, naming the field at fault, so a wrongly shaped file is reported (and
quarantined) instead of half-loaded, while a bug fails loudly.

Encoders refuse texts over the limits of `rlbaby.model.limits` (TextTooLongError):
every tap rewrites its whole file, so one 10 MB note would make each later
tap in that file slow. Decoders accept longer texts that are already stored,
so no record is ever hidden for its length.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from rlbaby.model import (
    Child,
    Episode,
    FamilyHistory,
    Instant,
    LabResult,
    LanguageChoice,
    Movement,
    MovementKind,
    OnsetState,
    Response,
    RuleSet,
    Settings,
    Sign,
    SleepPeriod,
    Soothing,
    StoppedWhenWoken,
    ThemeChoice,
    Trigger,
)
from rlbaby.model.limits import MAX_NAME_CHARS, MAX_NOTE_CHARS
from rlbaby.store.errors import MalformedRecord, TextTooLongError

Doc = dict[str, Any]
E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")


def _field(doc: Mapping[str, Any], key: str) -> Any:
    try:
        return doc[key]
    except KeyError:
        raise MalformedRecord(f"{key} is missing") from None


def _build(cls: Callable[..., T], **fields: Any) -> T:
    """The record, or MalformedRecord when the model's own checks refuse the
    values (a blank name, an Awake mark before the Asleep mark)."""
    try:
        return cls(**fields)
    except ValueError as exc:
        raise MalformedRecord(str(exc)) from exc


def _limit(text: str, most: int, what: str) -> str:
    if len(text) > most:
        raise TextTooLongError(what, len(text), most)
    return text


def _int(doc: Mapping[str, Any], key: str) -> int:
    v = _field(doc, key)
    # `type() is` rejects bool (a subclass of int) and is the fast check:
    # decoding runs for every stored episode and sleep period at open.
    if type(v) is not int:
        raise MalformedRecord(f"{key} must be a whole number, not {v!r}")
    return v


# Times are epoch ms in [0, MAX_MS): later ones cannot be shown as dates, and
# anything near 2**63 would overflow the int64 columns analysis works on.
MAX_MS = 253_402_300_800_000  # 10000-01-01 UTC
MAX_OFFSET_MIN = 18 * 60  # the widest UTC offset datetime accepts is under 24 h
TIME_RANGE = (0, MAX_MS - 1)  # inclusive, as `within` takes it
OFFSET_RANGE = (-MAX_OFFSET_MIN, MAX_OFFSET_MIN)


def within(values: Any, bounds: tuple[int, int]) -> bool:
    """Every one of `values` in [lo, hi]: the range rules above, for a whole column
    (a tuple, or a numpy array), read at C speed."""
    lo, hi = bounds
    if len(values) == 0:
        return True
    if hasattr(values, "min"):
        return bool(lo <= values.min() and values.max() <= hi)
    return bool(lo <= min(values) and max(values) <= hi)


def _ms(doc: Mapping[str, Any], key: str) -> int:
    v = _int(doc, key)
    if not 0 <= v < MAX_MS:  # within(v, TIME_RANGE), inlined: it runs per record at open
        raise MalformedRecord(f"{key} is not a time: {v!r}")
    return v


def _opt_ms(doc: Mapping[str, Any], key: str) -> int | None:
    return None if doc.get(key) is None else _ms(doc, key)


def _str(doc: Mapping[str, Any], key: str, default: str | None = None) -> str:
    v = doc.get(key, default)
    if not isinstance(v, str):
        raise MalformedRecord(f"{key} must be text, not {v!r}")
    return v


_BY_VALUE: dict[type[StrEnum], dict[str, StrEnum]] = {}


def _enum(cls: type[E], value: Any) -> E:
    table = _BY_VALUE.get(cls)
    if table is None:
        table = _BY_VALUE[cls] = {m.value: m for m in cls}
    try:
        return table[value]  # type: ignore[return-value]
    except (KeyError, TypeError):
        raise MalformedRecord(f"{value!r} is not a known {cls.__name__}") from None


def _opt_enum(cls: type[E], value: Any) -> E | None:
    return None if value is None else _enum(cls, value)


_EMPTY: frozenset[Any] = frozenset()


def _enum_set(cls: type[E], values: Any) -> frozenset[E]:
    if type(values) is not list:
        raise MalformedRecord(f"{cls.__name__} list expected, not {values!r}")
    if not values:
        return _EMPTY
    return frozenset(_enum(cls, v) for v in values)


def _opt_bool(value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise MalformedRecord(f"yes/no expected, not {value!r}")


def _instant(doc: Mapping[str, Any], prefix: str) -> Instant:
    offset = _int(doc, f"{prefix}_offset_min")
    if not -MAX_OFFSET_MIN <= offset <= MAX_OFFSET_MIN:  # within(offset, OFFSET_RANGE)
        raise MalformedRecord(f"{prefix}_offset_min is not a UTC offset: {offset!r}")
    return Instant(_ms(doc, f"{prefix}_ms"), offset)


def _opt_instant(doc: Mapping[str, Any], prefix: str) -> Instant | None:
    return None if doc.get(f"{prefix}_ms") is None else _instant(doc, prefix)


def _put_instant(doc: Doc, prefix: str, value: Instant | None) -> None:
    doc[f"{prefix}_ms"] = None if value is None else value.utc_ms
    doc[f"{prefix}_offset_min"] = None if value is None else value.offset_min


def _stamps(rec: Any) -> Doc:
    return {
        "created_ms": rec.created_ms,
        "updated_ms": rec.updated_ms,
        "deleted_ms": rec.deleted_ms,
    }


def _read_stamps(doc: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "created_ms": _ms(doc, "created_ms"),
        "updated_ms": _ms(doc, "updated_ms"),
        "deleted_ms": _opt_ms(doc, "deleted_ms"),
    }


def _opt_date(value: Any) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise MalformedRecord(f"date expected, not {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise MalformedRecord(f"{value!r} is not a date") from None


# --- movements -------------------------------------------------------------


def movement_to_doc(m: Movement) -> Doc:
    return {
        "id": m.id,
        "child": m.child_id,
        "episode": m.episode_id,
        "at_ms": m.at.utc_ms,
        "at_offset_min": m.at.offset_min,
        "kind": m.kind.value,
        "note": _limit(m.note, MAX_NOTE_CHARS, "The movement's note"),
        **_stamps(m),
    }


def movement_from_doc(doc: Mapping[str, Any]) -> Movement:
    return _build(
        Movement,
        id=_str(doc, "id"),
        child_id=_str(doc, "child"),
        episode_id=_str(doc, "episode"),
        at=_instant(doc, "at"),
        kind=_enum(MovementKind, _field(doc, "kind")),
        note=_str(doc, "note", ""),
        **_read_stamps(doc),
    )


# --- episodes --------------------------------------------------------------


def episode_to_doc(e: Episode) -> Doc:
    doc: Doc = {"id": e.id, "child": e.child_id}
    _put_instant(doc, "opened", e.opened)
    _put_instant(doc, "settled", e.settled)
    doc.update(
        onset_state=None if e.onset_state is None else e.onset_state.value,
        soothing=sorted(s.value for s in e.soothing),
        response=None if e.response is None else e.response.value,
        stopped_when_woken=None if e.stopped_when_woken is None else e.stopped_when_woken.value,
        signs=sorted(s.value for s in e.signs),
        triggers=sorted(t.value for t in e.triggers),
        video=e.video,
        note=_limit(e.note, MAX_NOTE_CHARS, "The episode's note"),
        **_stamps(e),
    )
    return doc


def episode_from_doc(doc: Mapping[str, Any]) -> Episode:
    return _build(
        Episode,
        id=_str(doc, "id"),
        child_id=_str(doc, "child"),
        opened=_instant(doc, "opened"),
        settled=_opt_instant(doc, "settled"),
        onset_state=_opt_enum(OnsetState, doc.get("onset_state")),
        soothing=_enum_set(Soothing, doc.get("soothing", [])),
        response=_opt_enum(Response, doc.get("response")),
        stopped_when_woken=_opt_enum(StoppedWhenWoken, doc.get("stopped_when_woken")),
        signs=_enum_set(Sign, doc.get("signs", [])),
        triggers=_enum_set(Trigger, doc.get("triggers", [])),
        video=_opt_bool(doc.get("video")),
        note=_str(doc, "note", ""),
        **_read_stamps(doc),
    )


# --- sleep -----------------------------------------------------------------


def sleep_to_doc(s: SleepPeriod) -> Doc:
    doc: Doc = {"id": s.id, "child": s.child_id}
    _put_instant(doc, "asleep", s.asleep)
    _put_instant(doc, "awake", s.awake)
    doc.update(_stamps(s))
    return doc


def sleep_from_doc(doc: Mapping[str, Any]) -> SleepPeriod:
    return _build(
        SleepPeriod,
        id=_str(doc, "id"),
        child_id=_str(doc, "child"),
        asleep=_instant(doc, "asleep"),
        awake=_opt_instant(doc, "awake"),
        **_read_stamps(doc),
    )


# --- children and settings -------------------------------------------------


def child_to_doc(c: Child) -> Doc:
    return {
        "id": c.id,
        "name": _limit(c.name, MAX_NAME_CHARS, "The child's name"),
        "birth_date": None if c.birth_date is None else c.birth_date.isoformat(),
        "born_early": c.born_early,
        "family_history": c.family_history.value,
        "labs": [
            {
                "test": _limit(lab.test, MAX_NAME_CHARS, "A lab test's name"),
                "value": _limit(lab.value, MAX_NAME_CHARS, "A lab result"),
                "unit": _limit(lab.unit, MAX_NAME_CHARS, "A lab unit"),
                "taken": None if lab.taken is None else lab.taken.isoformat(),
            }
            for lab in c.labs
        ],
        "notes": _limit(c.notes, MAX_NOTE_CHARS, "The child's notes"),
        **_stamps(c),
    }


def child_from_doc(doc: Mapping[str, Any]) -> Child:
    labs = doc.get("labs", [])
    if not isinstance(labs, list) or not all(isinstance(lab, dict) for lab in labs):
        raise MalformedRecord(f"labs must be a list of lab results, not {labs!r}")
    return _build(
        Child,
        id=_str(doc, "id"),
        name=_str(doc, "name"),
        birth_date=_opt_date(doc.get("birth_date")),
        born_early=_opt_bool(doc.get("born_early")),
        family_history=_enum(FamilyHistory, doc.get("family_history", "unknown")),
        labs=tuple(
            _build(
                LabResult,
                test=_str(lab, "test"),
                value=_str(lab, "value"),
                unit=_str(lab, "unit", ""),
                taken=_opt_date(lab.get("taken")),
            )
            for lab in labs
        ),
        notes=_str(doc, "notes", ""),
        **_read_stamps(doc),
    )


def settings_to_doc(s: Settings) -> Doc:
    return {
        "night_start_hour": s.night_start_hour,
        "idle_timeout_s": s.idle_timeout_s,
        "night_theme_from_hour": s.night_theme_from_hour,
        "night_theme_to_hour": s.night_theme_to_hour,
        "rule": s.rule.value,
        "text_scale": s.text_scale,
        "theme": s.theme.value,
        "selected_child_id": s.selected_child_id,
        "emergency_number": s.emergency_number,
        "language": s.language.value,
    }


def _language(value: Any) -> LanguageChoice:
    """The stored UI language; the system's when absent (files from before
    languages) or unknown (a later version's language): never a reason to
    refuse the settings."""
    try:
        return LanguageChoice(value)
    except ValueError:
        return LanguageChoice.SYSTEM


def settings_from_doc(doc: Mapping[str, Any]) -> Settings:
    default = Settings()
    scale = doc.get("text_scale", default.text_scale)
    if not isinstance(scale, int | float) or isinstance(scale, bool):
        raise MalformedRecord(f"text_scale must be a number, not {scale!r}")
    selected = doc.get("selected_child_id")
    if selected is not None and not isinstance(selected, str):
        raise MalformedRecord("selected_child_id must be text")
    return _build(
        Settings,
        night_start_hour=doc.get("night_start_hour", default.night_start_hour),
        idle_timeout_s=doc.get("idle_timeout_s", default.idle_timeout_s),
        night_theme_from_hour=doc.get("night_theme_from_hour", default.night_theme_from_hour),
        night_theme_to_hour=doc.get("night_theme_to_hour", default.night_theme_to_hour),
        rule=_enum(RuleSet, doc.get("rule", default.rule.value)),
        text_scale=float(scale),
        theme=_enum(ThemeChoice, doc.get("theme", default.theme.value)),
        selected_child_id=selected,
        emergency_number=doc.get("emergency_number", default.emergency_number),
        language=_language(doc.get("language")),
    )
