"""Number and name fidelity: every figure and unit name in an answer must be backed by a citation's quote.

    check_answer(answer_text, citations) -> list[str]     one message per unsupported item, [] when faithful
    enforce(answer, fallback) -> Answer                   the answer if faithful, else the fallback (reason set)

What is checked: numbers (Arabic, with decimals and thousands separators), percentages, year ranges such as
2021-2025, money amounts (万元 / 亿元 …) and organisation names ending in 局/办/委/部/会/组/中心/学院/集团.
Both sides are compared after folding full-width characters to half-width and dropping whitespace, because
the plan writes "4000 人" in prose and "4000人" in tables, and "２０２５" in some renderings.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.core.types import Answer, Citation

# A number as written, optionally a range ("2021-2025", "3至5") and a percent sign.
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_RANGE = re.compile(r"(\d{4})\s*[-–—~至到]\s*(\d{4})")
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(万元|亿元|元|万人|万名|万平方米|平方米|亩)")
# Unit (organisation) names: a short run of CJK ending in a typical organisation suffix.
_ORG = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:局|办|委|部|工会|联|组|中心|学院|集团|公司|街道|镇)")
# Words ending like an organisation that are ordinary vocabulary in answers, not unit names.
_ORG_STOPWORDS = ("全部", "内部", "局部", "外部", "部分", "重点部", "党委", "中心城市", "一部")
# Connective prefixes an answer puts before a unit name ("由科技局牵头", "与工信局"): not part of the name.
_ORG_PREFIX = re.compile(r"^(?:由|与|和|及|是|为|：|、)+")


def normalize_for_check(text: str) -> str:
    """Fold full-width to half-width (NFKC), drop all whitespace and thousands separators."""
    folded = unicodedata.normalize("NFKC", text)
    folded = re.sub(r"(?<=\d),(?=\d{3})", "", folded)
    # Table cells are joined by tabs: "2300\t10000" must stay two numbers, not become 230010000.
    folded = re.sub(r"(?<=\d)\s+(?=\d)", "|", folded)
    return re.sub(r"\s+", "", folded)


def _numbers(text: str) -> set[str]:
    return {_canonical_number(m) for m in _NUMBER.findall(text)}


def _canonical_number(raw: str) -> str:
    raw = raw.replace(",", "")
    if "." in raw:
        raw = raw.rstrip("0").rstrip(".")
    return raw.lstrip("0") or "0"


def check_answer(answer: str, citations: list[Citation]) -> list[str]:
    """Violations: figures, ranges, amounts and unit names in `answer` that no citation quote contains."""
    # Circled list marks (①②) are layout, and NFKC would turn them into digits.
    text = normalize_for_check(re.sub(r"[\u2460-\u2473]", "", answer))
    # Citation markers like [1] are references, not claims.
    text = re.sub(r"\[\d+\]", "", text)
    quotes = [normalize_for_check(c.quote) for c in citations]
    joined = "\n".join(quotes)
    quote_numbers: set[str] = set()
    for q in quotes:
        quote_numbers |= _numbers(q)

    problems: list[str] = []
    for start, end in _RANGE.findall(text):
        if not re.search(rf"{start}\s*[-–—~至到]\s*{end}", joined):
            problems.append(f"date range {start}-{end} not in any quote")
    # An amount's figure is checked with the numbers below; its unit must be in a quote too (a table has the
    # unit in its own column, so "4.5万人" need not be contiguous there).
    for value, unit in _AMOUNT.findall(text):
        if unit not in joined:
            problems.append(f"amount {value}{unit}: unit {unit} not in any quote")
    for raw in _NUMBER.findall(text):
        if _canonical_number(raw) not in quote_numbers:
            problems.append(f"number {raw} not in any quote")
    for match in _ORG.finditer(text):
        name = _ORG_PREFIX.sub("", match.group(0))
        if len(name) < 2 or any(stop in name for stop in _ORG_STOPWORDS):
            continue
        if name not in joined and not _org_in_quotes(name, joined):
            problems.append(f"unit name {name} not in any quote")
    return list(dict.fromkeys(problems))


def _org_in_quotes(name: str, joined: str) -> bool:
    # The regex is greedy from the left, so "牵头单位是科技局" yields "牵头单位是科技局"; accept it when some
    # suffix of the match (the unit name proper, at least 3 characters) is in a quote.
    return any(name[i:] in joined for i in range(len(name) - 2))


def enforce(answer: Answer, fallback: Answer) -> Answer:
    """Return `answer` when every figure and unit name is supported, else `fallback` saying why."""
    problems = check_answer(answer.answer, answer.citations)
    if not problems:
        return answer
    return fallback.model_copy(update={"fallback_reason": "fidelity: " + "; ".join(problems[:5])})
