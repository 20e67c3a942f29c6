"""rlbaby/ui/widgets/problem_line.py: the urgent line shows only while it has a text."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from rlbaby.ui.widgets.problem_line import ProblemLine


def test_the_problem_line_is_hidden_until_it_has_something_to_say(qtbot: QtBot) -> None:
    line = ProblemLine("some_problem")
    qtbot.addWidget(line)
    assert line.objectName() == "some_problem"
    assert line.property("role") == "urgent"
    assert line.isHidden()
    line.say("The disk is full.")
    assert not line.isHidden()
    assert line.text() == "The disk is full."
    line.say("")
    assert line.isHidden()
