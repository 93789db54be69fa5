"""Recognise a talent describing themself and asking, in general, what applies to them.

"我是做芯片的博士，想来晋江" or "本人台湾青年，有什么政策？" go to policy matching; "我是企业高技能人才，待遇和晋升
通道方面规划怎么说？" names a topic of its own (待遇、晋升通道) and stays with retrieval, which quotes that passage.
"""

from __future__ import annotations

import re

from assistant.ask.matching import Profile, extract_profile

# A clause that describes the asker: 我是 / 我在 / 本人 / 我们是 / 我有 … at its start.
_SELF = re.compile(r"^(我|本人|我们|俺)(是|在|有|做|从事|读|刚|已|今年|目前|现在|打算|想|正在|属于)?")
# Words that ask "what is there for me" without naming a topic.
_GENERIC = re.compile(
    r"规划里?|文件里?|政策|针对|面向|我们|有没有|有|措施|支持|扶持|帮助|待遇?|适合|适用|对口|相关|可以|能够?|享受|申请|有没有|有什么|有哪些|哪些|什么|"
    r"怎么办|怎么说|怎么样|如何|想|来|到|回|去|在|毕业|以后|之后|将来|晋江|发展|就业|工作|创业|落户|留下|给|我|的|了|吗|呢|吧|啊|呀|请问|一下|"
    r"和|与|及|或|都|也|还|这边|这里|那边"
)


def _clauses(text: str) -> list[str]:
    return [c.strip() for c in re.split(r"[，,。.；;！!？?\s]+", text) if c.strip()]


def is_profile_question(question: str, profile: Profile) -> bool:
    """True when the question describes who the asker is and asks nothing more specific than what applies."""
    if not (profile.talent_kinds or profile.industry or profile.education):
        return False
    clauses = _clauses(question)
    if not any(_SELF.match(c) for c in clauses):
        return False
    rest = "".join(c for c in clauses if not _describes(c))
    return len(_GENERIC.sub("", rest)) <= 1


def _describes(clause: str) -> bool:
    """A clause about the asker: it starts like one, or it names a kind of talent, a degree or an industry."""
    if _SELF.match(clause):
        return True
    p = extract_profile(clause)
    return bool(p.talent_kinds or p.education or p.industry)
