"""A self-description's reply names an item for each group the person belongs to; a second item for the same
group only when it says what the person wrote as specifically as the first. Texts are our own, not from a bench
file; the plan in corpus/ is the document."""

from __future__ import annotations

from fastapi.testclient import TestClient


def _items(client: TestClient, text: str) -> str:
    reply = client.post("/api/v1/chat", json={"question": text}).json()
    assert "match" in reply["route"].split("+"), reply["route"]
    return str(reply["answer"])


def test_a_second_item_for_the_same_group_needs_the_persons_own_words(open_client: TestClient) -> None:
    # Both pilots serve 经营管理人才; only the training programme says 法务 and 专题 as this person does. The
    # professional-manager pilot is open to every manager and is not named beside it.
    answer = _items(open_client, "在食品公司当财务总监，想去听听企业内控和法务的专题课")
    assert "企业经营管理人才素质提升工程" in answer, answer
    assert "企业职业经理人制度试点项目" not in answer, answer
    # Someone running their own start-up wants the entrepreneurs' training, not the returnees' programme, which
    # also names 企业家 but says nothing of what they wrote as specifically.
    answer = _items(open_client, "创业三年了，自己开了家做运动服的公司，想找企业家培训")
    assert "战略企业家发展“领航工程”" in answer, answer
    assert "回归工程" not in answer, answer


def test_a_second_item_that_says_the_persons_words_is_still_named(open_client: TestClient) -> None:
    # A head teacher who wants to become a 名班主任: both programmes for teachers say so.
    answer = _items(open_client, "在小学当了五年班主任，想评名班主任")
    assert "“名师名校长名班主任”培养工程" in answer, answer
    assert "优师培育工程" in answer, answer


def test_each_group_of_the_person_gets_its_own_item(open_client: TestClient) -> None:
    # A doctor with a master's degree belongs to two groups: the health programme ranks far above the one for
    # graduates, which is named all the same, as nothing else named serves a 硕士.
    answer = _items(open_client, "乡镇卫生院的医生，在职读了个公共卫生硕士")
    assert "卫生人才“525”孵化提升工程" in answer, answer
    assert "硕博人才“倍增工程”" in answer, answer


def test_an_item_saying_nothing_of_the_persons_words_is_not_named_beside_one_that_does(
    open_client: TestClient,
) -> None:
    # The HR park and the intermediary programme say 人力资源 and 产业园 as the person does; the entrepreneurs'
    # programme only shares the group (企业家) read from 开了一家…公司.
    answer = _items(open_client, "我开了一家人力资源外包公司，想搬进人力资源服务产业园")
    assert "人力资源服务产业园" in answer, answer
    assert "领航工程" not in answer, answer
