"""Chinese tokens for BM25: `tokenize_zh(text) -> list[str]`.

Contract:
- jieba in search mode (`cut_for_search`), so a long word also yields its dictionary sub-words and a question
  that says 倍增工程 meets a passage that says 硕博人才“倍增工程”.
- Text is folded first (NFKC: full-width letters and digits become half-width) and lowercased.
- Punctuation, whitespace and single-character stopwords are dropped.
- A domain dictionary keeps the documents' own names whole: `add_domain_terms(terms)` (idempotent), fed by
  `harvest_terms(texts)` which finds programme names in quotes, lead-unit names, footnote terms and short
  headings in the documents themselves.

jieba takes about a second to load its dictionary, so one private tokenizer is built lazily, once, under a lock.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Iterable

import jieba

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None
# Each domain term -> the words jieba cut it into before it was added; emitted beside the term, so 硕博人才
# still matches a question that says only 硕博.
_pieces: dict[str, tuple[str, ...]] = {}

# Function words that carry no topic on their own; multi-character words are all kept because policy
# phrases such as 以上 / 不少于 change the meaning of a number.
_STOP_CHARS = frozenset("的了和与及或等是在为对把被将其之于由以向从而也都就还又并且个着")
_HAS_WORD_CHAR = re.compile(r"[0-9a-z\u3400-\u9fff]")
# “倍增工程”, 「…」, ‘…’: a quoted name in a policy text is almost always a programme or a coined term.
_QUOTED = re.compile(r"[“「‘\"]([^”」’\"\n]{2,16})[”」’\"]")
_LEAD_UNITS = re.compile(r"牵头单位[：:]\s*([^|\n]+)")
# A table-row chunk reads `header：cell | header：cell`; short cells are names (indicators, programmes, units).
_CELL = re.compile(r"(?:^|\|)\s*[^|：:\n]{1,12}[：:]\s*([^|\n]{2,12}?)\s*(?=\||$)", re.M)
_NAME_LIKE = re.compile(r"^[\u4e00-\u9fff“”（）()a-zA-Z0-9]+$")
_HEADING_NUMBER = re.compile(r"^\s*(?:[(（]?[一二三四五六七八九十\d]+[)）、.．]\s*)+")
_SPLIT_UNITS = re.compile(r"[、，,；;\s]+")


def _jieba() -> jieba.Tokenizer:
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                jieba.setLogLevel(logging.WARNING)
                tok = jieba.Tokenizer()
                tok.initialize()
                _tokenizer = tok
    return _tokenizer


def fold(text: str) -> str:
    """Full-width -> half-width (NFKC) and lowercase, the form both passages and questions are matched in."""
    return unicodedata.normalize("NFKC", text).lower()


def tokenize_zh(text: str) -> list[str]:
    """Search-mode jieba tokens of `text`, folded, without punctuation and single-character stopwords."""
    tokens: list[str] = []
    for raw in _jieba().cut_for_search(fold(text)):
        token = raw.strip()
        if not token or not _HAS_WORD_CHAR.search(token):
            continue
        if len(token) == 1 and token in _STOP_CHARS:
            continue
        # search mode already emitted the term's short sub-words just before it; add only the missing pieces
        recent = set(tokens[-8:])
        tokens.append(token)
        tokens.extend(p for p in _pieces.get(token, ()) if p not in recent)
    return tokens


def domain_terms() -> frozenset[str]:
    """The terms `add_domain_terms` has taught the tokenizer so far (folded)."""
    with _lock:
        return frozenset(_pieces)


def add_domain_terms(terms: Iterable[str]) -> int:
    """Teach the tokenizer words it must keep whole. Returns how many were new; adding a term twice is a no-op.

    jieba cannot keep quotes or spaces inside a word, so a term is split on them and each part is added
    (硕博人才“倍增工程” -> 硕博人才, 倍增工程)."""
    tok = _jieba()
    added = 0
    with _lock:
        for term in terms:
            for part in re.split(r"[^0-9a-z\u3400-\u9fff]+", fold(term)):
                if len(part) < 2 or part in _pieces:
                    continue
                pieces = tuple(
                    p for p in tok.cut_for_search(part) if p != part and len(p) >= 2 and p not in _STOP_CHARS
                )
                tok.add_word(part)
                _pieces[part] = pieces
                added += 1
    return added


def harvest_terms(texts: Iterable[str]) -> set[str]:
    """Domain terms found in a document's own text: quoted programme names and footnote terms, the units
    listed after 牵头单位, and the short cells of table rows (indicator and programme names)."""
    terms: set[str] = set()
    for text in texts:
        for m in _QUOTED.finditer(text):
            terms.add(m.group(1))
        for m in _LEAD_UNITS.finditer(text):
            terms.update(u for u in _SPLIT_UNITS.split(m.group(1)) if 2 <= len(u) <= 12)
        for m in _CELL.finditer(text):
            cell = m.group(1).strip()
            if _NAME_LIKE.match(cell) and re.search(r"[\u4e00-\u9fff]{2}", cell):
                terms.add(cell)
    return {t.strip() for t in terms if t.strip()}


def heading_terms(headings: Iterable[str]) -> set[str]:
    """Short headings without their numbering (`(3) 硕博人才“倍增工程”` -> 硕博人才“倍增工程”). Long headings are
    sentences, and adding them as one word would hide the words inside them from search."""
    terms: set[str] = set()
    for heading in headings:
        name = _HEADING_NUMBER.sub("", heading).strip()
        if 2 <= len(name) <= 12 and not re.search(r"[，,。；;：:]", name):
            terms.add(name)
    return terms
