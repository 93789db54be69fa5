"""Any policy document, not only the plan: structure (第X章/第X条, enumerations, Q&A), tables of any shape
(header roles and units, tables across pages, landscape pages), metadata, and the facts of a policy.

Real files: the six invented documents in tests/data/policy/ (see its README) and small documents written
here. Nothing in the code under test knows these documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.core.types import Chunk, Fact, RawDocument
from assistant.ingest.chunking import chunk_document
from assistant.ingest.facts import extract_facts
from assistant.ingest.loaders import load_document
from assistant.ingest.structure import ARTICLE_LEVEL, extract_tables, parse_heading, split_sections
from assistant.store.db import make_db_engine
from assistant.store.factstore import FactStore

POLICY = Path(__file__).parent / "data" / "policy"


def parsed(path: Path, chunk_chars: int = 200) -> tuple[RawDocument, list[Chunk], list[Fact]]:
    doc = load_document(path)
    chunks = chunk_document(doc, chunk_chars=chunk_chars)
    return doc, chunks, extract_facts(doc, extract_tables(doc), chunks)


@pytest.fixture(scope="module")
def docs() -> dict[str, tuple[RawDocument, list[Chunk], list[Fact]]]:
    names = [
        "banfa-boshi.docx", "shenbao-tongzhi.pdf", "rending-biaozhun.pdf",
        "shishi-xize.txt", "zhengce-wenda.md", "landscape-table.pdf",
    ]  # fmt: skip
    return {name.split(".")[0]: parsed(POLICY / name) for name in names}


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ structure


ARTICLES = """某县青年人才补贴办法

第一章　总则
第一条　为吸引青年人才，制定本办法。
第二章　申报条件
第二条　申请人应当同时符合下列条件：
（一）具有全日制本科及以上学历；
（二）年龄不超过35周岁；
（三）在本县连续缴纳社会保险满6个月。
第三条　补贴标准为每人每月1500元，最长发放24个月。
第三章　附则
第四条　本办法由县人社局负责解释。
"""


def test_articles_are_sections_and_their_items_stay_with_them(tmp_path: Path) -> None:
    assert parse_heading("第十二条　申请人应当…") == (ARTICLE_LEVEL, "第十二条")
    assert parse_heading("第三章　补贴标准")[1] == "第三章 补贴标准"  # type: ignore[index]
    doc, chunks, _ = parsed(write(tmp_path, "banfa.txt", ARTICLES))
    paths = [s.path_text for s in split_sections(doc)]
    assert "第二章 申报条件 > 第二条" in paths and "第三章 附则 > 第四条" in paths
    article = next(c for c in chunks if c.section == "第二章 申报条件 > 第二条")
    # the introduction and all three items in ONE chunk, the items also as a field
    assert article.text.startswith("申请人应当同时符合下列条件：")
    assert article.text.endswith("（三）在本县连续缴纳社会保险满6个月。")
    assert article.items == [
        "（一）具有全日制本科及以上学历；", "（二）年龄不超过35周岁；", "（三）在本县连续缴纳社会保险满6个月。"
    ]  # fmt: skip
    # an item is never a section of its own
    assert not any("（二）" in p for p in paths)


def test_the_docx_banfa_cites_articles_under_their_chapters(docs) -> None:  # type: ignore[no-untyped-def]
    _, chunks, _ = docs["banfa-boshi"]
    materials = next(c for c in chunks if c.section == "第四章 申请程序 > 第十六条")
    assert materials.text.startswith("申请补贴应当提交下列材料：") and len(materials.items) == 7
    procedure = next(c for c in chunks if c.section == "第四章 申请程序 > 第十七条")
    # '（一）申报。…' inside an article is an item, not a sub-heading
    assert len(procedure.items) == 4 and "20个工作日" in procedure.text


def test_a_long_list_is_split_between_items_and_repeats_its_introduction(tmp_path: Path) -> None:
    items = "\n".join(
        f"（{n}）第{n}项申报材料的原件及复印件，须加盖单位公章并注明用途；" for n in "一二三四五六七八"
    )
    doc, chunks, _ = parsed(
        write(tmp_path, "notice.txt", f"某县申报通知\n一、申报材料\n申报单位应当提交以下材料：\n{items}\n"),
        50,
    )
    parts = [c for c in chunks if c.section == "一、申报材料"]
    assert len(parts) > 1
    assert all(c.text.startswith("申报单位应当提交以下材料：") for c in parts)
    assert sum(len(c.items) for c in parts) == 8


def test_questions_and_answers_are_one_chunk_per_pair(tmp_path: Path, docs) -> None:  # type: ignore[no-untyped-def]
    _, chunks, _ = parsed(
        write(tmp_path, "qa.txt", "某区人才政策问答\n问：博士可以领多少生活补贴？\n答：每月2000元，最长发放36个月。\n"
              "1.须在本区全职工作；\n2.须缴纳社会保险。\n问：去哪里办理？\n答：区人才服务中心一楼窗口。\n")
    )  # fmt: skip
    qa = {c.section: c.text for c in chunks if c.kind == "text" and c.section}
    assert qa["博士可以领多少生活补贴？"].startswith("答：每月2000元")
    assert "2.须缴纳社会保险。" in qa["博士可以领多少生活补贴？"]  # the answer's numbered lines stay in it
    assert qa["去哪里办理？"] == "答：区人才服务中心一楼窗口。"
    _, md_chunks, _ = docs["zhengce-wenda"]
    by_question = [c for c in md_chunks if c.kind == "text" and c.section.endswith("？")]
    assert len({c.section for c in by_question}) == 16
    stay = next(c for c in by_question if c.section == "人才公寓最长能住多久？")
    assert stay.text.startswith("答：租赁合同每次签订不超过2年") and "累计租住不超过6年" in stay.text


@pytest.mark.parametrize(
    ("doc", "title", "number", "date", "issuer"),
    [
        ("banfa-boshi", "晋江市高层次人才和博士引进安家生活补贴办法", "晋政办规〔2025〕9号", "2025年5月20日", "晋江市人民政府办公室"),
        ("shenbao-tongzhi", "关于开展2025年度“海燕计划”青年创新创业人才项目申报工作的通知", "海人社〔2025〕12号", "2025年4月18日",
         "海屿市人力资源和社会保障局 海屿市财政局"),
        ("rending-biaozhun", "澜川市高层次人才分类认定标准（2025年版）", "澜人才办〔2025〕5号", "2025年3月10日",
         "中共澜川市委人才工作领导小组办公室 澜川市人力资源和社会保障局"),
        ("shishi-xize", "晋江市青年人才租房补贴和企业引才奖励实施细则", "晋人社〔2025〕21号", "2025年2月26日",
         "晋江市人力资源和社会保障局 晋江市住房和城乡建设局"),
        # a 问答 signed to the month by two bodies under its title
        ("zhengce-wenda", "溪南区人才安居政策问答（2025年）", None, "2025年6月",
         "中共溪南区委人才工作领导小组办公室 溪南区住房和城乡建设局"),
    ],
)  # fmt: skip
def test_title_number_issuer_and_date_come_from_the_document(docs, doc, title, number, date, issuer) -> None:  # type: ignore[no-untyped-def]
    meta = docs[doc][0].meta
    assert (meta.title, meta.doc_number, meta.date, meta.issuer) == (title, number, date, issuer)


def test_spaces_between_chinese_characters_are_removed_at_load(tmp_path: Path) -> None:
    doc = load_document(
        write(
            tmp_path,
            "x.txt",
            "某县通知\n开展职业技能培训 鉴定，新增载体50家 以上，GMP 质量体系到 2025 年。\n",
        )
    )
    text = doc.blocks[1].text  # type: ignore[union-attr]
    assert text == "开展职业技能培训鉴定，新增载体50家以上，GMP 质量体系到 2025 年。"


# ------------------------------------------------------------------ tables


def test_a_header_unit_is_carried_into_every_value(docs) -> None:  # type: ignore[no-untyped-def]
    _, chunks, _ = docs["banfa-boshi"]
    row = next(c for c in chunks if c.kind == "table_row" and c.row_key == "D类人才")
    assert row.text == "D类人才 — 安家补贴：30万元；生活补贴：3000元/月；生活补贴发放期限：36个月"
    assert ("生活补贴", "3000元/月") in row.cells and ("安家补贴", "30万元") in row.cells
    assert (
        row.section.endswith("表1　安家补贴和生活补贴标准 > D类人才")
        and row.table == "表1　安家补贴和生活补贴标准"
    )


def test_a_table_continued_on_the_next_page_without_its_header_is_one_table(docs) -> None:  # type: ignore[no-untyped-def]
    doc, chunks, _ = docs["rending-biaozhun"]
    tables = extract_tables(doc)
    assert len(tables) == 1 and len(tables[0].rows) == 29
    assert tables[0].header == ["类别", "序号", "认定条件", "说明"]
    rows = [c for c in chunks if c.kind == "table_row"]
    assert {c.page for c in rows} == {1, 2}
    c3 = next(c for c in rows if c.row_key == "C类（省级领军人才） C3")
    # a page-2 row read with the header roles of page 1
    assert c3.page == 2 and ("认定条件", "享受国务院政府特殊津贴的专家") in c3.cells
    assert c3.text == "C类（省级领军人才） C3 — 认定条件：享受国务院政府特殊津贴的专家"


def test_landscape_table_pages_give_their_rows(docs) -> None:  # type: ignore[no-untyped-def]
    _, chunks, facts = docs["landscape-table"]
    rows = [c for c in chunks if c.kind == "table_row"]
    assert len(rows) == 30 and {c.page for c in rows} == {2, 3}
    chip = next(c for c in rows if c.row_key == "集成电路设计工程师")
    assert ("薪酬补贴", "6000元/月") in chip.cells and ("学历要求", "硕士及以上") in chip.cells
    assert chip.text.startswith("集成电路设计工程师 — 产业：新一代信息技术；学历要求：硕士及以上")
    pay = next(f for f in facts if f.kind == "amount" and f.subject == "智能制造产线经理")
    assert (pay.value, pay.unit, pay.column, pay.page) == ("3500元/月", "元/月", "薪酬补贴", 3)


def test_a_markdown_table_inside_an_answer_is_read_with_its_unit(docs) -> None:  # type: ignore[no-untyped-def]
    _, chunks, facts = docs["zhengce-wenda"]
    row = next(c for c in chunks if c.kind == "table_row" and c.row_key == "E类人才")
    assert row.section == "购房补贴给多少？ > E类人才"
    assert ("购房补贴", "20万元") in row.cells
    age = next(f for f in facts if f.kind == "age_limit" and f.subject == "E类人才")
    assert age.value == "不超过45周岁"


# ------------------------------------------------------------------ facts


def one(facts: list[Fact], kind: str, **want: object) -> Fact:
    found = [f for f in facts if f.kind == kind and all(getattr(f, k) == v for k, v in want.items())]
    assert found, (kind, want, [(f.subject, f.value) for f in facts if f.kind == kind])
    return found[0]


def test_every_fact_quotes_its_chunk(docs) -> None:  # type: ignore[no-untyped-def]
    for _, chunks, facts in docs.values():
        by_id = {c.chunk_id: c for c in chunks}
        for fact in facts:
            assert fact.chunk_id in by_id, fact
            chunk = by_id[fact.chunk_id]
            if "\t" in fact.quote:  # a table row quoted cell by cell (the plan's kinds)
                assert all(any(v.startswith(c) for _, v in chunk.cells) for c in fact.quote.split("\t") if c)
            else:
                assert fact.quote in chunk.text.replace("\n", "") or fact.quote in chunk.text, fact


def test_notice_facts_deadline_window_contact_amount_with_pages(docs) -> None:  # type: ignore[no-untyped-def]
    _, _, facts = docs["shenbao-tongzhi"]
    window = one(facts, "application_window", start="2025年5月6日")
    assert window.end == "2025年6月20日" and window.page == 1 and window.section == "四、申报时间"
    deadline = one(facts, "deadline", value="2025年6月25日17:00")
    assert "截止" in deadline.quote and deadline.page == 1
    phone = one(facts, "contact", value="0596-7123456")
    assert phone.subject == "市人社局人才开发科：陈先生" and phone.page == 2
    one(facts, "contact", value="hyrc2025@example.cn")
    grant = one(facts, "amount", value="20万元")
    assert "创新类" in (grant.subject or "") and grant.unit == "万元"
    materials = one(facts, "materials", section="五、申报材料")
    assert len(materials.items) == 6 and materials.items[0].startswith("1.《2025年度")
    one(facts, "processing_time", value="5个工作日")
    place = one(facts, "channel", value="海屿市滨海大道188号市民服务中心二楼8号窗口")
    assert place.page == 2


def test_banfa_facts_conditions_ages_times_responsible_validity_sanctions(docs) -> None:  # type: ignore[no-untyped-def]
    _, _, facts = docs["banfa-boshi"]
    conditions = one(facts, "condition", section="第二章 补贴对象和条件 > 第六条")
    assert len(conditions.items) == 5
    assert one(facts, "age_limit", value="55周岁").subject == "C类、D类人才"
    assert one(facts, "processing_time", value="20个工作日").subject == "审核"
    assert one(facts, "responsible", subject="解释").value == "市委人才工作领导小组办公室"
    assert one(facts, "effective", subject="施行日期").start == "2025年7月1日"
    assert one(facts, "effective", subject="有效期").end == "2028年6月30日"
    assert one(facts, "application_window", start="9月1日").end == "9月30日"
    assert one(facts, "contact", value="0595-85638201").section == "第四章 申请程序 > 第十八条"
    assert any(f.kind == "sanction" and "追回" in f.quote for f in facts)
    amount = one(facts, "amount", subject="全职博士研究生", column="生活补贴")
    assert amount.value == "2500元/月"
    one(facts, "channel", value="“晋江人才服务平台”")


def test_detail_rules_facts_amount_per_month_and_duration(docs) -> None:  # type: ignore[no-untyped-def]
    _, _, facts = docs["shishi-xize"]
    rent = one(facts, "amount", value="2000元", unit="元/月")
    assert rent.subject == "博士研究生"
    assert one(facts, "duration", value="最长发放36个月").unit == "个月"
    assert one(facts, "effective", subject="有效期").value == "3年"


def test_new_kinds_survive_the_fact_store(docs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc, _, facts = docs["shenbao-tongzhi"]
    store = FactStore(make_db_engine(f"sqlite:///{tmp_path / 'facts.db'}"))
    store.replace_document(doc.doc_id, facts)
    contacts = store.query(kind="contact")
    assert {f.value for f in contacts} >= {"0596-7123456", "0596-7123478", "0596-7123499"}
    materials = store.query(kind="materials")[0]
    assert materials.items and materials.items == one(facts, "materials").items


def test_a_table_announced_by_a_list_sentence_does_not_swallow_the_next_heading(tmp_path: Path) -> None:
    text = (
        "某县技能人才奖励细则\n二、奖励标准\n（一）等级奖励\n首次取得下列等级证书的，按下表给予奖励：\n"
        "等级\t奖励金额（元）\n技师\t3000\n高级工\t1500\n"
        "（二）竞赛奖励。在省级竞赛中获得第一名的，奖励2万元。\n"
    )
    _, chunks, facts = parsed(write(tmp_path, "jl.txt", text))
    assert any(c.section == "二、奖励标准 > （二）竞赛奖励" for c in chunks)
    assert next(c for c in chunks if c.row_key == "技师").cells == [("等级", "技师"), ("奖励金额", "3000元")]
    prize = one(facts, "amount", value="2万元")
    assert prize.subject == "在省级竞赛中获得第一名的，奖励" and prize.section == "二、奖励标准 > （二）竞赛奖励"
