"""What policy matching returns: one `Match` per item, and the kinds of item (see `assistant.ask.matching`)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from assistant.core.types import Citation

# An aspect named "产业:<industry>" is the person's industry, not their kind of talent.
INDUSTRY_PREFIX = "产业:"
TOPIC_PREFIX = "事项:"  # an aspect of the person's own words that only a few item names say (直播)
SPEC_ASPECT = "描述"  # an item reached by saying the person's words specifically, not by a group
SECTION_KIND = "规划章节"
NEEDS_KIND = "产业人才需求"
AMOUNT_KIND = "政策待遇"
# Said of a document only when it states no amount for the profile (see `amount_note`); generic wording kept
# for callers that have no matches to name documents from.
AMOUNT_NOTE = "说明：所列工程、项目、平台和政策的文件未规定补贴或奖励金额；具体标准请向牵头单位咨询。"


class Match(BaseModel):
    """One item that addresses the profile, with the words that made it match and whom to contact."""

    model_config = ConfigDict(frozen=True)

    name: str
    kind: str = Field(description="重点工程 / 重点项目 / 重点平台 / 重点政策, 规划章节, or 产业人才需求")
    why: list[str] = Field(description="Quoted clauses of the item holding the matched words")
    matched: list[str] = Field(description="The profile aspects that matched (kinds, industry …)")
    lead_units: list[str] = Field(default_factory=list)
    period: str | None = None
    citations: list[Citation] = Field(default_factory=list)
    score: float
    specificity: float = Field(
        0.0,
        description="How specifically the item's own text says the person's own words (see specificity.py)",
    )
    within: list[str] = Field(
        default_factory=list,
        description="What the item's text names inside itself that fits the person: its platforms, camps, "
        "sub-programmes (“单一窗口”, a 示范基地), best first",
    )
