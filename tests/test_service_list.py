"""A 服务事项清单 as offices write it in Word: one row per 事项 with its 申报对象, 支持标准, 申报材料 and 受理部门,
cells of several lines ('1.申请表' / '2.劳动合同'), and a 受理部门 cell merged down over the rows it serves.
'去哪里办' is answered by the merged cell, '要交哪些材料' by the 申报材料 column, '什么样的企业能申请' by the
申报对象 column (not by the sentence saying what to submit), and a cell's lines are said apart. The document is
invented for the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ask.engine import Engine
from assistant.core.types import Table
from assistant.ingest.loaders.docx import read_docx
from tests.conftest import make_settings

ROWS = [
    ["事项名称", "申报对象", "支持标准", "申报材料", "受理部门"],
    ["青年人才生活补贴", "全日制硕士及以上学历、首次在区内就业的青年人才", "硕士每月1000元\n博士每月2000元",
     "1.申请表\n2.学位证书\n3.劳动合同", "区人社局"],
    ["企业引才奖励", "区内规模以上工业企业", "每引进1名博士奖励企业3万元", "1.申请表\n2.引进人员花名册", ""],
    ["技能晋级奖励", "新取得技师职业资格的职工", "技师3000元", "1.申请表\n2.职业资格证书", ""],
    ["人才子女入学协调", "A至C类高层次人才", "协调就读公办学校1次", "1.申请表\n2.户口簿", "区教育局"],
]


def service_list_docx(path: Path) -> Path:
    from docx import Document

    document = Document()
    document.add_paragraph("云溪区2026年度人才政策兑现事项清单（测试用虚构文件）")
    document.add_paragraph("一、兑现事项")
    table = document.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for r, cells in enumerate(ROWS):
        for c, text in enumerate(cells):
            lines = text.split("\n")
            cell = table.cell(r, c)
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    table.cell(1, 4).merge(table.cell(3, 4))  # 区人社局 accepts the first three 事项
    document.add_paragraph("二、申报方式")
    document.add_paragraph("申请企业引才奖励的，应当提交引进人员花名册和劳动合同复印件。")
    document.add_paragraph("三、咨询电话")
    document.add_paragraph("区人社局人才科：0591-7712345。")
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def docx_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return service_list_docx(tmp_path_factory.mktemp("service-list") / "service-list.docx")


@pytest.fixture(scope="module")
def engine(docx_file: Path, tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Engine]:
    data = tmp_path_factory.mktemp("service-list-data")
    engine = Engine(make_settings(data, docx_file.parent, embedding_cache))
    engine.start(progress=False, wait_for_vectors=True)
    try:
        yield engine
    finally:
        engine.close()


def test_a_merged_cell_holds_for_every_row_it_spans_and_lines_stay_apart(docx_file: Path) -> None:
    blocks, _ = read_docx(docx_file)
    table = next(b for b in blocks if isinstance(b, Table))
    units = [row[4] for row in table.rows[1:]]
    assert units == ["区人社局", "区人社局", "区人社局", "区教育局"]
    assert table.rows[1][3] == "1.申请表\n2.学位证书\n3.劳动合同"


def test_where_to_apply_is_the_merged_cell(engine: Engine) -> None:
    answer = engine.ask("技能晋级奖励去哪里办？")
    assert answer.answerable
    assert "区人社局" in answer.answer


def test_materials_come_from_the_materials_column(engine: Engine) -> None:
    answer = engine.ask("技能晋级奖励要交哪些材料？")
    assert "职业资格证书" in answer.answer and "申请表" in answer.answer
    answer = engine.ask("办青年人才生活补贴要带什么？")
    assert "学位证书" in answer.answer and "劳动合同" in answer.answer


def test_a_cells_lines_are_said_apart(engine: Engine) -> None:
    answer = engine.ask("青年人才生活补贴的支持标准是多少？")
    assert "1000元" in answer.answer and "2000元" in answer.answer
    assert "1000元博士" not in answer.answer  # two lines of the cell, not one run-on phrase


def test_who_may_apply_is_the_applicants_column_not_what_to_submit(engine: Engine) -> None:
    answer = engine.ask("什么样的企业能申请企业引才奖励？")
    assert answer.answerable
    assert "规模以上工业企业" in answer.answer
