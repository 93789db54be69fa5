"""A conversation about one row of a table stays on that row: a follow-up asking another column ('他在哪个单位？',
'要交什么材料？') gets that row's cell, one swapping the row ('那C类呢？', '硕士呢？') the previous question's value of
the new row, and a value the row leaves empty a refusal, never another row's value. The row is read from the
earlier turns: the user's questions and the assistant's answers ('谁是高级工程师？' answered with one person).

The two documents are invented for the tests and uploaded through `POST /api/v1/documents` beside the plan; the
conversations go through `POST /api/v1/chat` with their history."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest_api import ADMIN, AUTH, api_settings, keyed, make_client

SUBSIDY = """澄江市青年人才生活补贴实施办法（测试用虚构文件）

第一条 为吸引青年人才来澄江就业创业，制定本办法。
第二条 生活补贴按人才类别分档发放，标准如下表。
类别	对象	补贴标准	申报材料	受理部门	申报截止时间
A类	全职引进的顶尖人才	每月5000元	身份证、人才认定证书	市委人才办	2026年3月31日
B类	全职引进的博士研究生	每月3000元	身份证、博士学位证书、劳动合同	市人社局	2026年6月30日
C类	全职引进的硕士研究生	每月1500元	身份证、硕士学位证书、社保缴纳证明	区人社局	2026年9月30日
D类	全日制本科毕业生	每月800元	身份证、毕业证书	街道便民服务中心
第三条 生活补贴最长发放36个月。
"""

NOTICE = """澄江市2026年度青年拔尖人才拟入选名单公示（测试用虚构文件）

经个人申报、单位推荐和专家评审，拟认定陈思远等4名同志为澄江市青年拔尖人才，现予公示。

序号	姓名	单位	职称	类别
1	陈思远	澄江大学	教授	A类
2	王晓岚	澄江市人民医院	主任医师	B类
3	李明哲	澄江新材料研究院	高级工程师	C类
4	赵一鸣	澄江大学	副教授	C类

公示期为2026年5月8日至5月14日。
"""

BATCHES = """澄江市人才项目申报安排（测试用虚构文件）

一、申报批次
批次	申报时间	评审时间
第一批	2026年3月1日至3月20日	2026年4月
第二批	2026年8月1日至8月20日	2026年9月
"""


@pytest.fixture(scope="module")
def client(own_engine: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("rows-docs")
    log = tmp_path_factory.mktemp("rows-log")
    with make_client(api_settings(own_engine.settings, log, **keyed()), own_engine) as client:
        uploaded = []
        for name, text in (("rows-subsidy.txt", SUBSIDY), ("rows-notice.txt", NOTICE), ("rows-batches.txt", BATCHES)):
            path = folder / name
            path.write_text(text, encoding="utf-8")
            with path.open("rb") as fh:
                reply = client.post("/api/v1/documents", headers=ADMIN, files={"file": (name, fh)})
            assert reply.status_code == 201, reply.text
            uploaded.append(reply.json()["doc_id"])
        own_engine.wait_for_vectors()
        yield client
        for doc_id in uploaded:
            client.delete(f"/api/v1/documents/{doc_id}", headers=ADMIN)


def _converse(client: TestClient, first: str, then: str) -> dict[str, Any]:
    """Ask `first`, then `then` with the first turn (question and the answer given) as history."""
    reply = client.post("/api/v1/chat", json={"question": first}, headers=AUTH)
    assert reply.status_code == 200, reply.text
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": reply.json()["answer"]}]
    reply = client.post("/api/v1/chat", json={"question": then, "history": history}, headers=AUTH)
    assert reply.status_code == 200, reply.text
    return reply.json()


def _standalone(reply: dict[str, Any]) -> str:
    return reply.get("standalone_question") or ""


# ---------------------------------------------------------------- another column of the same row


def test_a_pronoun_asks_another_column_of_the_person_asked_about(client: TestClient) -> None:
    reply = _converse(client, "陈思远入选的是什么类别？", "他在哪个单位？")
    assert _standalone(reply) == "陈思远在哪个单位？"
    assert reply["answerable"] and "澄江大学" in reply["answer"]
    assert "人民医院" not in reply["answer"] and "新材料研究院" not in reply["answer"]


def test_the_person_is_read_from_the_answer_when_the_question_named_none(client: TestClient) -> None:
    # '谁是高级工程师' names no person; the answer names exactly one, and the follow-up is about him.
    reply = _converse(client, "谁是高级工程师？", "他在哪个单位？")
    assert _standalone(reply) == "李明哲在哪个单位？"
    assert "澄江新材料研究院" in reply["answer"]
    assert "澄江大学" not in reply["answer"]


def test_an_elliptical_column_of_a_person_gets_her_cell(client: TestClient) -> None:
    reply = _converse(client, "王晓岚是哪个单位的？", "她的职称呢？")
    assert "王晓岚" in _standalone(reply) and "职称" in _standalone(reply)
    assert "主任医师" in reply["answer"]
    assert "教授" not in reply["answer"] and "高级工程师" not in reply["answer"]


def test_a_follow_up_without_subject_asks_the_tier_asked_about(client: TestClient) -> None:
    reply = _converse(client, "B类人才补贴标准是多少？", "要交什么材料？")
    assert "B类" in _standalone(reply)
    assert "博士学位证书" in reply["answer"]
    assert "硕士学位证书" not in reply["answer"] and "人才认定证书" not in reply["answer"]


def test_a_column_asked_after_a_row_named_by_another_cell(client: TestClient) -> None:
    # '博士研究生' is written in the 对象 column of row B类: the follow-up asks row B类's 受理部门.
    reply = _converse(client, "博士研究生每月补贴多少？", "受理部门呢？")
    assert _standalone(reply) == "博士研究生的受理部门是什么？"
    assert "市人社局" in reply["answer"]
    assert "区人社局" not in reply["answer"] and "市委人才办" not in reply["answer"]


def test_it_asks_the_deadline_of_the_tier(client: TestClient) -> None:
    reply = _converse(client, "C类补贴标准是多少？", "那它的申报截止时间呢？")
    assert "C类" in _standalone(reply)
    assert "2026年9月30日" in reply["answer"]
    assert "6月30日" not in reply["answer"] and "3月31日" not in reply["answer"]


# ---------------------------------------------------------------- the same question of another row


def test_swapping_the_tier_asks_the_previous_question_of_it(client: TestClient) -> None:
    reply = _converse(client, "B类人才补贴标准是多少？", "那C类呢？")
    assert _standalone(reply) == "C类人才补贴标准是多少？"
    assert "每月1500元" in reply["answer"]
    assert "每月3000元" not in reply["answer"]


def test_swapping_the_degree_swaps_the_row_it_names(client: TestClient) -> None:
    reply = _converse(client, "博士研究生每月补贴多少？", "硕士呢？")
    assert "硕士研究生" in _standalone(reply)
    assert "每月1500元" in reply["answer"]
    assert "每月3000元" not in reply["answer"]


def test_swapping_the_person_asks_the_same_column_of_the_other(client: TestClient) -> None:
    reply = _converse(client, "陈思远的职称是什么？", "李明哲呢？")
    assert _standalone(reply) == "李明哲的职称是什么？"
    assert "高级工程师" in reply["answer"]
    assert "教授" not in reply["answer"]


def test_swapping_the_batch(client: TestClient) -> None:
    reply = _converse(client, "第一批什么时候申报？", "第二批呢？")
    assert "第二批" in _standalone(reply)
    assert "8月1日" in reply["answer"] and "3月1日" not in reply["answer"]


# ---------------------------------------------------------------- a value the row does not have


def test_a_swapped_row_without_the_value_is_a_refusal(client: TestClient) -> None:
    # D类 gives no 申报截止时间: neither C类's date nor another document's batch dates answer for it.
    reply = _converse(client, "B类的申报截止时间是什么时候？", "D类呢？")
    assert "D类" in _standalone(reply) and "申报截止时间" in _standalone(reply)
    assert not reply["answerable"]
    for other in ("2026年6月30日", "2026年9月30日", "8月20日", "3月20日"):
        assert other not in reply["answer"]


def test_a_column_the_row_leaves_empty_is_a_refusal(client: TestClient) -> None:
    reply = _converse(client, "D类补贴标准是多少？", "那它的申报截止时间呢？")
    assert "D类" in _standalone(reply)
    assert not reply["answerable"]
    assert "D类" in reply["answer"]
    for other in ("2026年3月31日", "2026年6月30日", "2026年9月30日"):
        assert other not in reply["answer"]
