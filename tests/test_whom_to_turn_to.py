"""Who handles a matter and whom to turn to, as any document's tables say it: a row's 受理部门 or 联系人 cell answers
'哪个部门管' / '找谁', as a 牵头单位 cell does; '找谁交材料' asks a person, not which materials; a word for where in the
document ('那个表里') is no subject the documents fail to mention. The document is invented for the test
(测试用虚构文件)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ask.kinds import asked_kinds
from tests.conftest import engine_over

NOTICE = """# 青梧市2026年度人才政策兑现申报通知

（本文件为测试用虚构文件）

## 一、兑现事项

| 事项名称 | 支持标准 | 受理部门 |
|---|---|---|
| 人才安家补贴 | A类人才60万元，B类人才40万元 | 市人社局 |
| 人才健康体检 | 每年1次免费体检，每人每次1500元以内 | 市卫生健康委 |
| 人才子女入学 | 协调就读公办学校 | 市教育局 |

## 二、申报时间

2026年5月6日至5月29日，逾期不予受理。

## 三、申报材料

申报人应当提交下列材料：

1. 申报表；
2. 身份证复印件；
3. 劳动合同复印件。

## 四、各区联系人

| 区 | 联系人 | 电话 |
|---|---|---|
| 桐荫区 | 林晓雯 | 0766-5123401 |
| 柘溪区 | 陈子昂 | 0766-5234502 |
| 杉湾区 | 黄一鸣 | 0766-5345603 |
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path):
    with engine_over(tmp_path_factory, embedding_cache, "whom", {"qingwu-tongzhi.md": NOTICE}) as engine:
        yield engine


@pytest.mark.parametrize(
    ("question", "unit", "not_said"),
    [
        ("人才健康体检哪个部门管？", "市卫生健康委", "市人社局"),
        ("孩子入学这个事是哪个部门负责？", "市教育局", "市卫生健康委"),
    ],
)
def test_a_rows_accepting_department_answers_which_department(engine, question: str, unit: str, not_said: str) -> None:
    answer = engine.ask(question)
    assert answer.answerable
    assert unit in answer.answer
    assert not_said not in answer.answer
    assert any(unit in c.quote for c in answer.citations)


@pytest.mark.parametrize(("question", "person"), [("柘溪区找谁交材料？", "陈子昂"), ("杉湾区有事找谁？", "黄一鸣")])
def test_whom_to_hand_materials_to_is_the_rows_contact_person(engine, question: str, person: str) -> None:
    answer = engine.ask(question)
    assert answer.answerable
    assert person in answer.answer
    assert "劳动合同" not in answer.answer  # not the list of materials


def test_asking_whom_or_where_to_hand_materials_asks_no_list_of_materials() -> None:
    assert "procedure" not in asked_kinds("找谁交材料？")
    assert "procedure" not in asked_kinds("材料交给谁？")
    assert asked_kinds("纸质材料交到哪里？") == ["address"]
    assert "procedure" in asked_kinds("要交哪些材料，交到哪里？")  # which materials is asked too


def test_where_in_the_document_is_no_unknown_subject(engine) -> None:
    answer = engine.ask("通知那个表里，B类人才安家补贴多少？")
    assert answer.answerable
    assert "40万元" in answer.answer
