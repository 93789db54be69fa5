"""What the UI does, free of Gradio: one `UIActions` method per user action, taking and returning plain values
(frozen models, lists, strings), plus the pure formatting they use. `assistant.ui.blocks` wires these to components;
tests call them directly.

    actions = UIActions(service)                  service: assistant.service.chat.ChatService
    actions.ask(question, messages, session_id)   -> Iterator[ChatStep]   streamed, then final with sources
    actions.rate(answer_ids, index, liked)        -> str                  thumbs up/down stored as feedback
    actions.hotline(keywords)                     -> list[HotlineHit]     highlighted passages + ready answers
    actions.upload / delete / reindex(..., key)   -> AdminResult          refused without the admin key
    actions.unanswered(start, end)                -> (headers, rows, csv_path)
    actions.match_profile(education, kinds, industry, employer, born) -> str (markdown)
"""

from __future__ import annotations

import hmac
import html
import re
import tempfile
from collections.abc import Iterator, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from assistant.ask import matching
from assistant.core.config import Settings
from assistant.core.errors import AssistantError

NOT_STATED = "现有文件没有明确说明这一点。"
NOT_STATED_HINT = "以下是最接近的段落，仅供参考；具体请咨询主管部门。"
EXAMPLE_QUESTIONS = [
    "我是博士，晋江有哪些引进博士的工程？",
    "博士后工作站现在有几家？到2025年的目标是多少？",
    "人才集团是做什么的？",
    "晋江重点发展哪些产业，需要什么人才？",
    "青年大学生来晋江有什么支持？",
]
HOTLINE_SLOTS = 5
REPORT_LABELS = {
    "question": "问题",
    "count": "次数",
    "refused": "未能回答",
    "low_confidence": "低置信度",
    "thumbs_down": "点踩",
    "variants": "不同问法",
    "first_asked": "首次提问",
    "last_asked": "最近提问",
}
UPLOAD_TYPES = [".pdf", ".docx", ".txt", ".md"]
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
    html: str = Field(description="The passage, HTML-escaped, keywords wrapped in <mark>")
    ready_answer: str = Field(description="Passage plus its source line, to read out or paste")


class AdminResult(_Frozen):
    ok: bool
    message: str


# ---------------------------------------------------------------- formatting (pure)


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
    parts = [f"《{title}》"] + ([doc_number] if doc_number else []) + ([section] if section else [])
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
            lines.append(f"{c.id}. {source_line(c.title, c.section, c.page)}")
            lines.append(f"   > {quote}")
    return "\n".join(lines)


def keywords_of(query: str) -> list[str]:
    """Terms to highlight: what the operator typed, split on spaces and punctuation, longest first."""
    terms = {t for t in re.split(r"[\s,，、;；。?？!！]+", query) if t}
    return sorted(terms, key=len, reverse=True)


def highlight(text: str, keywords: Sequence[str]) -> str:
    """HTML-escape `text` and wrap every keyword occurrence in <mark>. Falls back to jieba words (2+ chars)
    of the keywords when none occurs verbatim, since BM25 matches on words, not on the typed string."""
    terms = [k for k in keywords if k and k in text]
    if not terms:
        import jieba

        words = {w for k in keywords for w in jieba.lcut(k) if len(w) >= 2}
        terms = sorted((w for w in words if w in text), key=len, reverse=True)
    if not terms:
        return html.escape(text)
    pattern = re.compile("|".join(re.escape(t) for t in terms))
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
        f"<div class='hotline-src' style='color:#475569;font-size:.9em'><b>{n}.</b> {html.escape(hit.section)}{page}</div>"
        f"<div class='hotline-text'>{hit.html}</div></div>"
    )


def _row_dict(row: Any) -> dict[str, Any]:
    if isinstance(row, BaseModel):
        return row.model_dump()
    if isinstance(row, dict):
        return dict(row)
    return dict(row._asdict()) if hasattr(row, "_asdict") else {"value": row}


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return " | ".join(str(v) for v in value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value


def _parse_day(value: Any, default: date) -> date:
    if value in (None, ""):
        return default
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value).date()
    return date.fromisoformat(str(value).strip()[:10])


# ---------------------------------------------------------------- handlers


class UIActions:
    """The UI's behaviour, one method per user action, free of Gradio components."""

    def __init__(self, service: Any, settings: Settings | None = None) -> None:
        self.service = service
        self.settings: Settings = settings or service.engine.settings

    @property
    def engine(self) -> Any:
        return self.service.engine

    # ---- chat

    def ask(
        self,
        question: str,
        messages: list[dict[str, Any]] | None,
        session_id: str | None,
        answer_ids: dict[int, str] | None = None,
    ) -> Iterator[ChatStep]:
        """Stream one turn: the question appears, the answer grows, then it is replaced by the final answer
        with its sources. The service keeps the conversation under `session_id`."""
        question = (question or "").strip()
        msgs = [dict(m) for m in messages or []]
        ids = dict(answer_ids or {})
        if not question:
            yield ChatStep(messages=msgs, session_id=session_id, answer_ids=ids)
            return
        msgs += [{"role": "user", "content": question}, {"role": "assistant", "content": "…"}]
        index = len(msgs) - 1
        yield ChatStep(messages=msgs, session_id=session_id, answer_ids=ids)
        text, reply = "", None
        try:
            for part in self.service.chat_stream(question, session_id=session_id):
                if isinstance(part, str):
                    text += part
                    msgs[index] = {"role": "assistant", "content": text}
                    yield ChatStep(messages=msgs, session_id=session_id, answer_ids=ids)
                else:
                    reply = part
        except AssistantError as e:
            msgs[index] = {"role": "assistant", "content": f"抱歉，暂时无法回答：{e.message}"}
            yield ChatStep(messages=msgs, session_id=session_id, answer_ids=ids)
            return
        if reply is None:
            return
        msgs[index] = {"role": "assistant", "content": format_reply(reply)}
        if getattr(reply, "answer_id", None):
            ids[index] = reply.answer_id
        yield ChatStep(
            messages=msgs,
            session_id=getattr(reply, "session_id", None) or session_id,
            answer_ids=ids,
            suggestions=list(getattr(reply, "suggestions", []) or [])[:3],
        )

    def rate(self, answer_ids: dict[int, str] | None, index: Any, liked: Any) -> str:
        """Store thumbs up/down for the answer at chat message `index`."""
        if isinstance(index, list | tuple):
            index = index[0]
        answer_id = (answer_ids or {}).get(int(index))
        if answer_id is None:
            return "这条消息不能评价。"
        self.service.feedback(answer_id, "up" if liked is True else "down", None)
        return "感谢反馈！" if liked is True else "已记录，我们会改进这类问题的回答。"

    # ---- hotline desk

    def hotline(self, query: str, top_k: int = HOTLINE_SLOTS) -> list[HotlineHit]:
        query = (query or "").strip()
        if not query:
            return []
        numbers = {d.doc_id: d.doc_number for d in self.engine.documents()}
        keywords = keywords_of(query)
        hits = []
        for sc in self.engine.search(query, top_k):
            c = sc.chunk
            line = source_line(c.filename, c.section, c.page, numbers.get(c.doc_id))
            hits.append(
                HotlineHit(
                    chunk_id=c.chunk_id,
                    title=c.title,
                    section=c.section,
                    page=c.page,
                    html=highlight(c.text, keywords),
                    ready_answer=f"{c.text}\n（来源：{line}）",
                )
            )
        return hits

    # ---- admin

    def _admin_refusal(self, key: str | None) -> AdminResult | None:
        configured = self.settings.api.admin_key
        if configured is None:
            return AdminResult(
                ok=False, message="未配置管理员密钥（ASSISTANT_API__ADMIN_KEY），文档管理已关闭。"
            )
        if not hmac.compare_digest((key or "").encode(), configured.get_secret_value().encode()):
            return AdminResult(ok=False, message="管理员密钥不正确。")
        return None

    def document_rows(self) -> list[list[Any]]:
        if not self.engine.ready:
            return []
        return [
            [
                d.title,
                d.filename,
                d.doc_number or "",
                d.pages,
                d.chunks,
                d.ingested_at.strftime("%Y-%m-%d %H:%M"),
                d.doc_id,
            ]
            for d in self.engine.documents()
        ]

    def upload(self, path: str | None, key: str | None) -> AdminResult:
        if (refusal := self._admin_refusal(key)) is not None:
            return refusal
        if not path:
            return AdminResult(ok=False, message="请选择要上传的文件。")
        file = Path(path)
        if file.suffix.lower() not in UPLOAD_TYPES:
            return AdminResult(ok=False, message=f"不支持的文件类型 {file.suffix}；支持 PDF、DOCX、TXT、MD。")
        if file.stat().st_size > self.settings.api.max_upload_mb * 1024 * 1024:
            return AdminResult(ok=False, message=f"文件超过 {self.settings.api.max_upload_mb:g} MB 上限。")
        try:
            info = self.engine.add_document(file, file.name)
        except AssistantError as e:
            return AdminResult(ok=False, message=f"未能导入 {file.name}：{e.message}")
        return AdminResult(ok=True, message=f"已导入《{info.title}》：{info.chunks} 个片段，现在即可提问。")

    def delete(self, doc_id: str | None, key: str | None) -> AdminResult:
        if (refusal := self._admin_refusal(key)) is not None:
            return refusal
        if not doc_id:
            return AdminResult(ok=False, message="请先选择要删除的文档。")
        try:
            self.engine.delete_document(doc_id)
        except AssistantError as e:
            return AdminResult(ok=False, message=e.message)
        return AdminResult(ok=True, message=f"已删除文档 {doc_id}。")

    def reindex(self, key: str | None) -> AdminResult:
        if (refusal := self._admin_refusal(key)) is not None:
            return refusal
        summary = self.engine.ingest([self.settings.corpus_dir], progress=False)
        return AdminResult(ok=True, message=f"已重新索引 {self.settings.corpus_dir.name}/：{summary}")

    # ---- unanswered report

    def unanswered(self, start: Any, end: Any) -> tuple[list[str], list[list[Any]], str]:
        """The report between two days (inclusive) as headers, rows and the path of a CSV copy."""
        today = date.today()
        first, last = _parse_day(start, today - timedelta(days=30)), _parse_day(end, today)
        since, until = datetime.combine(first, time.min), datetime.combine(last + timedelta(days=1), time.min)
        rows = [_row_dict(r) for r in self.service.unanswered_report(since, until)]
        fields = list(rows[0]) if rows else list(REPORT_LABELS)
        headers = [REPORT_LABELS.get(f, f) for f in fields]
        table = [[_cell(r.get(f)) for f in fields] for r in rows]
        csv_path = Path(tempfile.mkdtemp(prefix="unanswered-")) / f"unanswered-{first}-{last}.csv"
        # The same CSV the API serves; the BOM lets Excel read the Chinese.
        csv_path.write_text(self.service.unanswered_csv(since, until), encoding="utf-8-sig")
        return headers, table, str(csv_path)

    # ---- policy matching (issue 6)

    def match_profile(
        self,
        education: str | None,
        talent_kinds: Sequence[str] | None,
        industry: str | None,
        employer_kind: str | None,
        jinjiang_born: bool,
    ) -> str:
        """Programmes, platforms and policies for a profile given in the form, as markdown with sources."""
        kinds = list(dict.fromkeys([*(talent_kinds or []), *EDUCATION_KINDS.get(education or "", ())]))
        profile = matching.Profile(
            education=education or None,
            talent_kinds=kinds,
            industry=(industry or "").strip() or None,
            employer_kind=employer_kind or None,
            jinjiang_born=True if jinjiang_born else None,
        )
        if not profile.talent_kinds and not profile.industry:
            return "请至少选择一项人才类别、学历或产业。"
        return format_matches(profile, self._matches(profile))

    def _matches(self, profile: matching.Profile) -> list[matching.Match]:
        return self.engine.match(profile)


# The form's education levels name a talent kind of their own (a 本科 graduate is a 青年大学生).
EDUCATION_KINDS: dict[str, tuple[str, ...]] = {
    "博士": ("博士",),
    "硕士": ("硕士",),
    "本科": ("青年大学生",),
    "技能等级": ("技能人才",),
}


def format_matches(profile: matching.Profile, matches: Sequence[matching.Match]) -> str:
    """The matches as markdown: the chat reply's notes (`matching.match_notes`) as a list, plus each source."""
    who = matching.profile_label(profile)
    if not matches:
        return f"根据所选条件（{who}），文件中没有找到明确面向该群体的工程、项目或政策。\n\n{matching.AMOUNT_NOTE}"
    lines = [f"根据所选条件（{who}），文件中与您相关的有：", ""]
    for n, m in enumerate(matches, start=1):
        lines.append(f"**{n}. {m.name}**（{m.kind}）")
        # `why` is already quoted (“…”) by matching
        lines += [f"   - {note}" for note in matching.match_notes(m, quote_label="相关原文")]
        for c in m.citations[:1]:
            lines.append(f"   - 出处：{source_line(c.title, c.section, c.page)}")
    return "\n".join([*lines, "", matching.AMOUNT_NOTE])
