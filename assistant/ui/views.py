"""What the UI shows, as plain values: the frozen models the actions return and the pure formatting that makes
them (markdown replies, source lines, highlighted passages, ready answers for the hotline desk).

    format_reply(answer) -> str                      markdown: the answer (or the refusal first), then its sources
    highlight(text, ["人才驿站"]) -> str              HTML-escaped, the terms wrapped in <mark>
    ready_answer(chunk, doc_number) -> str           根据《title》（文号）“section”部分（第N页）：…
    hit_html(n, hit) -> str                          one hotline hit as an HTML block

Contract: pure functions of their arguments, free of Gradio and of the engine; `assistant.ui.actions` calls them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

NOT_STATED = "现有文件没有明确说明这一点。"
NOT_STATED_HINT = "以下是最接近的段落，仅供参考；具体请咨询主管部门。"
# Inline styles: gr.mount_gradio_app replaces Blocks.css, so a stylesheet would be lost when mounted at /ui.
MARK_STYLE = "background:#fde68a;padding:0 1px"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class ChatStep(_Frozen):
    """What the chat tab shows after one streamed delta (or the final reply)."""

    messages: list[dict[str, Any]] = Field(description="Chatbot messages, oldest first")
    session_id: str | None = None
    answer_ids: dict[int, str] = Field(
        default_factory=dict, description="Message index -> answer_id, for thumbs"
    )
    suggestions: list[str] = Field(default_factory=list)


class HotlineHit(_Frozen):
    chunk_id: str
    title: str
    section: str
    page: int | None
    html: str = Field(description="The passage, HTML-escaped, the query's specific terms wrapped in <mark>")
    ready_answer: str = Field(
        description="One paragraph to read out or paste: 根据《title》（文号）section（page）：…"
    )


class HotlineSearch(_Frozen):
    hits: list[HotlineHit]
    generic: list[str] = Field(default_factory=list, description="Query terms found in most chunks, not used")
    note: str = Field("", description="What to tell the operator when nothing (specific) was found")


class AdminResult(_Frozen):
    ok: bool
    message: str



def message_text(content: Any) -> str:
    """Text of a Chatbot message content, which Gradio hands back as a string or a list of blocks."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(b.get("text", "") if isinstance(b, dict) else str(b) for b in content)
    if isinstance(content, dict):
        return str(content.get("text", ""))
    return str(content or "")


def source_line(title: str, section: str, page: int | None, doc_number: str | None = None) -> str:
    """《title》（文号），section，第N页 — the document as its title and number name it, never its file name."""
    head = f"《{title}》" + (f"（{doc_number}）" if doc_number else "")
    parts = [head] + ([section] if section else [])
    if page is not None:
        parts.append(f"第{page}页")
    return "，".join(parts)


def format_reply(reply: Any) -> str:
    """The answer as markdown, followed by its sources; a refusal says so before anything else."""
    citations = list(getattr(reply, "citations", []) or [])
    answer = str(reply.answer).strip()
    lines: list[str] = []
    if not reply.answerable:
        lines.append(f"**{NOT_STATED}**")
        if answer and answer != NOT_STATED:
            lines += ["", answer]
        if citations:
            lines += ["", NOT_STATED_HINT]
    else:
        lines.append(answer)
    if citations:
        lines += ["", "**来源**" if reply.answerable else "**相关段落**"]
        for c in citations:
            quote = re.sub(r"\s+", " ", str(c.quote)).strip()
            lines += ["", f"{c.id}. {source_line(c.title, c.section, c.page)}", f"   > {quote}"]
    return "\n".join(lines)


def keywords_of(query: str) -> list[str]:
    """What the operator typed, split on spaces and punctuation, longest first."""
    terms = {t for t in re.split(r"[\s,，、;；。?？!！]+", query) if t}
    return sorted(terms, key=len, reverse=True)


def highlight(text: str, terms: Sequence[str]) -> str:
    """HTML-escape `text` and wrap every occurrence of `terms` (longest first) in <mark>."""
    found = sorted({t for t in terms if t and t in text}, key=len, reverse=True)
    if not found:
        return html.escape(text)
    pattern = re.compile("|".join(re.escape(t) for t in found))
    out, last = [], 0
    for m in pattern.finditer(text):
        out += [
            html.escape(text[last : m.start()]),
            f"<mark style='{MARK_STYLE}'>{html.escape(m.group())}</mark>",
        ]
        last = m.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def hit_html(n: int, hit: HotlineHit) -> str:
    page = f" · 第{hit.page}页" if hit.page is not None else ""
    return (
        f"<div class='hotline-hit' style='border-left:3px solid #2563eb;padding:4px 10px;margin:6px 0'>"
        f"<div class='hotline-src' style='color:#475569;font-size:.9em'><b>{n}.</b> "
        f"{html.escape(hit.title)} · {html.escape(hit.section)}{page}</div>"
        f"<div class='hotline-text'>{hit.html}</div></div>"
    )


def row_cells(chunk: Any) -> list[tuple[str, str]]:
    """A table-row chunk's (header, value) cells: its structured `cells` when the chunk carries them, else read
    back from its text ('<table> | 序号 2 | 重点平台：X | 牵头单位：…')."""
    cells = [(str(h), str(v)) for h, v in getattr(chunk, "cells", None) or []]
    if cells:
        return cells
    for part in chunk.text.split(" | ")[1:]:
        head, sep, value = part.partition("：")
        if sep:
            cells.append((head, value))
    return cells


def row_sentence(cells: Sequence[tuple[str, str]]) -> str:
    """A table row as one sentence built from its headers: '重点平台为X；主要内容为…；牵头单位为…。'. The row number
    is left out (the source line places the row); a header repeated over merged cells is said once
    ('重点产业为A、B')."""
    by_head: dict[str, list[str]] = {}
    for head, value in cells:
        head, value = head.strip(), value.strip().rstrip("。；;，, ")
        if not head or not value or head == "序号":
            continue
        if value not in by_head.setdefault(head, []):
            by_head[head].append(value)
    return "；".join(f"{head}为{'、'.join(values)}" for head, values in by_head.items() if values) + "。"


def ready_answer(chunk: Any, doc_number: str | None) -> str:
    """What an operator reads out or pastes into a WeChat reply: where it is written, then what it says."""
    parts = [p for p in chunk.section.split(" > ") if p]
    cells = row_cells(chunk) if chunk.kind == "table_row" else []
    if cells:
        body = row_sentence(cells)
        parts = parts[:-1]  # the row's own label: the sentence names the item
    else:
        body = re.sub(r"\s*\n\s*", "", chunk.text.strip())
    where = f"《{chunk.title or chunk.filename}》" + (f"（{doc_number}）" if doc_number else "")
    if parts:
        where += f"“{'—'.join(parts)}”部分"
    if chunk.page is not None:
        where += f"（第{chunk.page}页）"
    return f"根据{where}：{body}"
