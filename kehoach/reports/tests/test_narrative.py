"""The pre-filled narrative names each group of targets for what it is, and its counts add up."""

from __future__ import annotations

from kehoach.reports.narrative import difficulties_text, results_text
from kehoach.reports.tests.factories import report_data, target


def _review():
    return report_data(
        kind="midterm_review",
        year=2025,
        targets=(
            target("T1", status="not_achieved", status_label="Không đạt"),
            target("T2", status="not_achieved", status_label="Không đạt"),
            target("T3", status="at_risk", status_label="Có nguy cơ không đạt", milestone_year=2030),
            target("T4", status="achieved", status_label="Đã đạt"),
            target("T5", status="no_data", status_label="Chưa có số liệu", latest=None, latest_year=None),
        ),
    )


def test_a_review_counts_achieved_missed_and_unassessed_targets_apart():
    text = results_text(_review())
    # T1, T2, T4 and T5 have 2025 milestones (the factory's default); T3 is a 2030 target.
    assert "Trong 4 chỉ tiêu có mốc đến năm 2025: 1 chỉ tiêu đạt; 2 chỉ tiêu không đạt; " in text
    assert "1 chỉ tiêu chưa có số liệu để đánh giá." in text
    assert "chưa đạt hoặc chưa đánh giá được" not in text


def test_missed_milestones_are_listed_apart_from_targets_at_risk():
    text = results_text(_review())
    missed = text.index("Các chỉ tiêu không đạt (đã qua mốc):")
    risky = text.index("Các chỉ tiêu chậm tiến độ hoặc có nguy cơ không đạt:")
    assert missed < text.index("không đạt.", missed) < risky  # T1/T2 under the first heading
    assert text[risky:].count("\n- ") == 1  # only T3 under the second
    hard = difficulties_text(_review())
    assert "- 2 chỉ tiêu không đạt (đã qua mốc) (T1, T2)." in hard
    assert "- 1 chỉ tiêu chậm tiến độ hoặc có nguy cơ không đạt (T3)." in hard
