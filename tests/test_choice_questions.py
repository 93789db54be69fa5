"""Choice questions ('按月发还是按季度发？', '线上申报还是线下申报？', '打到社保卡或者银行卡？'): answered by the
sentence that writes one of the alternatives, in the words the document uses (每季度, 分5年, 网上, 社会保障卡,
五年), with that sentence cited; the other alternative, which the document never writes, is no unknown subject.
A choice between alternatives the document writes neither of is not answered with one. The document is invented
for the tests and uploaded through the real API, beside the plan.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.ask.choices import offered
from tests.conftest_api import ADMIN, AUTH, api_settings, keyed, make_client

TITLE = "青屿市高层次人才安居和生活补贴实施办法（测试用虚构文件）"
RULES = f"""# {TITLE}

第一条 为吸引高层次人才来青屿市创新创业，制定本办法。

## 第二条 生活补贴

全职引进的博士每人每月3000元，硕士每人每月1500元。每季度发放一次，最长发放36个月。

## 第三条 安家补贴

A类人才100万元，B类人才50万元。分5年拨付，每年拨付总额的20%。

## 第四条 购房补贴

在青屿市首次购买商品住房的，按房款的10%给予补贴，最高不超过30万元，一次性拨付。

## 第五条 租房补贴

未购房的人才每人每年1.2万元，每年申领一次。

## 第六条 申报方式

补贴由用人单位统一申报，个人不直接受理。申报实行网上办理，用人单位登录“青屿人才通”平台提交材料。

## 第七条 服务期

享受安家补贴的人才应当与用人单位签订服务协议，服务期五年。

## 第八条 资金发放

补贴资金由市财政直接拨付至人才本人社会保障卡。

## 第九条 年度考核

享受补贴期间实行年度考核，考核不合格的，停发当年补贴。

第十条 本办法自2026年3月1日起施行，由市人社局负责解释。
"""


@pytest.fixture(scope="module")
def client(own_engine: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The API over the plan with the invented 办法 uploaded; removed again at the end."""
    folder = tmp_path_factory.mktemp("choice-docs")
    path = folder / "qingyu-butie.md"
    path.write_text(RULES, encoding="utf-8")
    with make_client(api_settings(own_engine.settings, folder / "log", **keyed()), own_engine) as client:
        r = client.post("/api/v1/documents", files={"file": (path.name, path.read_bytes(), "text/markdown")},
                        headers=ADMIN)
        assert r.status_code == 201, r.text
        doc_id = r.json()["doc_id"]
        yield client
        client.delete(f"/api/v1/documents/{doc_id}", headers=ADMIN)


def ask(client: TestClient, question: str) -> dict[str, Any]:
    r = client.post("/api/v1/chat", json={"question": question}, headers=AUTH)
    assert r.status_code == 200, r.text
    return r.json()


def test_what_a_choice_offers() -> None:
    choice = offered("青屿的生活补贴是按月发还是按季度发？")
    assert choice is not None and choice.cores == ("按月", "按季度")
    assert choice.stated("每季度发放一次") == ("按季度",)
    assert choice.stated("每人每月3000元") == ()  # a rate per month is how much, not how often
    assert offered("安家补贴是一次性发放，还是分期发放？").stated("分5年拨付") == ("分期",)  # type: ignore[union-attr]
    assert offered("补贴打到社保卡或者银行卡？").stated("拨付至本人社会保障卡") == ("社保卡",)  # type: ignore[union-attr]
    # yes/no questions, and 还是 meaning 'still', offer nothing to choose
    for question in ("A类和B类可以同时享受吗？", "有没有创业贷款或者基金？", "离职了还是要退回补贴吗？",
                     "可以线上或者线下申报吗？", "博士或者正高职称人才能领多少？"):
        assert offered(question) is None, question


@pytest.mark.parametrize(
    ("question", "stated", "article"),
    [
        ("青屿的生活补贴是按月发还是按季度发？", "每季度发放一次", "第二条"),
        ("青屿的安家补贴是一次性发放，还是分期发放？", "分5年拨付", "第三条"),
        ("青屿购房补贴一次性给还是分期给呢？", "一次性拨付", "第四条"),
        ("青屿的补贴是线上申报还是线下申报？", "网上办理", "第六条"),
        ("青屿补贴由个人申请还是单位申报？", "用人单位统一申报", "第六条"),
        ("青屿安家补贴的服务期是3年还是5年？", "服务期五年", "第七条"),
        ("青屿的补贴资金打到社保卡或者银行卡？", "社会保障卡", "第八条"),
        ("青屿补贴的考核是按季度还是按年度？", "年度考核", "第九条"),
    ],
)
def test_a_choice_is_answered_by_the_alternative_the_document_states(
    client: TestClient, question: str, stated: str, article: str
) -> None:
    body = ask(client, question)
    assert body["answerable"] is True, body["answer"]
    assert stated in body["answer"], body["answer"]
    # the sentence stating it is cited, and nothing from another article
    assert any(stated in c["quote"] for c in body["citations"]), body["citations"]
    assert all(article in c["section"] for c in body["citations"]), body["citations"]


@pytest.mark.parametrize(
    ("question", "alternatives"),
    [
        ("青屿的补贴是发现金还是发消费券？", ("现金", "消费券")),
        ("青屿的奖励打到个人账户还是单位账户？", ("个人账户", "单位账户")),
    ],
)
def test_a_choice_the_document_does_not_state_is_not_made_up(
    client: TestClient, question: str, alternatives: tuple[str, ...]
) -> None:
    body = ask(client, question)
    assert body["answerable"] is False, body["answer"]
    quoted = "".join(c["quote"] for c in body["citations"])
    assert not any(a in quoted for a in alternatives), body["citations"]

