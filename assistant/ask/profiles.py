"""One profile normaliser for the match API and the UI form: picker values and synonyms -> canonical values.

    options = profile_options(industries)                   -> {"education": [...], "talent_kinds": [...], ...}
    profile = normalize_profile({"education": "PhD", "industry": "IT"}, industries)
        -> Profile(education="博士", talent_kinds=["博士"], industry="信息技术", ...)
    normalize_profile({"education": "小学"}, industries)    -> raises ProfileValueError(field, value, allowed)

Contract:
- Education implies talent kinds, as the form always did (博士 -> 博士, 本科 -> 青年大学生, 技能等级 -> 技能人才).
- A value is canonical when it is one of the allowed values; otherwise it is read like a self-description
  (博士后, PhD -> 博士; 台胞 -> 台湾青年; 芯片 -> 集成电路), and a value nothing maps to is an error naming the
  field and the allowed values.
- Industries come from the indexed documents first (the `industry_need` facts' names), then the everyday
  industry words matching knows; a synonym maps to a document's name when the document has it (IT -> 信息技术).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from assistant.ask.talent_profile import (
    _EDUCATION_KIND,
    _EDUCATION_WORDS,
    _EMPLOYER_WORDS,
    INDUSTRY_SYNONYMS,
    TALENT_KIND_CUES,
    Profile,
    extract_profile,
)

# Latin abbreviations people type into a picker; Chinese synonyms are read by `extract_profile`.
_LATIN: dict[str, str] = {
    "phd": "博士", "ph.d": "博士", "ph.d.": "博士", "doctor": "博士", "postdoc": "博士",
    "master": "硕士", "msc": "硕士", "mba": "硕士", "bachelor": "本科",
    "it": "信息技术", "ict": "信息技术", "ai": "人工智能", "ic": "集成电路",
}  # fmt: skip
FIELD_NAMES = {
    "education": "学历",
    "talent_kinds": "人才类别",
    "industry": "产业",
    "employer_kind": "单位类型",
}


class ProfileValueError(ValueError):
    """A profile value that maps to no allowed value."""

    def __init__(self, field: str, value: str, allowed: Sequence[str]) -> None:
        self.field, self.value, self.allowed = field, value, list(allowed)
        super().__init__(
            f"{FIELD_NAMES.get(field, field)}（{field}）的值“{value}”无法识别；可选值：{'、'.join(allowed)}"
        )


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().lower()


def industry_values(industries: Sequence[str]) -> list[str]:
    """The documents' industry names, then the industries matching knows that no document names."""
    docs = [i for i in dict.fromkeys(industries) if i]
    return docs + [k for k in INDUSTRY_SYNONYMS if not any(k in d for d in docs)]


def profile_options(industries: Sequence[str] = ()) -> dict[str, list[str]]:
    return {
        "education": [level for level, _ in _EDUCATION_WORDS],
        "talent_kinds": list(TALENT_KIND_CUES),
        "industry": industry_values(industries),
        "employer_kind": list(_EMPLOYER_WORDS),
    }


def _education(value: str) -> str | None:
    allowed = [level for level, _ in _EDUCATION_WORDS]
    v = _LATIN.get(_fold(value), value.strip())
    if v in allowed:
        return v
    return extract_profile(v).education


def _kinds(value: str) -> list[str]:
    v = _LATIN.get(_fold(value), value.strip())
    if v in TALENT_KIND_CUES:
        return [v]
    return [k for k in extract_profile(v).talent_kinds if k in TALENT_KIND_CUES]


def _industry(value: str, allowed: Sequence[str]) -> str | None:
    v = _LATIN.get(_fold(value), value.strip())
    if v in allowed:
        return v
    # A synonym's industry, named as the documents name it (金融 -> 金融服务 when a document says 金融服务).
    name = extract_profile(v).industry or next((a for a in allowed if _fold(v) in _fold(a)), None)
    if name is None:
        return None
    return name if name in allowed else next((a for a in allowed if name in a or a in name), name)


def _employer(value: str) -> str | None:
    v = value.strip()
    if v in _EMPLOYER_WORDS:
        return v
    return extract_profile(v).employer_kind


def normalize_profile(values: Mapping[str, Any], industries: Sequence[str] = ()) -> Profile:
    """Canonical profile from picker values or synonyms; raises ProfileValueError for a value nothing maps to."""
    options = profile_options(industries)
    education = None
    if values.get("education"):
        education = _education(str(values["education"]))
        if education is None:
            raise ProfileValueError("education", str(values["education"]), options["education"])
    kinds: list[str] = []
    for raw in values.get("talent_kinds") or []:
        found = _kinds(str(raw))
        if not found:
            raise ProfileValueError("talent_kinds", str(raw), options["talent_kinds"])
        kinds.extend(found)
    if education in _EDUCATION_KIND:
        kinds.insert(0, _EDUCATION_KIND[education])
    industry = None
    if values.get("industry"):
        industry = _industry(str(values["industry"]), options["industry"])
        if industry is None:
            raise ProfileValueError("industry", str(values["industry"]), options["industry"])
    employer = None
    if values.get("employer_kind"):
        employer = _employer(str(values["employer_kind"]))
        if employer is None:
            raise ProfileValueError("employer_kind", str(values["employer_kind"]), options["employer_kind"])
    return Profile(
        education=education,
        talent_kinds=list(dict.fromkeys(kinds)),
        industry=industry,
        employer_kind=employer,
        jinjiang_born=values.get("jinjiang_born") or None,
        free_text=values.get("free_text"),
    )
