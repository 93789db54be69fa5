"""An answer states the value asked: when the best-worded sentence states nothing asked (a notice's preamble, whose
only figures are its year and document number), the sentence that does state it about the subject answers instead;
a count is never a year, a date or a document number; a word holding how a value is asked ('联系电话') is not a topic
the documents must write; a refusal names the document's own contact once; a web address is not answered by a phone
number; a modal ('不能') or '年纪' asks about an age, not a topic; the date an age is counted at is a date asked, and a
window written '每月15日前' states when to apply; a sanction's later cases ('…；已入选的，…') come with the first; a question naming a place is answered from that
place's documents or refused, never from another place's. The documents are invented for the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ask.engine import Engine
from tests.conftest import engine_over

SETTLING = """松川县博士安家补贴办法（测试用虚构文件）

第一条 为吸引博士研究生来松川县工作，根据《松川县人才强县若干措施》（松委发〔2024〕3号），制定本办法。
第二条 本办法适用于2025年1月1日以后全职引进到松川县企业工作的博士研究生。
第三条 全职引进的博士研究生给予安家补贴30万元，分3年发放。
第四条 安家补贴由县人社局负责受理审核，审核时限为20个工作日。
第五条 办理过程中有疑问的，可以向县人才服务中心咨询，咨询电话：0599-3312345。
第六条 本办法自2025年3月1日起施行。
"""

RENT = """柏林镇青年人才租房补贴细则（测试用虚构文件）

一、补贴标准
在柏林镇租房的本科毕业生每月补贴600元，硕士研究生每月补贴900元，博士研究生每月补贴1200元。
二、申请时间
每年4月集中受理一次，每月15日前提交的，当月完成审核。
入住镇人才公寓的，按市场租金的60%缴纳租金。
三、咨询方式
咨询电话：0599-8876543（工作日9:00—17:00）。
"""

NOTICE = """关于开展2025年度松川县“青松计划”人才项目申报工作的通知（测试用虚构文件）

为深入实施人才强县战略，根据《松川县“青松计划”人才支持办法》（松政〔2023〕8号）规定，现就开展2025年度“青松计划”人才项目申报工作通知如下：
一、申报对象
在松川县企业全职工作的青年人才，分为创新类和创业类。
二、申报条件
（一）具有全日制本科及以上学历；
（二）近三年在本县连续缴纳社会保险；
（三）年龄不超过38周岁（1987年1月1日以后出生）。
三、支持标准
2025年度计划遴选“青松计划”人才不超过40名。入选“青松计划”创新类的，给予一次性资助15万元；入选“青松计划”创业类的，给予项目启动资金30万元。
四、申报时间
“青松计划”网上申报时间为2025年5月6日至2025年6月20日。
五、其他
“青松计划”入选人才同时享受人才公寓优先入住等配套服务。各区要做好“青松计划”政策宣传。
六、咨询方式
县人才服务中心，咨询电话：0599-6677889。
"""


BAMBOO = """关于开展2025年度松川县“翠竹计划”人才项目申报工作的通知（测试用虚构文件）

为深入实施人才强县战略，根据《松川县“翠竹计划”人才支持办法》（松政〔2022〕5号）规定，现就开展2025年度“翠竹计划”人才项目申报工作通知如下：
一、申报对象
在松川县企业全职工作的青年人才，分为创新类和创业类。申报人年龄计算截止时间为申报当年3月1日。
二、支持标准
2025年度计划遴选“翠竹计划”人才不超过25名。入选创新类的，给予一次性资助12万元；入选创业类的，给予项目启动资金20万元。
三、申报时间
2025年4月1日至2025年4月30日。
四、其他
申报人对材料的真实性负责，弄虚作假的，取消申报资格；已入选的，撤销入选资格并追回资助资金，5年内不得申报。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Engine]:
    with engine_over(
        tmp_path_factory,
        embedding_cache,
        "stating",
        {"settling.txt": SETTLING, "rent.txt": RENT, "notice.txt": NOTICE, "bamboo.txt": BAMBOO},
    ) as engine:
        yield engine


def test_a_count_is_answered_by_the_sentence_stating_it_not_by_a_preamble_with_a_year(engine: Engine) -> None:
    answer = engine.ask("翠竹计划今年有多少名额")
    assert answer.answerable, answer.answer
    assert "25名" in answer.answer
    assert "通知如下" not in answer.answer


def test_a_phone_question_is_answered_by_the_number_alone(engine: Engine) -> None:
    answer = engine.ask("安家补贴有疑问，咨询电话多少")
    assert "0599-3312345" in answer.answer
    assert "20个工作日" not in answer.answer  # the sentence beside it states nothing asked


def test_how_a_value_is_asked_is_not_a_topic_the_documents_must_write(engine: Engine) -> None:
    # the document writes 咨询电话, never 联系电话
    answer = engine.ask("博士安家补贴方面有疑问，联系电话是多少？")
    assert answer.answerable, answer.answer
    assert "0599-3312345" in answer.answer


def test_a_two_part_question_keeps_the_amount_beside_the_phone(engine: Engine) -> None:
    answer = engine.ask("柏林镇租房补贴多少钱，咨询电话多少")
    assert "0599-8876543" in answer.answer and "600元" in answer.answer


def test_a_refusal_names_the_documents_contact_without_saying_ask_twice(engine: Engine) -> None:
    answer = engine.ask("柏林镇租房补贴审核要多久？")
    assert not answer.answerable, answer.answer
    assert "0599-8876543" in answer.answer
    assert "咨询咨询" not in answer.answer


def test_a_web_address_is_not_answered_by_a_phone_number(engine: Engine) -> None:
    answer = engine.ask("松川人才网的网址是什么？")
    assert not answer.answerable, answer.answer
    assert answer.answer.startswith("文件中没有明确网址")


@pytest.mark.parametrize("question", ["申报青松计划多大年纪以内", "青松计划的申报人年龄不能超过多少"])
def test_an_age_limit_asked_in_everyday_words_is_answered(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.answerable, answer.answer
    assert "38周岁" in answer.answer


def test_a_processing_time_in_working_days_is_stated_with_its_classifier(engine: Engine) -> None:
    answer = engine.ask("安家补贴审核要几个工作日")  # the document writes '20个工作日'
    assert answer.answerable, answer.answer
    assert "20个工作日" in answer.answer


def test_a_place_without_such_a_document_is_refused_not_answered_with_another_places_amount(
    engine: Engine,
) -> None:
    answer = engine.ask("松川博士租房补贴多少")  # only 柏林镇 has a rent subsidy
    assert not answer.answerable, answer.answer
    assert "1200元" not in answer.answer
    own = engine.ask("柏林博士租房每月补多少？")
    assert own.answerable and "1200元" in own.answer


def test_the_day_an_age_is_counted_at_is_a_date_asked(engine: Engine) -> None:
    answer = engine.ask("翠竹计划的年龄按哪天算？")
    assert answer.answerable, answer.answer
    assert "3月1日" in answer.answer


def test_a_window_written_as_a_day_of_the_month_answers_when_to_apply(engine: Engine) -> None:
    answer = engine.ask("柏林租房补贴每月几号前交申请能当月审核？")
    assert answer.answerable, answer.answer
    assert "15日前" in answer.answer


def test_a_sanction_brings_the_cases_written_after_it_in_its_sentence(engine: Engine) -> None:
    answer = engine.ask("翠竹计划申报材料造假会怎么处理？")
    assert answer.answerable, answer.answer
    assert "取消申报资格" in answer.answer and "5年内不得申报" in answer.answer


def test_a_rent_stated_as_a_share_of_the_market_rent_is_an_amount(engine: Engine) -> None:
    answer = engine.ask("柏林镇人才公寓租金交多少？")
    assert answer.answerable, answer.answer
    assert "60%" in answer.answer
