"""Entity resolution: which fact (programme, indicator, industry, defined term) a question is about.

    index = EntityIndex.build(facts)
    index.resolve("硕博倍增工程谁牵头？") -> [(Fact, score), …] best first, score in 0..1
    index.mentions(text) -> list[Fact]           facts a text clearly names (for follow-up resolution)
    index.units() -> list[str]                   every lead unit name, longest first
    index.find_units(text) -> list[str]          lead units a text names (人社局, or 人力资源和社会保障局)

People call things by short forms the document never writes: 硕博倍增 for 硕博人才“倍增工程”, 博士后站 for
博士后工作站, 高企 for 高新技术企业. Chinese short forms keep characters of the full name in order, so the
score is an in-order character match (a weighted longest common subsequence) between the question and each
name, where characters that occur in many names (人, 才, 工, 程 …) weigh little and rare ones (跑, 硕, 埭) much.
Aliases derived from the name itself add exact hits: quoted parts (倍增工程, 525), the name without generic
suffixes (工程/项目/建设/平台) and without leading verbs (建设/打造/组建成立). Nothing here knows this plan's rows.

Cost: a question is scored only against the names it can touch. An inverted index from character to names
(every identifying character of a name, plus the first character of the name and of each alias) gives the
candidates; a name sharing none of those characters with the question cannot score above the 0.3 floor (every
path to a score needs a weighted character in common, an alias written in the question, or an abbreviation
starting with the name's first character), so the result is the same as scoring every name. Entries with the
same name, aliases and content (the same plan indexed twice) share one score, and `resolve`, `mentions` and
`find_units` remember their answers per text, so routing, follow-ups, compound parts and suggestions of one
question do the matching once. An index is immutable and built per snapshot, so the memo never goes stale.
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from collections import Counter, OrderedDict
from dataclasses import dataclass, field

from assistant.core.types import Fact

_QUOTED = re.compile(r"[“\"「『]([^”\"」』]{1,20})[”\"」』]")
_GENERIC_SUFFIXES = (
    "建设提升项目",
    "建设项目",
    "扩面项目",
    "提升工程",
    "培养工程",
    "项目",
    "工程",
    "建设",
    "平台",
    "行动",
)
_LEADING_VERBS = (
    "组建成立",
    "打造",
    "建设",
    "布局",
    "提升",
    "修订完善",
    "全面推进",
    "全面开展",
    "探索",
    "实施",
)
# Question words carry no identity; they must not count as a match with a name that happens to contain them.
_QUESTION_CHARS = set("的是了吗呢吧么哪谁几多少什怎样要请问我想和与及还或者有在这那个把")
# Texts whose matching results one index remembers (a question touches a handful: itself, its parts, the answer).
_MEMO_SIZE = 4096


def entity_key(text: str) -> str:
    """Fold width (NFKC), drop punctuation and spaces: the form names and questions are compared in."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if ch.isalnum() or ch == "+")


def derived_aliases(name: str) -> list[str]:
    """Short forms derived from a name: its quoted parts, and the name without generic suffixes or verbs."""
    aliases: list[str] = []
    for part in _QUOTED.findall(name):
        aliases.append(entity_key(part))
    key = entity_key(name)
    stripped = key
    for _ in range(2):
        for suffix in _GENERIC_SUFFIXES:
            if stripped.endswith(suffix) and len(stripped) - len(suffix) >= 2:
                stripped = stripped[: -len(suffix)]
                break
    for verb in _LEADING_VERBS:
        if stripped.startswith(verb) and len(stripped) - len(verb) >= 2:
            stripped = stripped[len(verb) :]
            break
    aliases.append(stripped)
    # A quoted part is often asked with the suffix that follows the quote: “525”孵化提升工程 -> 525工程.
    for part in _QUOTED.findall(name):
        tail = name.split(part, 1)[1].lstrip('”"」』')
        for suffix in ("工程", "项目", "行动"):
            if tail.endswith(suffix):
                aliases.append(entity_key(part) + suffix)
    return [a for a in dict.fromkeys(aliases) if len(a) >= 2 and a != key]


@dataclass(frozen=True)
class _Entry:
    fact: Fact
    key: str
    aliases: tuple[str, ...]
    content_bigrams: frozenset[str] = field(default_factory=frozenset)


class EntityIndex:
    """Names of facts, searchable by the short forms people use."""

    def __init__(self, entries: list[_Entry], weights: dict[str, float], units: list[str]) -> None:
        self._entries = entries
        self._weights = weights
        self._units = units
        # Entries with the same (name, aliases, content) score alike: one signature id each.
        signatures: dict[tuple[str, tuple[str, ...], frozenset[str]], int] = {}
        self._sig = [
            signatures.setdefault((e.key, e.aliases, e.content_bigrams), len(signatures)) for e in entries
        ]
        postings: dict[str, list[int]] = {}
        for i, entry in enumerate(entries):
            anchors = {c for c in entry.key if c not in _QUESTION_CHARS}
            anchors.update(name[0] for name in (entry.key, *entry.aliases) if name)
            for ch in anchors:
                postings.setdefault(ch, []).append(i)
        self._postings = postings
        self._memo: OrderedDict[tuple[object, ...], object] = OrderedDict()
        self._memo_lock = threading.Lock()

    def _remember(self, key: tuple[object, ...], compute):  # type: ignore[no-untyped-def]
        """`compute()` once per key, kept in a small LRU (questions, answers and history turns of recent asks)."""
        with self._memo_lock:
            if key in self._memo:
                self._memo.move_to_end(key)
                return self._memo[key]
        value = compute()
        with self._memo_lock:
            self._memo[key] = value
            while len(self._memo) > _MEMO_SIZE:
                self._memo.popitem(last=False)
        return value

    def _candidates(self, query: str) -> list[int]:
        """Entries sharing an anchor character with `query`, in document order."""
        found: set[int] = set()
        for ch in set(query):
            found.update(self._postings.get(ch, ()))
        return sorted(found)

    @classmethod
    def build(cls, facts: list[Fact], previous: EntityIndex | None = None) -> EntityIndex:
        """The index of `facts`; entries of the very same Fact objects are taken from `previous` (the index of
        the snapshot before), so adding a document derives names, aliases and content only for its facts."""
        known = {id(e.fact): e for e in previous._entries} if previous is not None else {}
        entries = []
        for fact in facts:
            if (entry := known.get(id(fact))) is not None and entry.fact is fact:
                entries.append(entry)
                continue
            body = entity_key(" ".join(x for x in (fact.content, fact.actions) if x))
            bigrams = frozenset(body[i : i + 2] for i in range(len(body) - 1))
            entries.append(_Entry(fact, entity_key(fact.name), tuple(derived_aliases(fact.name)), bigrams))
        # Inverse document frequency of each character over all names: rare characters identify a name.
        df: Counter[str] = Counter()
        for entry in entries:
            df.update(set(entry.key))
        n = max(len(entries), 1)
        weights = {ch: math.log(1 + n / count) for ch, count in df.items()}
        units = sorted({u for f in facts for u in f.lead_units}, key=lambda u: (-len(u), u))
        return cls(entries, weights, units)

    @property
    def facts(self) -> list[Fact]:
        return [e.fact for e in self._entries]

    def units(self) -> list[str]:
        return list(self._units)

    def _weight(self, ch: str) -> float:
        if ch in _QUESTION_CHARS:
            return 0.0
        return self._weights.get(ch, 0.0)

    def _lcs_weight(self, query: str, name: str) -> float:
        """Weighted longest common subsequence of `query` and `name` (in-order characters, gaps allowed)."""
        prev = [0.0] * (len(name) + 1)
        for qc in query:
            cur = [0.0] * (len(name) + 1)
            for j, nc in enumerate(name, 1):
                if qc == nc:
                    cur[j] = prev[j - 1] + self._weight(nc)
                else:
                    cur[j] = max(prev[j], cur[j - 1])
            prev = cur
        return prev[-1]

    def score(self, question: str, fact_index: int) -> float:
        """How surely `question` names entry `fact_index`, 0..1."""
        return self._fine_score(entity_key(question), fact_index)

    def _fine_score(self, query: str, fact_index: int) -> float:
        entry = self._entries[fact_index]
        name_weight = sum(self._weight(c) for c in entry.key) or 1.0
        matched = self._lcs_weight(query, entry.key)
        coverage = matched / name_weight
        # A short name fully matched ("硕士") should not beat a long name mostly matched; scale by how much
        # identity was matched in absolute terms (saturating at the weight of a typical 4-character name).
        typical = 4 * math.log(1 + max(len(self._entries), 1) / 2)
        strength = min(1.0, matched / typical) if typical else 1.0
        score = 0.6 * coverage + 0.4 * strength * coverage**0.5
        for alias in entry.aliases:
            if alias in query and (len(alias) >= 3 or alias.isdigit() or len(alias) == len(query)):
                alias_weight = sum(self._weight(c) for c in alias) / name_weight
                score = max(score, 0.6 + 0.4 * min(1.0, alias_weight))
        if entry.key and entry.key in query:
            score = 1.0
        score = max(score, _abbreviation_score(query, (entry.key, *entry.aliases)))
        # The question may describe the thing by what it does (its content), not by its name.
        if entry.content_bigrams:
            qgrams = {query[i : i + 2] for i in range(len(query) - 1)}
            qgrams = {g for g in qgrams if not set(g) & _QUESTION_CHARS}
            if qgrams:
                hit = len(qgrams & entry.content_bigrams) / len(qgrams)
                score = min(1.0, score + 0.25 * hit)
        return round(score, 4)

    def resolve(self, text: str, kinds: set[str] | list[str] | None = None) -> list[tuple[Fact, float]]:
        """Facts `text` may be about, best first, with a score in 0..1 (only scores above 0.3)."""
        wanted = frozenset(kinds) if kinds else None
        return list(self._remember(("resolve", text, wanted), lambda: self._resolve(text, wanted)))  # type: ignore[call-overload]

    def _resolve(self, text: str, wanted: frozenset[str] | None) -> list[tuple[Fact, float]]:
        query = entity_key(text)
        scored = []
        by_signature: dict[int, float] = {}
        for i in self._candidates(query):
            entry = self._entries[i]
            if wanted and entry.fact.kind not in wanted:
                continue
            sig = self._sig[i]
            if sig not in by_signature:
                by_signature[sig] = self._fine_score(query, i)
            s = by_signature[sig]
            if s > 0.3:
                scored.append((entry.fact, s, i))
        # Ties: a table row with both a baseline and a target, then document order.
        scored = self._prefer_longer(text, scored)
        # Facts with the same name (a 表1 row and the prose sentence stating its target) share the best score;
        # the table row, which also has the baseline, then comes first.
        best: dict[tuple[str, str], float] = {}
        for fact, s, _ in scored:
            ident = (fact.kind, entity_key(fact.name))
            best[ident] = max(best.get(ident, 0.0), s)
        scored = [(f, best[(f.kind, entity_key(f.name))], i) for f, _, i in scored]
        scored.sort(key=lambda t: (-t[1], t[0].baseline is None, t[2]))
        seen: set[tuple[str, str, str | None, str | None]] = set()
        out: list[tuple[Fact, float]] = []
        for fact, s, _ in scored:
            # The same item can be listed twice (表2 and 附件2-1); keep the first occurrence.
            item = (fact.kind, entity_key(fact.name), fact.baseline, fact.target)
            if item in seen:
                continue
            seen.add(item)
            out.append((fact, s))
        return out

    def _prefer_longer(
        self, text: str, scored: list[tuple[Fact, float, int]]
    ) -> list[tuple[Fact, float, int]]:
        """A name inside a longer name (博士 in 博士后工作站, 技能人才 in 每年新增技能人才) yields to the longer one
        when the question also says much of the rest (博士后站, 每年要新增…技能人才)."""
        query = entity_key(text)
        # Work per distinct name, not per entry: the same name indexed from several documents is one name.
        keys = {self._entries[i].key for _, _, i in scored}
        matched = {k: self._lcs_weight(query, k) for k in keys}
        # The lowest score >= 0.5 each longer name got: the cap it puts on a shorter name inside it.
        lowest: dict[str, float] = {}
        for _, s, i in scored:
            k = self._entries[i].key
            if s >= 0.5:
                lowest[k] = min(lowest.get(k, s), s)
        caps: dict[str, float] = {}
        for short in keys:
            for longer, other_s in lowest.items():
                if short and short in longer and len(longer) > len(short):
                    if matched[longer] - matched[short] >= 0.5 * matched[short]:
                        caps[short] = min(caps.get(short, 1.0), other_s * 0.9)
        out = []
        for fact, s, i in scored:
            cap = caps.get(self._entries[i].key)
            out.append((fact, s if cap is None else min(s, cap), i))
        return out

    def mentions(self, text: str) -> list[Fact]:
        """Facts whose name or a derived alias `text` names outright (score >= 0.75), best first."""
        return [fact for fact, s in self.resolve(text) if s >= 0.75]

    def find_units(self, text: str) -> list[str]:
        """Lead units named in `text`: written as in the document, or spelled out (科学技术局 for 科技局)."""
        return list(self._remember(("units", text), lambda: self._find_units(text)))  # type: ignore[call-overload]

    def _find_units(self, text: str) -> list[str]:
        key = entity_key(text)
        found: list[str] = []
        for unit in self._units:
            ukey = entity_key(unit)
            # Only 局/委 names are commonly spelled out (科学技术局, 卫生健康委员会); 人才办 would hit 人才…办法.
            if ukey in key or (len(ukey) >= 3 and ukey[-1] in "局委" and _spelled_out(ukey, key)):
                if not any(ukey in entity_key(f) for f in found):
                    found.append(unit)
        return found


def uncovered_terms(subject: str, fact: Fact) -> list[str]:
    """Runs of `subject` (a question with its cue words removed) that name something this fact does not:
    two or more consecutive characters that are absent from the fact's name and are not written in its text
    (quote, content, lead units), whole or as a contraction (高校 for 高等院校). "引才大使" against 引育高层次人才
    leaves 大使; "积分制" against 高层次人才数 leaves 积分制. A character overlap (人, 才) is not coverage.
    A question that names the fact outright (its full name, or its quoted term) may add qualifiers."""
    name = entity_key(fact.name)
    query = entity_key(subject)
    quoted = [entity_key(p) for p in _QUOTED.findall(fact.name)]
    if (len(name) >= 4 and name in query) or any(len(p) >= 3 and p in query for p in quoted):
        return []
    text = entity_key(" ".join(x for x in (fact.quote, fact.content, fact.actions, *fact.lead_units) if x))
    runs: list[str] = []
    for part in re.split(r"[^\u3400-\u9fff]+", unicodedata.normalize("NFKC", subject)):
        named = _named_by(part, name)
        run = ""
        for ch, covered in zip(part + " ", [*named, True], strict=True):
            if not covered and ch not in _QUESTION_CHARS:
                run += ch
                continue
            if len(run) >= 2:
                runs.extend(_unwritten(run, text))
            run = ""
    return runs


def _named_by(part: str, name: str) -> list[bool]:
    """Which characters of `part` the name accounts for: a character counts when it and a neighbour occur in the
    name in that order, close together (硕博 in 硕博人才, 高企 in 高新技术企业). A lone shared character does not:
    院士 is not named by 博士后工作站 although both have 士."""
    if len(part) == 1:
        return [part in name]
    covered = [False] * len(part)
    for i in range(len(part) - 1):
        a, b = part[i], part[i + 1]
        if any(b in name[j + 1 : j + 6] for j, c in enumerate(name) if c == a):
            covered[i] = covered[i + 1] = True
    return covered


def _subsequence(short: str, text: str) -> bool:
    it = iter(text)
    return all(ch in it for ch in short)


def _unwritten(run: str, text: str) -> list[str]:
    """Pieces of `run` (two or more characters) that `text` does not write: a character is written when a
    two-character piece containing it occurs in `text`, whole or spread over a short span (高校 in 高等院校)."""
    written = [False] * len(run)
    for i in range(len(run) - 1):
        a, b = run[i], run[i + 1]
        if a + b in text or any(b in text[j + 1 : j + 4] for j, c in enumerate(text) if c == a):
            written[i] = written[i + 1] = True
    pieces = re.split(r"\x00+", "".join("\x00" if w else ch for ch, w in zip(run, written, strict=True)))
    return [p for p in pieces if len(p) >= 2]


def near_miss(question: str, fact: Fact) -> bool:
    """True when the question names a coined term that differs from this fact's quoted term: “六个有” is not
    “六个一”, “三创” is not “三航”. Coined terms in quotes are identifiers; one different character (a digit
    or a word inside the quotes) makes them a different thing."""
    query = entity_key(question)
    terms = [entity_key(t) for t in _QUOTED.findall(fact.name)]
    haystack = entity_key(fact.name) + entity_key(fact.quote)
    for asked in _QUOTED.findall(question) if terms else ():
        key = entity_key(asked)
        if key and key not in haystack and not _subsequence(key, entity_key(fact.name)):
            return True
    for term in terms:
        if len(term) < 3 or term in query:
            continue
        for start in range(len(query) - len(term) + 1):
            window = query[start : start + len(term)]
            if sum(a != b for a, b in zip(window, term, strict=True)) == 1:
                return True
    return False


def _abbreviation_score(query: str, names: tuple[str, ...]) -> float:
    """Score for a contracted form: a span of the question that starts with a name's first character, ends
    with one of its last two, and keeps the rest in order (高企 for 高新技术企业, 博士后站 for 博士后工作站)."""
    best = 0.0
    for name in names:
        if len(name) < 3:
            continue
        for start, ch in enumerate(query):
            if ch != name[0]:
                continue
            pos, end = 1, start + 1
            while end < len(query) and (found := name.find(query[end], pos)) != -1:
                pos, end = found + 1, end + 1
                span = end - start
                if span >= 2 and query[end - 1] in name[-2:] and len(name) <= 4 * span:
                    best = max(best, min(0.8, 0.55 + 0.1 * span))
    return best


def _spelled_out(short: str, text: str) -> bool:
    """True when `text` holds a span starting with short[0], ending with short[-1], that contains `short`
    in order and is at most three times as long: 人力资源和社会保障局 spells out 人社局."""
    for start, ch in enumerate(text):
        if ch != short[0]:
            continue
        pos, i = start, 0
        while pos < len(text) and pos - start < 3 * len(short) + 3:
            if text[pos] == short[i]:
                i += 1
                if i == len(short):
                    return True
            pos += 1
    return False
