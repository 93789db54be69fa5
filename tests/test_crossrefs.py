"""A passage that points elsewhere in its own document ('符合本办法第三条规定条件的', '年龄符合本通知“一、适用对象”第1项
的规定') is answered with what it points to, cited where it stands; a reference the document cannot resolve adds
nothing. Both documents are invented for the tests (测试用虚构文件): one written in articles (第X条), one in parts
(一、/（一）/1.)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import engine_over

ARTICLES = """青岚市高校毕业生就业见习补贴办法（测试用虚构文件）

第一条 为帮助高校毕业生积累工作经验，制定本办法。
第二条 本办法所称见习单位，是指经市人社局认定、在本市依法登记的企业和社会组织。
第三条 参加见习的人员应当符合下列条件：
（一）离校2年内未就业的高校毕业生；
（二）年龄在16周岁至24周岁之间；
（三）未参加过本市组织的就业见习。
第四条 见习期限为3至12个月。
第五条 见习单位应当为见习人员购买人身意外伤害保险，并按本办法第二十条规定的标准支付见习生活费。
第六条 符合本办法第三条规定条件的见习人员，由见习单位按每人每月1800元标准发放见习补贴。
第七条 见习人员中符合本办法第三条第（一）项规定的，见习期间另发交通补助每月200元。
第八条 本办法由青岚市人力资源和社会保障局负责解释。
"""

PARTS = """白沙县技能人才安居补助通知（测试用虚构文件）

一、适用对象
1.本通知所称技能人才，是指取得技师及以上职业资格、年龄不超过45周岁的人员。
2.在白沙县企业连续工作满1年的，方可申请。
二、补助标准
（一）高级技师每月补助1500元；
（二）技师每月补助900元。
三、申请条件
申请安居补助的人员，应当符合下列条件：
（一）本人及配偶在白沙县无自有住房；
（二）年龄和职业资格符合本通知“一、适用对象”第1项的规定；
（三）未享受其他住房类补助。
四、申请方式
每年3月向县人社局窗口提交申请，县人社局在20个工作日内完成审核。
"""

ANNEXED = """河西镇乡村人才回引补贴通知（测试用虚构文件）

一、补贴对象
回河西镇创业的高校毕业生。
二、补贴标准
每人一次性补贴2万元。
三、申请材料
申请人应当提交附件1所列材料。

附件1
河西镇乡村人才回引补贴申请材料清单
身份证复印件；毕业证书复印件；营业执照复印件。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path):
    with engine_over(
        tmp_path_factory, embedding_cache, "crossrefs", {"qinglan.txt": ARTICLES, "baisha.txt": PARTS, "hexi.txt": ANNEXED}
    ) as engine:
        yield engine


def test_an_article_referred_to_is_said_with_its_own_citation(engine) -> None:
    answer = engine.ask("什么样的人能领见习补贴？")
    assert answer.answerable
    assert "第三条" in answer.answer  # the passage answering still says where its condition is
    assert "16周岁至24周岁" in answer.answer and "离校2年内未就业" in answer.answer
    referred = [c for c in answer.citations if c.section == "第三条"]
    assert referred and "16周岁至24周岁" in referred[0].quote
    assert f"[{referred[0].id}]" in answer.answer


def test_an_item_referred_to_is_said_alone_not_its_whole_article(engine) -> None:
    answer = engine.ask("哪些见习人员可以领交通补助？")
    assert "200元" in answer.answer
    assert "离校2年内未就业的高校毕业生" in answer.answer
    assert "16周岁" not in answer.answer  # item (一), not the article's other items
    assert any(c.section == "第三条" and "离校2年内" in c.quote for c in answer.citations)


def test_an_item_of_a_numbered_part_referred_to_by_its_heading(engine) -> None:
    answer = engine.ask("申请安居补助要符合哪些条件？")
    assert "无自有住房" in answer.answer
    assert "45周岁" in answer.answer
    assert any(c.section == "一、适用对象" and "45周岁" in c.quote for c in answer.citations)
    assert "1500元" not in answer.answer  # the item, not the document's other parts


def test_a_reference_the_document_cannot_resolve_adds_nothing(engine) -> None:
    # 第五条 points at a 第二十条 the 办法 does not have
    answer = engine.ask("见习单位要给见习人员买什么保险？")
    assert "人身意外伤害保险" in answer.answer
    assert "规定：" not in answer.answer
    assert {c.section for c in answer.citations} == {"第五条"}


def test_an_annex_referred_to_is_said_from_its_start(engine) -> None:
    answer = engine.ask("河西镇回引补贴申请人应当提交什么？")
    assert "附件1" in answer.answer
    assert "营业执照复印件" in answer.answer
    assert any(c.section == "附件1" and "营业执照复印件" in c.quote for c in answer.citations)
