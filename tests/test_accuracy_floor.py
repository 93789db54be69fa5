"""Regression floor on answer accuracy: questions of our own wording through the real engine on the plan.

A question counts as answered when every required string is in the answer and the answer stays short enough
for a hotline operator (the bench's length rule with its 200-character floor); a question the plan cannot
answer counts when it is refused. The floor sits just under what the engine reached when it was set; raise it
when the engine improves, never lower it to make a change pass.
"""

from __future__ import annotations

import pytest

from bench.metrics import answer_accurate

pytestmark = pytest.mark.slow

FLOOR = 0.9

# (question, strings the answer must hold); an empty tuple means the plan does not say, so it must refuse.
QUESTIONS: list[tuple[str, tuple[str, ...]]] = [
    ("乡村振兴人才培养工程归哪个部门牵头？", ("农业农村局",)),
    ("组建人才集团这件事由哪些单位负责？", ("财政局", "人社局", "产业集团")),
    ("体育人才培养提升工程的牵头部门", ("体育局",)),
    ("陈埭镇鞋服设计研发中心由谁牵头建设？", ("陈埭镇",)),
    ("到2025年，全市博士后工作站计划有几家？", ("4",)),
    ("高新技术企业到十四五末要发展到多少家？", ("1000",)),
    ("2020年全市技能人才总量是多少万人？", ("2.5",)),
    ("规划里2020年高层次人才有多少人？", ("4508",)),
    ("安踏科研基地哪几年建设？", ("2022-2025",)),
    ("汇拍直播基地的实施年限？", ("2020-2021",)),
    ("“两站三中心”具体指哪些？", ("博士后工作站", "工程技术研究中心")),
    ("文件里说的四大高校是哪几所？", ("国科大", "福大科教园")),
    ("社会工作人才培养工程的目标是持证社工达到多少人？", ("2000",)),
    ("高校人才工作站准备在多少所高校设立？", ("100",)),
    ("福州大学—晋江微电子研究院装修面积多大？", ("1300",)),
    ("金融人才专业服务水平提升工程打算引进培育多少金融人才？", ("50",)),
    ("人才集团由哪几家公司共同组建？", ("北京中关村硬创空间科技有限公司", "泉州金融控股集团有限公司")),
    ("晋江引进一个博士，每月发多少生活补贴？", ()),
    ("人才服务中心的办公电话是多少？", ()),
    ("高层次人才认定申报截止到哪天？", ()),
]


def _accurate(engine, question: str, required: tuple[str, ...]) -> bool:
    answer = engine.ask(question)
    if not required:
        return not answer.answerable
    return answer.answerable and answer_accurate(answer.answer, required, reference="")


def test_answer_accuracy_stays_above_the_floor(plan_engine) -> None:
    results = {q: _accurate(plan_engine, q, required) for q, required in QUESTIONS}
    accuracy = sum(results.values()) / len(results)
    missed = [q for q, ok in results.items() if not ok]
    assert accuracy >= FLOOR, f"accuracy {accuracy:.2f} < {FLOOR}; missed: {missed}"
