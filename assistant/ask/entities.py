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
The name functions (`entity_key`, `derived_aliases`, the contraction scores) live in `assistant.ask.entity_names`;
whether a question names something a fact does not, in `assistant.ask.name_coverage`.

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
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field

from assistant.ask.entity_names import (
    QUESTION_CHARS,
    abbreviation_score,
    derived_aliases,
    entity_key,
    spelled_out,
)
from assistant.ask.talent_profile import home_places
from assistant.core.types import Fact

# Texts whose matching results one index remembers (a question touches a handful: itself, its parts, the answer).
_MEMO_SIZE = 4096


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
            anchors = {c for c in entry.key if c not in QUESTION_CHARS}
            anchors.update(name[0] for name in (entry.key, *entry.aliases) if name)
            for ch in anchors:
                postings.setdefault(ch, []).append(i)
        self._postings = postings
        self._memo: OrderedDict[tuple[object, ...], object] = OrderedDict()
        self._memo_lock = threading.Lock()
        facts = [e.fact for e in entries]
        # What the documents themselves say a plan's 清单 groups, baseline and target years and place are.
        self._groups = list(dict.fromkeys(f.group for f in facts if f.kind == "programme" and f.group))
        self._years = {
            "baseline": {f.baseline_year for f in facts if f.baseline_year},
            "target": {f.target_year for f in facts if f.target_year},
        }
        self._places = [
            name for place in home_places({f.title for f in facts if f.title}) for name in (f"{place}市", place)
        ]

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

    def groups(self) -> list[str]:
        """The 清单 groups of the programmes (重点工程, 重点项目 …), in document order."""
        return list(self._groups)

    def years(self, which: str) -> set[str]:
        """The years the facts' values are of: `baseline` (2020年 column) or `target` (2025年, 到2025年)."""
        return set(self._years.get(which, ()))

    def places(self) -> list[str]:
        """The place the documents are about, as their titles name it (晋江市, 晋江): a question's setting."""
        return list(self._places)

    def _weight(self, ch: str) -> float:
        if ch in QUESTION_CHARS:
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
        score = max(score, abbreviation_score(query, (entry.key, *entry.aliases)))
        # The question may describe the thing by what it does (its content), not by its name.
        if entry.content_bigrams:
            qgrams = {query[i : i + 2] for i in range(len(query) - 1)}
            qgrams = {g for g in qgrams if not set(g) & QUESTION_CHARS}
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
            if ukey in key or (len(ukey) >= 3 and ukey[-1] in "局委" and spelled_out(ukey, key)):
                if not any(ukey in entity_key(f) for f in found):
                    found.append(unit)
        return found

