"""The order a run starts its tasks in (publish/schedule.py)."""

from __future__ import annotations

from minzheng.publish import schedule


def test_tasks_start_longest_first_and_a_task_never_timed_starts_before_them():
    times = {"00_overview": 4.0, "01_assistance": 5.9, "data exports": 1.2}
    order = schedule.longest_first(["00_overview", "01_assistance", "02_new", "data exports"], times)
    assert order == ["02_new", "01_assistance", "00_overview", "data exports"]


def test_with_no_times_the_tasks_keep_their_given_order():
    assert schedule.longest_first(["b", "a", "c"], {}) == ["b", "a", "c"]


def test_times_are_kept_for_the_next_run_and_merged_with_those_of_tasks_not_run(tmp_path):
    schedule.save_times(tmp_path, {"00_overview": 4.04, "01_assistance": 5.9})
    schedule.save_times(tmp_path, {"00_overview": 3.0})
    assert schedule.last_times(tmp_path) == {"00_overview": 3.0, "01_assistance": 5.9}


def test_an_unreadable_or_odd_times_file_gives_no_times(tmp_path):
    (tmp_path / schedule.TIMES_FILE).write_text("{not json", encoding="utf-8")
    assert schedule.last_times(tmp_path) == {}
    (tmp_path / schedule.TIMES_FILE).write_text('["a list"]', encoding="utf-8")
    assert schedule.last_times(tmp_path) == {}
    (tmp_path / schedule.TIMES_FILE).write_text('{"a": "slow", "b": 2, "c": NaN}', encoding="utf-8")
    assert schedule.last_times(tmp_path) == {"b": 2.0}
