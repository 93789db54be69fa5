"""Questions about a document itself — its 文号, issuer, date, title — answered from its title block.

    ASKS_DOCUMENT.search("这个通知的文号是多少？")      a question about the document
    document_answer(question, hits) -> Answer | None   the asked lines of the best-ranked document's 'meta' chunk

Any other question never reads the title block: the title names every topic of its document.
"""

from __future__ import annotations

import re

from assistant.ask.pieces import citation
from assistant.core.types import Answer, ScoredChunk

# A question about the document itself (its 文号, issuer, date, title) is answered from its title block; any
# other question never is: the title names every topic of the document and would otherwise win everything.
ASKS_DOCUMENT = re.compile(
    r"文号|发文|印发|发布|出台|颁布|编制单位|制定单位|标题|全称|文件名|落款|成文|(?:单位|部门|机关)(?:发|出|印|定)的"
    r"|(?:什么时候|何时|哪天|哪年|哪个月|几月份?)(?:发|出台|印发|公布|下发)"
)


# Which line of a document's title block a question about the document asks for.
_DOCUMENT_FIELDS = (
    ("文号", re.compile(r"文号|字号|几号文")),
    ("成文日期", re.compile(r"什么时候|何时|哪天|哪年|哪个月|几月|日期|时间")),
    ("发文机关", re.compile(r"(?:哪个|哪些|哪几个|哪两个|什么)(?:单位|部门|机关)|谁(?:发|出|印|制定|编制)|发文(?:单位|机关)|落款")),
    ("标题", re.compile(r"标题|全称|名称|叫什么|文件名")),
)


def document_answer(question: str, hits: list[ScoredChunk]) -> Answer | None:
    """'这个通知的文号是多少？' / '是哪些部门印发的？': the asked line of the title block of the best-ranked
    document ('文号：海人社〔2025〕12号'), cited; None when that document's title block lacks it."""
    meta = next((h.chunk for h in hits if h.chunk.kind == "meta"), None)
    if meta is None:
        return None
    lines = dict(line.split("：", 1) for line in meta.text.splitlines() if "：" in line)
    # '2026年度目录什么时候发布' is not answered by the 2025 catalogue's date: a year asked must be the document's.
    years = [y for y in re.findall(r"(?:19|20)\d\d", question) if y not in meta.text]
    if years:
        return Answer(
            answer=f"文件中没有明确{'、'.join(years)}年的相关内容。已收录的是《{meta.title}》[1]。",
            answerable=False, confidence=0.8, route="refusal",
            citations=[citation(1, meta, f"标题：{meta.title}")],
        )
    # every line asked ('哪个单位发布的，落款日期？' asks the issuer and the date), each with its citation
    asked = [(label, lines[label].strip()) for label, cue in _DOCUMENT_FIELDS if cue.search(question) and lines.get(label)]
    if not asked:
        return None
    said = "；".join(f"{label}：{value}[{n}]" for n, (label, value) in enumerate(asked, 1))
    return Answer(
        answer=f"《{meta.title}》的{said}。", answerable=True, confidence=0.9, route="retrieval",
        citations=[citation(n, meta, f"{label}：{value}") for n, (label, value) in enumerate(asked, 1)],
    )
