"""Typed values that cross stage boundaries.

ingest:  file -> RawDocument(blocks) -> Section -> Chunk + Fact
ask:     question -> ScoredChunk / Fact -> Answer(Citation)

Every model is frozen: a stage returns new values, it never edits the ones it was given.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# Bumped whenever chunk text or boundaries change, so an index built by an older version is rebuilt (the
# Chroma collection name carries it).
CHUNKING_VERSION = "structure-v2"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


# ---------------------------------------------------------------- ingest: what a loader yields


class Paragraph(_Frozen):
    """One logical paragraph of body text (visual lines already joined), or a heading line."""

    kind: Literal["paragraph"] = "paragraph"
    text: str = Field(description="Normalised text; headings are paragraphs too, recognised by `structure`")
    page: int | None = Field(None, description="1-based page where the paragraph starts, None for page-less formats")
    style: str | None = Field(None, description="Source style hint when the format has one (DOCX 'Heading 1', 'Title')")


class Table(_Frozen):
    """A table as a grid of cell texts, header rows included; pieces split by page breaks are already joined."""

    kind: Literal["table"] = "table"
    rows: list[list[str]] = Field(description="Cell texts row by row; a merged cell is '' in the rows it spans below")
    page: int | None = Field(None, description="1-based page of the first row")
    row_pages: list[int | None] = Field(default_factory=list, description="Page of each row (same length as rows)")
    caption: str | None = Field(None, description="Title line such as '表1：…' when the loader saw one")


class Footnote(_Frozen):
    """A footnote body: `marker` is the superscript as written ('¹', '14')."""

    kind: Literal["footnote"] = "footnote"
    marker: str
    text: str = Field(description="The footnote text without its marker")
    page: int | None = None


Block = Paragraph | Table | Footnote


class DocumentMeta(_Frozen):
    title: str = Field(description="The document's own title (the plan's name, not the notice's)")
    doc_number: str | None = Field(None, description="文号, e.g. 晋政文〔2021〕346号")
    issuer: str | None = Field(None, description="Issuing body, e.g. 晋江市人民政府")
    date: str | None = Field(None, description="Date as the document writes it, e.g. 2021年12月10日")


class RawDocument(_Frozen):
    """What a loader returns: the file's blocks in reading order, plus identity and metadata."""

    doc_id: str = Field(description="Stable id: hash of the file's normalised text content")
    filename: str
    source_path: str | None = None
    pages: int | None = Field(None, description="Page count for paged formats, else None")
    meta: DocumentMeta
    blocks: list[Block]


# ---------------------------------------------------------------- ingest: structure and chunks


class Section(_Frozen):
    path: tuple[str, ...] = Field(description="Heading texts from the top level down")
    blocks: list[Block]

    @property
    def path_text(self) -> str:
        return " > ".join(self.path)


class TableRows(_Frozen):
    """A table made ready for use: header found, repeated header rows dropped, merged cells filled down."""

    name: str = Field(description="The table's name: its caption ('表1：…') or, failing that, its section heading")
    section: tuple[str, ...] = Field(description="Section path of the table")
    header: list[str] = Field(description="Column headers (one per column; a two-row header is joined)")
    rows: list[list[str]] = Field(description="Data rows, same width as header, merged cells filled from above")
    row_pages: list[int | None] = Field(description="Page of each data row")


ChunkKind = Literal["text", "table_row", "footnote", "meta"]


class Chunk(_Frozen):
    chunk_id: str = Field(description="hash(doc_id, section, text): stable across re-ingest")
    doc_id: str
    title: str = Field(description="Document title")
    filename: str
    section: str = Field(description="Section path joined with ' > '")
    page: int | None = None
    kind: ChunkKind = "text"
    text: str = Field(description="The exact text shown and quoted (a table row is 'header：cell | …')")
    order: int = Field(0, description="Position of the chunk in its document, for reading order")
    # Structured fields, so nobody re-parses `text` (all optional; text chunks leave them empty).
    cells: list[tuple[str, str]] = Field(
        default_factory=list,
        description="A table row's cells as (header, value); a header's unit is carried into its values ('3000元')",
    )
    row_key: str | None = Field(None, description="A table row's key cell (人才类别 / 岗位 / 项目…), else None")
    table: str | None = Field(None, description="Name of the table a row chunk comes from")
    items: list[str] = Field(
        default_factory=list, description="Enumerated items（一）（二）/1. 2. of a chunk that keeps them with their introduction"
    )
    intro: str | None = Field(
        None,
        description="The sentence introducing a row's table ('首次取得下列职业技能等级证书的，按下表给予一次性奖励：'): "
        "what every row is about without repeating it",
    )


# ---------------------------------------------------------------- facts


FactKind = Literal[
    # the plan's kinds
    "indicator", "programme", "industry_need", "definition",
    # any policy document's kinds
    "amount",              # a sum of money: value '3000元', unit '元/月', subject = row key / clause subject
    "duration",            # 最长N个月, N年内, 发放期限, 有效期N年 (of a benefit)
    "condition",           # an eligibility condition (items = the enumerated conditions)
    "age_limit",           # 年龄不超过N周岁 (value 'N周岁')
    "application_window",  # 申报时间 X至Y (start, end)
    "deadline",            # 截止 / 前 a date
    "processing_time",     # N个工作日内完成审核 / 公示N个工作日
    "materials",           # the enumerated list of materials (items)
    "channel",             # where / how to apply: platform, window, address
    "contact",             # phone numbers, 联系人, e-mail (value = the number)
    "responsible",         # 负责解释 / 负责受理 / 受理单位 (value = the unit)
    "effective",           # 自…起施行, 有效期至…, 同时废止
    "sanction",            # 追回, 取消资格, N年内不得申报…
]


class Fact(_Frozen):
    """A typed record lifted from a table row or a definition sentence, with the words it came from."""

    fact_id: str = Field(description="hash(doc_id, kind, name, quote)")
    doc_id: str
    kind: FactKind
    name: str = Field(description="Indicator name, programme name, industry, or defined term")
    group: str | None = Field(None, description="一级指标 / 清单 kind (重点工程…) / industry group")
    number: str | None = Field(None, description="序号 as written")
    unit: str | None = Field(None, description="Indicator unit (万人, %, 家 …)")
    baseline: str | None = Field(None, description="Baseline value as written (2020年 column)")
    baseline_year: str | None = None
    target: str | None = Field(None, description="Target value as written (2025年 column)")
    target_year: str | None = None
    content: str | None = Field(None, description="主要内容 / 项目内容 / 人才需求 / definition body")
    actions: str | None = Field(None, description="行动措施")
    period: str | None = Field(None, description="实施年限 as written, e.g. 2021-2024")
    lead_units: list[str] = Field(default_factory=list, description="牵头单位 split into units")
    lead_units_text: str | None = Field(None, description="牵头单位 cell as written")
    section: str = ""
    page: int | None = None
    quote: str = Field(description="Verbatim source text (a table row's cells joined by tab, or the sentence)")
    chunk_id: str | None = Field(None, description="The chunk that holds the quote, when known")
    title: str | None = Field(None, description="Title of the document the fact comes from (for citations)")
    # Fields of the policy kinds (None / empty for the plan's kinds).
    subject: str | None = Field(None, description="What the value is about: the table row key or the clause's subject")
    value: str | None = Field(None, description="The value as written, with its unit: '3000元', '20个工作日', '45周岁'")
    column: str | None = Field(None, description="Header of the table column the value comes from")
    items: list[str] = Field(default_factory=list, description="Enumerated items (materials, conditions)")
    start: str | None = Field(None, description="Start date of an application window or validity, as written")
    end: str | None = Field(None, description="End date of an application window, deadline or validity, as written")


# ---------------------------------------------------------------- retrieval and answers


class ScoredChunk(_Frozen):
    chunk: Chunk
    score: float = Field(description="The fused score used for ranking (higher is better)")
    bm25_score: float | None = None
    dense_score: float | None = None
    bm25_rank: int | None = None
    dense_rank: int | None = None


class Citation(_Frozen):
    id: int = Field(description="1-based number used as [n] in the answer")
    doc_id: str
    title: str
    section: str
    page: int | None
    quote: str = Field(description="Exact supporting text from the document")
    chunk_id: str | None


class Turn(_Frozen):
    role: Literal["user", "assistant"]
    content: str


class Answer(_Frozen):
    answer: str
    answerable: bool
    confidence: float = Field(ge=0.0, le=1.0)
    citations: list[Citation] = Field(default_factory=list)
    route: str = Field("retrieval", description="Which path answered: fact:lead_unit, retrieval, refusal …")
    standalone_question: str | None = Field(None, description="The question after follow-up resolution")
    suggestions: list[str] = Field(default_factory=list)
    generator: Literal["extractive", "llm"] = "extractive"
    fallback_reason: str | None = Field(None, description="Why an LLM answer was replaced by the extractive one")
    refused_for: Literal["subject", "value"] | None = Field(
        None, description="A refusal's reason: the documents do not speak of the subject, or not of the asked value"
    )


class DocumentInfo(_Frozen):
    doc_id: str
    title: str
    filename: str
    pages: int | None
    chunks: int
    ingested_at: datetime
    doc_number: str | None = None
    issuer: str | None = None
    date: str | None = None
    table_rows: int = 0
    facts: int = 0
