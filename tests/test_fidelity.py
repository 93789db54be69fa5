"""The fidelity checker catches figures and unit names that no quote backs, and lets faithful answers through."""

from __future__ import annotations

from assistant.ask.fidelity import check_answer, enforce
from assistant.core.types import Answer, Citation

ROW = "3\t硕博人才“倍增工程”\t支持各类用人主体大力引进硕博士（后），力争博士达到1000名、硕士达到10000名。\t…\t市直涉才部门、各镇（街道）、经济开发区"
TABLE = "一级指标\t序号\t二级指标\t单位\t2020年\t2025年\n人才环境\t17\t博士后工作站\t家\t2\t4"


def cite(quote: str) -> Citation:
    return Citation(id=1, doc_id="d", title="规划", section="附件1", page=34, quote=quote, chunk_id=None)


def test_faithful_answer_passes() -> None:
    text = "硕博人才“倍增工程”的牵头单位是市直涉才部门、各镇（街道）、经济开发区，力争博士达到1000名。"
    assert check_answer(text, [cite(ROW)]) == []


def test_planted_wrong_number_is_caught() -> None:
    problems = check_answer("力争博士达到1200名、硕士达到10000名。", [cite(ROW)])
    assert problems == ["number 1200 not in any quote"]


def test_planted_wrong_unit_name_is_caught() -> None:
    problems = check_answer("硕博人才“倍增工程”由人社局牵头。", [cite(ROW)])
    assert any("人社局" in p for p in problems)


def test_table_cells_do_not_merge_into_one_number() -> None:
    assert check_answer("博士后工作站2020年为2家，2025年目标为4家。", [cite(TABLE)]) == []
    assert check_answer("博士后工作站2025年目标为24家。", [cite(TABLE)]) == ["number 24 not in any quote"]


def test_full_width_digits_and_spaces_are_normalised() -> None:
    quote = "到 2025 年，全社会研发投入达到 100 亿元以上"
    assert check_answer("到２０２５年全社会研发投入达到100亿元以上。", [cite(quote)]) == []
    assert check_answer("全社会研发投入达到100万元。", [cite(quote)]) != []


def test_wrong_date_range_is_caught() -> None:
    quote = "5\t建设福州大学—晋江微电子研究院\t装修面积1300平方米\t2021-2024\t科技局"
    assert check_answer("实施年限为2021-2024。", [cite(quote)]) == []
    assert any("2021-2025" in p for p in check_answer("实施年限为2021-2025。", [cite(quote)]))


def test_enforce_replaces_an_unfaithful_answer_and_says_why() -> None:
    bad = Answer(
        answer="博士达到1500名。", answerable=True, confidence=0.9, citations=[cite(ROW)], generator="llm"
    )
    fallback = Answer(answer="力争博士达到1000名。", answerable=True, confidence=0.8, citations=[cite(ROW)])
    result = enforce(bad, fallback)
    assert result.answer == fallback.answer
    assert result.fallback_reason and "1500" in result.fallback_reason
    good = bad.model_copy(update={"answer": "博士达到1000名。"})
    assert enforce(good, fallback) is good
