"""What the UI does, free of Gradio: one `UIActions` method per user action, taking and returning plain values
(frozen models, lists, strings; the models and the pure formatting they use are in `assistant.ui.views`).
`assistant.ui.blocks` wires these to components; tests call them directly.

    actions = UIActions(service, settings, limiter)  service: ChatService; limiter: the API's RateLimiter (or None)
    actions.ask(question, messages, session_id, answer_ids, client) -> Iterator[ChatStep]   rate-limited per client
    actions.rate(answer_ids, index, liked)        -> str                  thumbs up/down stored as feedback
    actions.match_profile(education, kinds, industry, employer, born, client) -> str (markdown)  rate-limited
    actions.staff_role(key)                       -> "admin" | "desk" | None
    actions.hotline(keywords, key, client)        -> HotlineSearch        desk key: passages + ready answers
    actions.document_rows(key)                    -> rows                 admin key
    actions.upload / delete / reindex(..., key)   -> AdminResult          admin key
    actions.unanswered(start, end, key)           -> (headers, rows, csv_path)   admin key

Contract:
- Staff data (the unanswered report and its CSV, the document list, upload, delete, re-index) is checked against
  the admin key inside the method, with the REST API's constant-time comparison (`assistant.api.auth.key_matches`);
  without it `StaffOnly` is raised (or a refused `AdminResult`) and nothing is read. The hotline desk takes the
  admin key or a client key (`ASSISTANT_API__KEYS`), so operators need not hold the admin key. No key configured
  = closed, as the REST admin routes are.
- The talent-facing calls (chat, matching) and the desk take one token per call from the same limiter as
  `/api/v1/*`, under the identity the API gives an open caller (`ip:<address>`); past the limit `RateLimited`.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Literal, Protocol

from pydantic import BaseModel, SecretStr

from assistant.api.auth import key_matches
from assistant.ask import matching
from assistant.ask.profiles import ProfileValueError, normalize_profile, profile_options
from assistant.core.config import Settings
from assistant.core.errors import AssistantError
from assistant.ui.views import (
    AdminResult,
    ChatStep,
    HotlineHit,
    HotlineSearch,
    format_reply,
    highlight,
    keywords_of,
    ready_answer,
)

HOTLINE_SLOTS = 5
# A term found in at least this share of all chunks says nothing about any one of them: at one half the classic
# Robertson-Sparck Jones idf, log((N - df + 0.5) / (df + 0.5)), reaches zero. Decided on the corpus as indexed,
# so no word list: in the plan 人才 (90% of chunks) and 重点 (73%) are generic, 博士后 (3%) is not.
GENERIC_SHARE = 0.5
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

Role = Literal["admin", "desk"]


class StaffOnly(AssistantError):
    """A staff function called without a valid key. Nothing was read or changed."""

    status, code = 401, "unauthorized"


class RateLimited(AssistantError):
    status, code = 429, "rate_limited"


class Limiter(Protocol):
    """What the UI needs of `assistant.api.ratelimit.RateLimiter`."""

    def acquire(self, identity: str) -> float | None: ...

    def retry_after_header(self, wait: float) -> str: ...


# ---------------------------------------------------------------- report cells


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

    def __init__(
        self, service: Any, settings: Settings | None = None, limiter: Limiter | None = None
    ) -> None:
        self.service = service
        self.settings: Settings = settings or service.engine.settings
        self.limiter = limiter

    @property
    def engine(self) -> Any:
        return self.service.engine

    # ---- who may do what

    def staff_role(self, key: str | None) -> Role | None:
        """'admin' for the admin key, 'desk' for a client key (ASSISTANT_API__KEYS), else None."""
        if not key:
            return None
        admin = self.settings.api.admin_key
        if admin is not None and key_matches(key, [admin]):
            return "admin"
        keys: list[SecretStr] = list(self.settings.api.keys)
        return "desk" if keys and key_matches(key, keys) else None

    def staff_closed(self) -> bool:
        return self.settings.api.admin_key is None and not self.settings.api.keys

    def _require(self, key: str | None, role: Role) -> None:
        if self.settings.api.admin_key is None and (role == "admin" or not self.settings.api.keys):
            raise StaffOnly("未配置管理员密钥（ASSISTANT_API__ADMIN_KEY），工作人员功能已关闭。", status=403)
        got = self.staff_role(key)
        if got is None or (role == "admin" and got != "admin"):
            raise StaffOnly("密钥不正确：此功能仅限工作人员，需要管理员密钥。" if role == "admin" else
                            "密钥不正确：热线检索需要工作人员密钥（管理员密钥或 API 密钥）。")  # fmt: skip

    def _take_token(self, client: str | None) -> None:
        """One token from the API's limiter, under the identity an open `/api/v1` caller gets (ip:<address>)."""
        if self.limiter is None or client is None:
            return
        wait = self.limiter.acquire(f"ip:{client}")
        if wait is not None:
            raise RateLimited(f"请求过于频繁，请 {self.limiter.retry_after_header(wait)} 秒后再试。")

    # ---- chat

    def ask(
        self,
        question: str,
        messages: list[dict[str, Any]] | None,
        session_id: str | None,
        answer_ids: dict[int, str] | None = None,
        client: str | None = None,
    ) -> Iterator[ChatStep]:
        """Stream one turn: the question appears, the answer grows, then it is replaced by the final answer
        with its sources. The service keeps the conversation under `session_id`. Raises `RateLimited` before
        anything is shown when `client` is past the limit."""
        question = (question or "").strip()
        msgs = [dict(m) for m in messages or []]
        ids = dict(answer_ids or {})
        if not question:
            yield ChatStep(messages=msgs, session_id=session_id, answer_ids=ids)
            return
        self._take_token(client)
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

    def _specific_terms(self, query: str) -> tuple[list[str], list[str]]:
        """The query's terms split into (specific, generic) by their share of all chunks. A typed piece that
        occurs nowhere as written (人才公寓) is taken by its words (人才, 公寓)."""
        import jieba

        chunks = self.engine.chunks()
        texts = [f"{c.section}\n{c.text}" for c in chunks]
        terms: list[str] = []
        for piece in keywords_of(query):
            if any(piece in t for t in texts):
                terms.append(piece)
            else:
                terms += [w for w in jieba.lcut_for_search(piece) if len(w) >= 2 and w not in terms]
        specific: list[str] = []
        generic: list[str] = []
        for term in dict.fromkeys(terms):
            share = sum(term in t for t in texts) / max(len(texts), 1)
            (generic if share >= GENERIC_SHARE else specific).append(term)
        return specific, generic

    def hotline(
        self, query: str, key: str | None = None, top_k: int = HOTLINE_SLOTS, client: str | None = None
    ) -> HotlineSearch:
        """Passages for the operator's keywords, with the specific terms highlighted and a ready answer each.
        Hits holding none of the specific terms (they matched only a generic word) are dropped."""
        self._require(key, "desk")
        query = (query or "").strip()
        if not query:
            return HotlineSearch(hits=[])
        self._take_token(client)
        specific, generic = self._specific_terms(query)
        if not specific:
            note = (
                f"“{'”“'.join(generic)}”出现在大多数段落中，请补充更具体的关键词（如项目、平台或单位名称）。"
                if generic
                else "没有找到相关段落，请换个关键词。"
            )
            return HotlineSearch(hits=[], generic=generic, note=note)
        numbers = {d.doc_id: d.doc_number for d in self.engine.documents()}
        hits: list[HotlineHit] = []
        for sc in self.engine.search(query, top_k * 3):
            c = sc.chunk
            if not any(t in c.text or t in c.section for t in specific):
                continue  # it matched only generic words
            hits.append(
                HotlineHit(
                    chunk_id=c.chunk_id,
                    title=c.title or c.filename,
                    section=c.section,
                    page=c.page,
                    html=highlight(c.text, specific),
                    ready_answer=ready_answer(c, numbers.get(c.doc_id)),
                )
            )
            if len(hits) >= top_k:
                break
        note = "" if hits else "没有找到相关段落，请换个关键词。"
        return HotlineSearch(hits=hits, generic=generic, note=note)

    # ---- admin

    def document_rows(self, key: str | None) -> list[list[Any]]:
        self._require(key, "admin")
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

    def admin_refusal(self, key: str | None) -> AdminResult | None:
        try:
            self._require(key, "admin")
        except StaffOnly as e:
            return AdminResult(ok=False, message=e.message)
        return None

    def upload(self, path: str | None, key: str | None) -> AdminResult:
        if (refusal := self.admin_refusal(key)) is not None:
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
        if (refusal := self.admin_refusal(key)) is not None:
            return refusal
        if not doc_id:
            return AdminResult(ok=False, message="请先选择要删除的文档。")
        try:
            self.engine.delete_document(doc_id)
        except AssistantError as e:
            return AdminResult(ok=False, message=e.message)
        return AdminResult(ok=True, message=f"已删除文档 {doc_id}。")

    def reindex(self, key: str | None) -> AdminResult:
        if (refusal := self.admin_refusal(key)) is not None:
            return refusal
        summary = self.engine.ingest([self.settings.corpus_dir], progress=False)
        return AdminResult(ok=True, message=f"已重新索引 {self.settings.corpus_dir.name}/：{summary}")

    # ---- unanswered report

    def unanswered(self, start: Any, end: Any, key: str | None) -> tuple[list[str], list[list[Any]], str]:
        """The report between two days (inclusive) as headers, rows and the path of a CSV copy. Admin key only:
        the questions users typed can hold names and phone numbers."""
        self._require(key, "admin")
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

    # ---- policy matching

    def _industry_names(self) -> list[str]:
        return (
            [f.name for f in self.engine.facts(kind="industry_need", limit=1000)] if self.engine.ready else []
        )

    def match_options(self) -> dict[str, list[str]]:
        """The form's choices, as `GET /api/v1/match/options` gives them (the documents' industries first)."""
        return profile_options(self._industry_names())

    def match_profile(
        self,
        education: str | None,
        talent_kinds: Sequence[str] | None,
        industry: str | None,
        employer_kind: str | None,
        jinjiang_born: bool,
        client: str | None = None,
    ) -> str:
        """Programmes, platforms and policies for a profile given in the form, as Markdown, one block per item.
        The form's values go through the match API's normaliser, so both give the same profile."""
        given = {
            "education": education, "talent_kinds": list(talent_kinds or []), "industry": (industry or "").strip(),
            "employer_kind": employer_kind, "jinjiang_born": True if jinjiang_born else None,
        }  # fmt: skip
        try:
            profile = normalize_profile({k: v for k, v in given.items() if v}, self._industry_names())
        except ProfileValueError as e:
            return str(e)
        if not profile.talent_kinds and not profile.industry:
            return "请至少选择一项人才类别、学历或产业。"
        self._take_token(client)
        found = self.engine.match(profile)
        who = matching.profile_label(profile)
        if not found:
            return f"根据所选条件（{who}），文件中没有找到明确面向该群体的工程、项目或政策。"
        return f"根据所选条件（{who}），文件中与您相关的有：\n\n{matching.format_matches_markdown(found)}"
