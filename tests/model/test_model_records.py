"""rlbaby/model/records.py and settings.py: validation of records and settings."""

from __future__ import annotations

import dataclasses

import pytest

from rlbaby.model import (
    URGENT_SIGNS,
    Child,
    Episode,
    FamilyHistory,
    Instant,
    Movement,
    MovementKind,
    OnsetState,
    RedFlag,
    Response,
    RuleSet,
    Settings,
    Sign,
    SleepPeriod,
    Soothing,
    StoppedWhenWoken,
    Trigger,
    label,
)


def test_child_needs_a_name() -> None:
    with pytest.raises(ValueError, match="needs a name"):
        Child("")
    with pytest.raises(ValueError, match="needs a name"):
        Child("   ")
    assert Child(" Ada ").name == " Ada "


def test_records_get_distinct_ids_and_are_frozen() -> None:
    a, b = Child("Ada"), Child("Ada")
    assert a.id != b.id
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.name = "Bo"  # type: ignore[misc]


def test_sleep_awake_before_asleep_rejected() -> None:
    asleep = Instant(10_000, 60)
    with pytest.raises(ValueError, match="before the asleep"):
        SleepPeriod("c", asleep, awake=Instant(9_999, 60))
    # Equal is allowed (an empty period), and so is an open one.
    assert SleepPeriod("c", asleep, awake=Instant(10_000, 0)).awake is not None
    assert SleepPeriod("c", asleep).awake is None


def test_sleep_order_uses_utc_not_local_clock() -> None:
    # 03:02+02:00 is after 01:58+01:00 even though DST moved the clock.
    asleep = Instant.parse("2026-03-29T01:58:00+01:00")
    awake = Instant.parse("2026-03-29T03:02:00+02:00")
    assert SleepPeriod("c", asleep, awake=awake).awake == awake
    with pytest.raises(ValueError, match="before the asleep"):
        SleepPeriod("c", awake, awake=asleep)


def test_urgent_signs_are_the_guides_red_flags_among_signs() -> None:
    ep = Episode("c", Instant(0), signs=frozenset({Sign.FEEDING_DIFFICULTY, Sign.BREATHING_PAUSES}))
    assert ep.urgent_signs == {Sign.BREATHING_PAUSES}
    assert Sign.COLOUR_CHANGE.urgent
    assert Sign.STIFFNESS.urgent  # a newborn seizure sign: never a pattern to wait for
    assert not Sign.INCONSOLABLE_CRYING.urgent
    assert URGENT_SIGNS == {
        Sign.EYES_ROLLING,
        Sign.COLOUR_CHANGE,
        Sign.BREATHING_PAUSES,
        Sign.STIFFNESS,
        Sign.TWITCHING_SPASMS,
        Sign.SAME_WHEN_AWAKE,
    }


def test_red_flags_cover_signs_not_stopping_when_woken_and_stiffening_taps() -> None:
    calm = Episode("c", Instant(0), signs=frozenset({Sign.INCONSOLABLE_CRYING}))
    assert calm.red_flags() == ()
    assert calm.red_flags(stiffening_tap=True) == (RedFlag.STIFFENING_OR_SPASMS,)
    woken = Episode("c", Instant(0), stopped_when_woken=StoppedWhenWoken.NO)
    assert woken.red_flags() == (RedFlag.NOT_STOPPED_WHEN_WOKEN,)
    assert Episode("c", Instant(0), stopped_when_woken=StoppedWhenWoken.YES).red_flags() == ()
    every = Episode(
        "c",
        Instant(0),
        signs=frozenset(URGENT_SIGNS),
        stopped_when_woken=StoppedWhenWoken.NO,
    )
    assert every.red_flags() == tuple(RedFlag)  # each flag once, in the guide's order
    assert all(label(f) != str(f) for f in RedFlag)  # each has parent words


def test_labels_are_words() -> None:
    assert label(MovementKind.JERK) == "jerk / twitch"
    assert label(Sign.EYES_ROLLING) == "eyes rolling or fixed"


def test_settings_defaults() -> None:
    s = Settings()
    assert (s.night_start_hour, s.idle_timeout_s, s.rule) == (18, 300, RuleSet.WASM)
    assert RuleSet.WASM.interval_s == (10.0, 90.0)
    assert RuleSet.AASM.interval_s == (5.0, 90.0)


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"night_start_hour": 24}, "night start hour must be 0-23"),
        ({"night_start_hour": -1}, "night start hour must be 0-23"),
        ({"night_theme_from_hour": 25}, "night theme from hour"),
        ({"night_theme_to_hour": -2}, "night theme to hour"),
        ({"idle_timeout_s": 29}, "idle timeout"),
        ({"idle_timeout_s": 3601}, "idle timeout"),
        ({"text_scale": 0.5}, "text size"),
        ({"text_scale": 2.5}, "text size"),
        ({"night_start_hour": 5.5}, "night start hour"),
        ({"night_start_hour": True}, "night start hour"),
        ({"idle_timeout_s": 60.5}, "idle timeout"),
        ({"idle_timeout_s": "60"}, "idle timeout"),
        ({"text_scale": "1"}, "text size"),
        ({"rule": "wasm2"}, "rule"),
        ({"theme": "dusk"}, "theme"),
    ],
)
def test_settings_validation(changes: dict[str, object], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        Settings(**changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "changes",
    [
        {"night_start_hour": 0},
        {"night_start_hour": 23},
        {"idle_timeout_s": 30},
        {"idle_timeout_s": 3600},
        {"text_scale": 0.75},
        {"text_scale": 2},
    ],
)
def test_settings_limits_are_inclusive(changes: dict[str, object]) -> None:
    Settings(**changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lo", "hi", "night_hours"),
    [
        (20, 7, {20, 21, 22, 23, 0, 1, 2, 3, 4, 5, 6}),
        (1, 5, {1, 2, 3, 4}),
    ],
)
def test_night_theme_hours(lo: int, hi: int, night_hours: set[int]) -> None:
    s = Settings(night_theme_from_hour=lo, night_theme_to_hour=hi)
    assert {h for h in range(24) if s.is_night_theme_hour(h)} == night_hours


def test_records_coerce_enum_fields_given_as_their_stored_spelling() -> None:
    # What a QVariant round trip hands back: the enum's value as a bare str.
    child = Child("Ada", family_history="no")  # type: ignore[arg-type]
    assert child.family_history is FamilyHistory.NO
    mv = Movement("c", "e", Instant(0), kind="kick")  # type: ignore[arg-type]
    assert mv.kind is MovementKind.KICK
    ep = Episode(
        "c",
        Instant(0),
        onset_state="asleep",  # type: ignore[arg-type]
        response="did_not_settle",  # type: ignore[arg-type]
        stopped_when_woken="no",  # type: ignore[arg-type]
        soothing={"rocking"},  # type: ignore[arg-type]
        signs=["colour_change"],  # type: ignore[arg-type]
        triggers=frozenset({"hunger"}),  # type: ignore[arg-type]
    )
    assert ep.onset_state is OnsetState.ASLEEP
    assert ep.response is Response.NOT_SETTLED
    assert ep.stopped_when_woken is StoppedWhenWoken.NO
    assert ep.soothing == frozenset({Soothing.ROCKING})
    assert all(type(s) is Sign for s in ep.signs)
    assert ep.urgent_signs == frozenset({Sign.COLOUR_CHANGE})
    assert ep.triggers == frozenset({Trigger.HUNGER})


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda: Child("Ada", family_history="maybe"), "family history"),
        (lambda: Child("Ada", born_early="yes"), "born early"),
        (lambda: Child("Ada", birth_date="2026-01-01"), "birth date"),
        (lambda: Movement("c", "e", Instant(0), kind="wobble"), "movement kind"),
        (lambda: Movement("c", "e", Instant(0), kind=3), "movement kind"),
        (lambda: Episode("c", Instant(0), soothing="rocking"), "soothing"),
        (lambda: Episode("c", Instant(0), signs={"sneezing"}), "signs"),
        (lambda: Episode("c", 0), "start"),
        (lambda: Episode("c", Instant(0), response="fine"), "response"),
    ],
)
def test_records_refuse_values_outside_their_enums(make, problem) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=problem):
        make()


def test_no_two_labelled_enums_share_a_stored_value_by_accident() -> None:
    # StrEnum members with equal values are one dict key: LABELS keeps only the
    # last label written for them. Only the plain answers may be shared.
    from rlbaby.model.records import LABELS

    classes = {type(k) for k in LABELS}
    seen: dict[str, type] = {}
    shared = set()
    for m in [m for cls in classes for m in cls]:
        if m.value in seen and seen[m.value] is not type(m):
            shared.add(m.value)
        seen.setdefault(m.value, type(m))
    assert shared <= {"yes", "no"}, shared
