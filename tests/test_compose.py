"""The extractive composer on the real plan: loader + chunker + BM25 (and the engine's hybrid retrieval for the
refusal-quality floor), answers a hotline operator can read out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.ask.compose import compose_answer
from assistant.ask.fidelity import check_answer
from assistant.ask.retrieval import BM25Retriever
from assistant.core.types import Answer, Chunk, ScoredChunk
from assistant.ingest.chunking import chunk_document
from assistant.ingest.loaders import load_document
from assistant.store.bm25 import BM25Index

PLAN_TXT = Path(__file__).parent / "data" / "jinjiang-talent-plan-2021-2025.txt"


@pytest.fixture(scope="session")
def plan_chunks() -> list[Chunk]:
    return chunk_document(load_document(PLAN_TXT))


@pytest.fixture(scope="session")
def bm25(plan_chunks: list[Chunk]) -> BM25Retriever:
    return BM25Retriever(BM25Index.build(plan_chunks), {c.chunk_id: c for c in plan_chunks})


@pytest.fixture(scope="session")
def ask(bm25: BM25Retriever):
    def _ask(question: str) -> Answer:
        return compose_answer(question, bm25.retrieve(question, 8))

    return _ask


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("人才发展专项资金2020年是多少？", ["1.11亿元"]),
        ("鞋服产业缺哪些方面的人才？", ["鞋服"]),
        ("云鲸新媒体人才孵化基地改造面积多大？", ["8000"]),
        ("劲霸人才楼用地多少亩？", ["3.79"]),
        ("十三五时期建成了几个人才之家？", ["21"]),
        ("人才集团由哪些公司共同组建？", ["泉州金融控股集团有限公司"]),
    ],
)
def test_answers_carry_the_fact_in_a_short_cited_sentence(ask, question: str, expected: list[str]) -> None:
    answer = ask(question)
    assert answer.answerable, answer.answer
    for text in expected:
        assert text in _compact(answer.answer)
    assert len(answer.answer) <= 200
    assert "[1]" in answer.answer and answer.citations[0].id == 1


def test_every_figure_in_an_answer_is_in_a_citation_quote(ask) -> None:
    for question in ("市本级人才发展专项资金从多少增加到多少？", "高校人才工作站给多少合作经费？", "劲霸人才楼总建筑面积多大？"):
        answer = ask(question)
        assert answer.answerable
        assert check_answer(answer.answer, answer.citations) == []


def test_a_quote_is_exact_text_of_the_cited_chunk(ask, plan_chunks: list[Chunk]) -> None:
    by_id = {c.chunk_id: c for c in plan_chunks}
    answer = ask("高校人才工作站给多少合作经费？")
    for citation in answer.citations:
        # a table cell is quoted with its row's name: the cells joined by a tab
        assert all(part in by_id[citation.chunk_id].text for part in citation.quote.split("\t"))
        assert citation.section == by_id[citation.chunk_id].section


def test_who_leads_is_answered_from_the_lead_unit_cell(ask) -> None:
    answer = ask("人才主题公园建设项目由哪个单位牵头？")
    assert answer.answerable
    assert "牵头单位" in answer.answer and "林业园林局" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "博士来晋江的安家补贴是多少钱？",
        "人才服务热线的电话号码是多少？",
        "泉州（晋江）人力资源产业园的地址在哪里？",
        "人才之家周末几点开放？",
        "2022年的优秀人才认定申报截止到哪天？",
        "去年人才工作考核结果怎么样？",
        "外籍人才办理永久居留要几个工作日？",
        "人才服务专窗周六上不上班？",
        "高层次人才子女入学需要提供哪些材料？",
    ],
)
def test_questions_the_plan_cannot_answer_are_refused_without_guessing(ask, question: str) -> None:
    answer = ask(question)
    assert not answer.answerable
    assert answer.answer.startswith("文件中没有明确")
    # No hotline is configured here, so none is invented: only the documents' own contacts may be named.
    assert "请咨询晋江市人才服务热线" not in answer.answer
    assert check_answer(answer.answer, answer.citations) == []


def test_a_refusal_names_the_configured_hotline(bm25: BM25Retriever) -> None:
    question = "人才之家周末几点开放？"
    answer = compose_answer(question, bm25.retrieve(question, 8), hotline="示例市人才服务热线（12345）")
    assert not answer.answerable
    assert "具体请咨询" in answer.answer and "示例市人才服务热线（12345）" in answer.answer


def test_an_amount_that_is_in_the_plan_is_not_refused(ask) -> None:
    answer = ask("高校人才工作站有没有经费，给多少？")
    assert answer.answerable
    assert "3万元" in _compact(answer.answer)


def test_unrelated_questions_and_empty_hits_are_refused(ask) -> None:
    assert not ask("明天会下雨吗？").answerable
    assert not compose_answer("硕博倍增工程谁牵头？", []).answerable


def test_hits_are_the_only_source_of_an_answer(plan_chunks: list[Chunk]) -> None:
    row = next(c for c in plan_chunks if c.kind == "table_row" and "倍增工程" in c.text)
    answer = compose_answer("硕博人才倍增工程由谁牵头？", [ScoredChunk(chunk=row, score=1.0)])
    assert answer.answer.startswith("硕博人才“倍增工程”的牵头单位是：市直涉才部门")
    assert answer.citations[0].chunk_id == row.chunk_id


def test_a_decimal_figure_is_shown_whole_not_read_as_a_list_number(ask) -> None:
    answer = ask("2020年高新技术工业企业产值占规上产值比重是多少？")
    assert answer.answerable
    assert "22.1" in _compact(answer.answer)
    assert check_answer(answer.answer, answer.citations) == []


def test_a_figure_in_another_measure_or_year_does_not_answer(ask) -> None:
    # the plan has many figures near these subjects, none in working days or for 2022
    for question in ("外籍人才的工作许可审批要几个工作日？", "2022年全市引进了多少名博士？"):
        assert not ask(question).answerable, question


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("在晋江的台湾青年想就业创业，规划有什么支持？", ["单一窗口", "海峡两岸青年就业创业示范基地"]),
        ("企业高技能人才的津贴和职业发展，规划怎么说？", ["首席技师", "特殊岗位津贴", "职业发展通道"]),
    ],
)
def test_an_open_question_quotes_the_sentences_of_the_passage_ranked_first(ask, question, expected) -> None:
    answer = ask(question)
    assert answer.answerable
    for text in expected:
        assert text in _compact(answer.answer)
    assert len(answer.answer) <= 200


# Refusal quality on questions of our own wording. Unanswerable: what a talent asks a hotline and the plan does
# not say (times, contacts, places, hours, deadlines, amounts, rules, results, other systems).
UNANSWERABLE = [
    "外籍人才办理永久居留要几个工作日？",
    "外籍人才的工作许可审批多久能办下来？",
    "人才公寓一个月租金多少？",
    "申请人才住房资助能拿到多少钱？",
    "人才服务热线拨什么号码？",
    "晋江人力资源公司的联系电话是多少？",
    "泉州（晋江）国际人才港具体在哪条路上？",
    "人才服务专窗周六上不上班？",
    "一站式服务专窗每天几点开门？",
    "博士后工作站的建站申请什么时候截止？",
    "海峡精英人才节今年几月几号举办？",
    "领军型创新创业团队的评审结果什么时候公布？",
    "在晋江工作的人才社保缴费比例是多少？",
    "人才的住房公积金缴存比例能到多少？",
    "大学生创业基金最多能贷多少？",
    "人才贷的贷款利率是多少？",
    "技能大师工作室认定后奖励多少？",
    "高层次人才子女入学需要提供哪些材料？",
    "人才落户晋江要办哪些手续？",
    "首席技师每月的津贴是多少钱？",
    "人才积分制评价办法里多少分能认定为高层次人才？",
    "硕士来晋江工作要满几年才能申请购房补贴？",
    "晋江籍大学生回乡见习，见习补贴标准是多少？",
    "高校人才工作站的引才大使每年有多少报酬？",
    "国际学校一年学费多少钱？",
    "办理人才认定要带哪些证件？",
    "人才健康体检每年安排几次？",
]
# Answerable, across the plan's chapters, each with a string the answer must hold.
ANSWERABLE = [
    ("十三五时期人力资源产业园累计入驻了几家服务机构？", "17"),
    ("十三五期间泉州市级高层次人才集聚了多少名？", "3303"),
    ("“六个一”指的是什么？", "一港集成"),
    ("到2025年全市人才资源总量要达到多少？", "23.6"),
    ("高技能人才占技能劳动者的比例要提高到多少？", "25%"),
    ("四大优势主导产业指哪些产业？", "建材"),
    ("三大新兴产业是哪三个？", "医疗健康"),
    ("食品产业需要什么样的人才？", "功能性食品"),
    ("纺织行业缺哪些方面的人才？", "纺织"),
    ("金融服务业要引进哪些人才？", "金融管理人才"),
    ("文体旅游产业需要培养哪些人才？", "导游"),
    ("晋商晋侨人才回归工程主要做什么？", "信息库"),
    ("柔性引才有哪些方式？", "退休返聘"),
    ("强基工程在产业链上游侧重引进哪类人才？", "创造、创新、开发、设计"),
    ("卫生人才“525”是什么意思？", "5名领军型人才"),
    ("体育人才培养提升工程要引进培育多少人？", "40"),
    ("乡村振兴人才培养工程要培育多少新型职业农民？", "0.55"),
    ("名师名校长名班主任培养工程计划引进多少优秀教育人才？", "350"),
    ("战略企业家领航工程要轮训多少企业家？", "超万人次"),
    ("汇拍直播基地要建多少间直播间？", "21"),
    ("新塘好时代电商直播基地用地多少亩？", "42"),
    ("福州大学科教园区配套文创园用地有多大？", "120.35"),
    ("集成电路产业园区邻里中心总建筑面积多少？", "13.12"),
    ("新增的公办职业院校容量多大？", "3500-4000"),
    ("职业技能等级认定试点要覆盖多少个工种？", "24"),
    ("人才企业标准化建设的“六个有”是哪六个？", "党管人才有保障"),
    ("泉州轻工职业学院要升格成什么学校？", "本科层次职业院校"),
    ("高端人才“白名单”机制在项目申报上有什么作用？", "审核认定制"),
    ("人才精神激励强化工程每年奖励哪些人？", "创新创业优秀人才"),
    ("规划怎样保障人才工作的经费？", "人才发展专项资金"),
    ("规划实施过程中要开展哪些评估？", "中期、终期评估"),
    ("晋江人才大脑“智治”工程要建什么？", "数据库"),
    ("在人才安居方面，公共服务品质提升工程怎么做？", "人才公寓"),
    ("对顶尖人才采取什么样的引进办法？", "一事一议"),
    ("“一卡一贷一基金一板”分别指什么？", "金翼卡"),
    ("修订晋江市集聚技能人才政策主要围绕什么内容？", "提升技能人才待遇"),
    ("企业想和高校联合培养硕博士，规划怎么说？", "培养点"),
    ("海外晋江籍华侨回乡发展，规划有哪些举措？", "侨界精英峰会"),
    ("领军型创新创业团队用什么方式支持？", "投补结合"),
    ("企业技能人才的职业发展通道，规划有什么安排？", "职业发展通道"),
    ("职务科技成果转化的净收益可以怎么分配？", "奖励和报酬"),
    ("人才健康服务方面规划有什么举措？", "健康体检"),
]
# Floors sit just under what the composer reached on the engine's hybrid retrieval (26/27 refused, 0/42 falsely
# refused, 41/42 answered with the expected text); raise them when it improves, never lower them to pass.
REFUSED_FLOOR = 0.95
FALSE_REFUSAL_CEILING = 0.03
ANSWERED_FLOOR = 0.92


@pytest.mark.slow
def test_refusal_quality_on_the_engines_hybrid_retrieval(plan_engine) -> None:
    def answer(question: str) -> Answer:
        return compose_answer(question, plan_engine.search(question, 8))

    answered_unanswerable = [q for q in UNANSWERABLE if answer(q).answerable]
    results = {q: answer(q) for q, _ in ANSWERABLE}
    falsely_refused = [q for q, a in results.items() if not a.answerable]
    wrong = [q for q, text in ANSWERABLE if text not in _compact(results[q].answer) or len(results[q].answer) > 200]
    assert 1 - len(answered_unanswerable) / len(UNANSWERABLE) >= REFUSED_FLOOR, answered_unanswerable
    assert len(falsely_refused) / len(ANSWERABLE) <= FALSE_REFUSAL_CEILING, falsely_refused
    assert 1 - len(wrong) / len(ANSWERABLE) >= ANSWERED_FLOOR, wrong


def test_a_quoted_term_is_answered_from_the_passage_that_writes_it(plan_engine) -> None:  # type: ignore[no-untyped-def]
    # 六个有 is written only in a programme's content; the footnote defining the look-alike 六个一 must not answer
    six = plan_engine.ask("“六个有”具体是哪六个？")
    assert "党管人才有保障" in six.answer
    assert "一窗通办" not in six.answer
    unknown = plan_engine.ask("“七个有”具体是哪七个？")
    assert unknown.answerable is False
    assert "七个有" in unknown.answer


def test_footnote_markers_never_start_or_interrupt_an_answer(plan_chunks: list[Chunk]) -> None:
    note = next(c for c in plan_chunks if c.kind == "footnote" and "一卡一贷一基金一板" in c.text)
    marked = next(c for c in plan_chunks if c.kind == "text" and re.search(r"一板”?[¹²³⁴⁵⁶⁷⁸⁹⁰]", c.text))
    for chunk in (note, marked):
        answer = compose_answer("一卡一贷一基金一板是什么？", [ScoredChunk(chunk=chunk, score=1.0)])
        assert answer.answerable
        assert not re.search(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]", answer.answer), answer.answer
    assert "指" in compose_answer("一卡一贷一基金一板是什么？", [ScoredChunk(chunk=note, score=1.0)]).answer


def test_a_question_that_rewrites_to_nothing_is_refused_not_an_error(bm25: BM25Retriever) -> None:
    # a follow-up rewritten from odd history can reach the composer empty; the API must still answer (no 500)
    answer = compose_answer("", bm25.retrieve("人才", 8))
    assert not answer.answerable
