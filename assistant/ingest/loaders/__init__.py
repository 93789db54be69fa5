"""Loaders: one file in, one `RawDocument` out.

Contract: `load_document(path, filename=None)` dispatches on the suffix (.txt/.md, .pdf, .docx), then finishes
every format the same way: the table of contents dropped, paragraphs cut by page breaks joined (footnotes
moved after them), table titles attached as captions, metadata found by pattern (the plan's own title, 文号,
issuing body, date), and `doc_id` = a hash of the normalised text, so the same content gets the same id.
Raises `UnsupportedFileType` for other suffixes and `UnreadableDocument` for encrypted, corrupt, scanned
(no text layer) or empty files. `LoadLimits` bounds the work one file may cause (pages, bytes unpacked from a
zip or a compressed PDF stream, characters): a file over a limit raises `DocumentTooLarge` before the
expensive part starts, so a decompression bomb or a 50 000-page PDF is refused in about a second.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from assistant.core.errors import DocumentTooLarge, UnreadableDocument, UnsupportedFileType
from assistant.core.types import Block, DocumentMeta, Footnote, Paragraph, RawDocument, Table
from assistant.ingest.normalize import attach_captions, drop_toc, join_han_gaps, join_paragraphs

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf", ".docx")

_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔［\[（(]\d{4}[〕］\])）]\s*\d{1,5}\s*号")
_DATE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
# a signing line's date to the month, ending its line ('…局　2026年6月')
_MONTH_DATE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*$")
_NOTICE = re.compile(r"^(?P<issuer>.{2,40}?)关于(?:印发|发布|公布|转发)(?P<title>.+?)的通知$")
_ANY_NOTICE = re.compile(r"^(?P<issuer>.{0,60}?)(?P<title>关于.{2,80}的(?:通知|通告|公告|意见|决定|批复|函))$")
_MARKDOWN = re.compile(r"^\s{0,3}#{1,6}\s+")
_ISSUER = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}(?:人民政府|委员会|办公室|办公厅|局|厅|部|委|管委会|办)$")
# Metadata lives on the first page(s): look no further than this many paragraphs.
_META_WINDOW = 40


class LoadLimits(BaseModel):
    """How much work one file may cause. The plan (60 pages, ~50 000 characters) is far inside every limit."""

    model_config = ConfigDict(frozen=True)

    max_pages: int = Field(1000, ge=1, description="Pages of a PDF")
    max_unpacked_bytes: int = Field(
        128 * 1024 * 1024,
        ge=1,
        description="Bytes a DOCX unzips to, or a PDF's page content streams decompress to (counted per use)",
    )
    max_zip_entries: int = Field(5000, ge=1, description="Members of a DOCX package")
    max_chars: int = Field(3_000_000, ge=1, description="Characters of text in the document")


def load_document(path: Path, filename: str | None = None, limits: LoadLimits | None = None) -> RawDocument:
    """Read `path` into a `RawDocument` (see the module docstring). `filename` is the name to record,
    e.g. the original name of an upload saved under a temporary path."""
    limits = limits or LoadLimits()
    path = Path(path)
    name = filename or path.name
    suffix = Path(name).suffix.lower() or path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFileType(
            f"不支持的文件类型：{suffix or '(无后缀)'}；支持 {', '.join(SUPPORTED_SUFFIXES)}"
        )
    if not path.is_file():
        raise UnreadableDocument(f"文件不存在：{name}")
    pages: int | None = None
    hint: str | None = None
    if suffix in (".txt", ".md"):
        from assistant.ingest.loaders.text import read_text

        blocks = read_text(path, limits)
    elif suffix == ".pdf":
        from assistant.ingest.loaders.pdf import read_pdf

        blocks, pages, hint = read_pdf(path, limits)
    else:
        from assistant.ingest.loaders.docx import read_docx

        blocks, hint = read_docx(path, limits)
    return assemble(
        blocks, filename=name, source_path=str(path), pages=pages, title_hint=hint, max_chars=limits.max_chars
    )


def assemble(
    blocks: list[Block],
    *,
    filename: str,
    source_path: str | None = None,
    pages: int | None = None,
    title_hint: str | None = None,
    max_chars: int | None = None,
) -> RawDocument:
    """Finish a loader's blocks into a `RawDocument`; shared by every format so they come out alike."""
    blocks = attach_captions(join_paragraphs(drop_toc(blocks)))
    blocks = [
        b.model_copy(update={"text": join_han_gaps(b.text)}) if isinstance(b, Paragraph | Footnote) else b
        for b in blocks
    ]
    text = content_text(blocks)
    if max_chars is not None and len(text) > max_chars:
        raise DocumentTooLarge(f"文档文字过多（{len(text)} 字，上限 {max_chars} 字）：{filename}")
    if not re.sub(r"\s+", "", text):
        raise UnreadableDocument(f"文档没有可读取的文字：{filename}")
    return RawDocument(
        doc_id=content_hash(text),
        filename=filename,
        source_path=source_path,
        pages=pages,
        meta=find_meta(blocks, title_hint=title_hint, fallback=Path(filename).stem),
        blocks=blocks,
    )


def content_text(blocks: list[Block]) -> str:
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Table):
            parts.extend("\t".join(row) for row in block.rows)
        elif isinstance(block, Footnote):
            parts.append(f"{block.marker} {block.text}")
        else:
            parts.append(block.text)
    return "\n".join(parts)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def find_meta(blocks: list[Block], *, title_hint: str | None = None, fallback: str = "") -> DocumentMeta:
    """Title, 文号, issuing body and date, found by pattern in the first paragraphs (the date and issuer of a
    notice signed at its end, in the last ones).

    The title is the document's own: for a notice that issues a plan ('…关于印发《X》的通知'), X as the
    document spells it on its own title line, not the notice's title. A notice title broken over two lines
    ('关于开展…工作的' / '通知') is read as one; a Markdown heading's '#' is not part of the title."""
    paras = [
        _MARKDOWN.sub("", b.text.strip())
        for b in blocks[:_META_WINDOW]
        if isinstance(b, Paragraph) and b.text.strip()
    ]
    tail = [b.text.strip() for b in blocks[-15:] if isinstance(b, Paragraph) and b.text.strip()]
    doc_number = next((m.group(0) for p in paras if (m := _DOC_NUMBER.search(p)) and len(p) <= 30), None)
    date, issuer = _signature(paras) or _signature(tail) or (None, None)
    if date is None:  # '…人才办 …人社局2025年3月10日印发' on one line
        for i, p in enumerate(paras):
            m = _DATE.search(p)
            if m and len(p) <= 80 and not re.search(r"[，。；]", p.replace(m.group(0), "")):
                date = m.group(0)
                before = _strip_mark(p[: m.start()])
                issuer = issuer or _issuers(before) or (_issuers(paras[i - 1]) if i > 0 and not before else None)
                break
    if date is None:  # a 解读 or 问答 signed by month: '中共…办公室　…住房和城乡建设局　2026年6月'
        for p in paras + tail:
            m = _MONTH_DATE.search(p)
            before = _strip_mark(p[: m.start()]) if m else ""
            if m and _issuers(before):
                date, issuer = m.group(0), issuer or _issuers(before)
                break
    title = None
    for i, p in enumerate(paras):
        joined = p + paras[i + 1] if i + 1 < len(paras) and len(paras[i + 1]) <= 10 else p
        for text in (p, joined):
            notice = _NOTICE.match(text)
            if notice:
                issuer = issuer or _issuers(notice.group("issuer").strip()) or notice.group("issuer").strip()
                title = _own_title(notice.group("title"), paras)
                break
            any_notice = _ANY_NOTICE.match(text)
            if any_notice and len(text) <= 120:
                head = any_notice.group("issuer").strip()
                before = paras[i - 1] if i > 0 else ""
                issuer = issuer or _issuers(head) or _issuers(before) or None
                title = any_notice.group("title")
                break
        if title:
            break
    if title is None:
        title = title_hint or next((p for p in paras if len(p) <= 60 and not _DOC_NUMBER.search(p)), fallback)
    return DocumentMeta(title=title, doc_number=doc_number, issuer=issuer, date=date)


def _strip_mark(text: str) -> str:
    """Drop a leading bracketed remark ('（本文为…）') from a line."""
    return re.sub(r"^[（(][^）)]*[）)]", "", text.strip()).strip()


def _issuers(text: str) -> str | None:
    """'A局 B局' / 'A局、B局' -> the text, when every part names a body; else None."""
    parts = [p for p in re.split(r"[\s\u3000、]+", text.strip()) if p]
    if parts and all(_ISSUER.match(p) for p in parts):
        return " ".join(parts)
    return None


def _signature(paras: list[str]) -> tuple[str, str | None] | None:
    """(date, issuer) of a date line standing alone, the issuing body on the line before it."""
    for i, p in enumerate(paras):
        if _DATE.fullmatch(p):
            issuer = _issuers(paras[i - 1]) if i > 0 else None
            return p, issuer
    return None


def _own_title(issued: str, paras: list[str]) -> str:
    """The issued document's title as its own title line writes it (the notice may add spaces or 《》)."""
    issued = issued.strip().strip("《》")
    key = re.sub(r"\s+", "", issued)
    for p in paras:
        if re.sub(r"\s+", "", p) == key:
            return p
    return key
