"""Recognise a talent describing themself, and separate any direct question asked in the same message.

    desc = describe("我是博士，想来工作，补贴多少？谁负责？", profile)
    desc.is_self     -> True: answer with policy matching
    desc.remainder   -> "补贴多少？谁负责？": the direct question, for the normal route (None when there is none)
    desc.score       -> similarity margin to the labelled self-descriptions (see below)

Contract:
- The decision generalises by similarity, not by a word list: character 1-3-gram TF-IDF vectors of the text are
  compared with labelled examples of our own (`selfdesc_examples.jsonl`: people describing their education,
  trade, years of work, origin, employer or plans, and ordinary questions about a policy). The margin between
  the mean of the k most similar self-descriptions and the k most similar questions, together with the profile
  `extract_profile` read (a kind of talent, a degree, an industry, an employer, roots), decides.
- A description clause that opens with the first person and names a kind of talent ("我已经是…高层次人才了")
  describes the asker even when the margin is below the threshold.
- A message is a self-description when a profile was read from it, or when its description reads clearly
  like one (margin above `UNPROFILED`: a trade or a plan the vocabulary does not know, "想在这边做直播带货创业");
  "我想问一下人才集团是做什么的" names no one. A question that names a programme or a value (谁牵头, 多少) and
  no person stays a question. `description` is the text the decision was made on, so a caller can check it does
  not name one of its programmes (then the programme is the subject, not the person).
- A message whose every clause asks ("我是博士来这边有什么补贴") still introduces its asker when a clause opens with
  the first person and names a kind of talent: that clause is both the description and the direct question.
- The remainder is the clauses that ask for something more specific than "what applies to me" (有什么政策、有哪些
  支持 are answered by the matches themselves); the engine answers it as it would answer it alone.
- `is_profile_question(question, profile)` is kept for callers that only need the yes/no.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from assistant.ask.analysis import place_names
from assistant.ask.matching import Profile, extract_profile
from assistant.ask.vocabulary import ASKING

EXAMPLES_PATH = Path(__file__).with_name("selfdesc_examples.jsonl")
_K = 3  # neighbours per class
# Margin above which a text reads like a self-description. Chosen on the labelled examples (leave-one-out);
# measured on a separate set (`bench/selfdesc_routing.jsonl`, `python -m bench.match_eval --routing`).
THRESHOLD = 0.0
# Margin above which a description with no recognised profile (an occupation or a plan outside the vocabulary)
# still reads as a self-description: the highest leave-one-out margin of a labelled question is about 0.03.
UNPROFILED = 0.05

# A clause that describes the asker: 我是 / 我在 / 本人 / 我们是 / 俺 … at its start.
_SELF = re.compile(r"^(我|本人|我们|俺|咱)")
# A clause that asks something: a question mark or a question word.
_ASKS = re.compile(rf"[？?]|吗|呢|{ASKING}")
# 几 after 了, 好, 这 or 十 can count rather than ask: 干了几年, 好几年, 这几年, 十几年 ('a few years').
_SEVERAL = re.compile(r"(?<=[了好这十])几")
# Words that ask "what is there for me" without naming a topic; what is left after removing them (and the
# words of the profile) is a topic of the question's own.
_GENERIC_WORDS = (
    r"规划里?|文件里?|政策|针对|面向|我们|有没有|有|措施|支持|扶持|帮助|待遇?|适合|适用|对口|相关|可以|能够?|享受|申请|"
    r"有什么|有哪些|哪些|什么|啥|咋|怎么办|怎么说|怎么样|如何|想|来|到|回|去|在|毕业|以后|之后|将来|发展|就业|工作|"
    r"创业|落户|留下|给|我|的|了|吗|呢|吧|啊|呀|请问|一下|和|与|及|或|都|也|还|这边|这里|那边|对|方面|门路|机会|优惠|"
    r"专门|计划|这种|这样|人|情况|么|能|是|不|会|要|可|了解|知道|问问|咨询|帮扶|找|去哪|哪里|哪儿"
)
# Longest first, so 有哪些 and 了解 are removed whole rather than as 有 and 了.
_GENERIC = re.compile("|".join(sorted(_GENERIC_WORDS.split("|"), key=len, reverse=True)))
_CLAUSE = re.compile(r"[^，,。；;！!？?\s]+[，,。；;！!？?]*")


class SelfDescription(BaseModel):
    model_config = ConfigDict(frozen=True)

    is_self: bool = Field(description="The text describes the asker: answer with policy matching")
    score: float = Field(description="Similarity margin: self-descriptions minus ordinary questions")
    remainder: str | None = Field(
        None, description="A direct question in the same message, to answer as usual"
    )
    description: str = Field("", description="The clauses that describe the asker (the decision's text)")


class _Tfidf:
    """Character 1-3-gram TF-IDF over a small labelled set; cosine similarity by sparse dot products."""

    def __init__(self, texts: list[str]) -> None:
        docs = [self._grams(t) for t in texts]
        df = Counter(g for d in docs for g in set(d))
        n = len(docs)
        self.idf = {g: math.log((1 + n) / (1 + c)) + 1.0 for g, c in df.items()}
        self.vectors = [self._weigh(d) for d in docs]

    @staticmethod
    def _grams(text: str) -> Counter[str]:
        t = re.sub(r"[\s，,。；;！!？?、：:“”\"']", "", text.lower())
        return Counter(t[i : i + n] for n in (1, 2, 3) for i in range(len(t) - n + 1))

    def _weigh(self, grams: Counter[str]) -> dict[str, float]:
        # An n-gram unseen in the examples carries no evidence either way.
        v = {g: (1 + math.log(c)) * self.idf[g] for g, c in grams.items() if g in self.idf}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {g: x / norm for g, x in v.items()}

    def similarities(self, text: str) -> list[float]:
        q = self._weigh(self._grams(text))
        return [sum(w * v.get(g, 0.0) for g, w in q.items()) for v in self.vectors]


class _Classifier:
    def __init__(self, examples: list[tuple[str, str]]) -> None:
        self.labels = [label for _, label in examples]
        self.tfidf = _Tfidf([text for text, _ in examples])

    def margin(self, text: str, exclude: int | None = None) -> float:
        sims = self.tfidf.similarities(text)
        by_label: dict[str, list[float]] = {"self": [], "question": []}
        for i, (s, label) in enumerate(zip(sims, self.labels, strict=True)):
            if i != exclude:
                by_label.setdefault(label, []).append(s)
        top = {k: sorted(v, reverse=True)[:_K] for k, v in by_label.items()}
        return sum(top["self"]) / max(len(top["self"]), 1) - sum(top["question"]) / max(
            len(top["question"]), 1
        )


def load_examples(path: Path = EXAMPLES_PATH) -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(r["text"], r["label"]) for r in rows]


@lru_cache(maxsize=1)
def _classifier() -> _Classifier:
    return _Classifier(load_examples())


def self_margin(text: str) -> float:
    """How much more the text resembles the labelled self-descriptions than the ordinary questions."""
    return _classifier().margin(text)


def _has_profile(p: Profile) -> bool:
    return bool(p.talent_kinds or p.education or p.industry or p.employer_kind or p.jinjiang_born)


def _clauses(text: str) -> list[str]:
    return [c.strip() for c in _CLAUSE.findall(text) if c.strip()]


def _topic(clause: str, places: Sequence[str] = ()) -> str:
    """What a clause asks about beyond the generic 'what applies to me', the asker's own description and the
    city the assistant serves (`places`: '想来晋江' names no topic)."""
    bare = re.sub(r"[，,。；;！!？?\s]", "", clause)
    p = extract_profile(bare)
    words = sorted({*p.talent_kinds, *(w for w in (p.education, p.industry) if w)}, key=len, reverse=True)
    words += place_names(places)
    for w in words:
        bare = bare.replace(w, "")
    return _GENERIC.sub("", bare)


def _is_direct_question(clause: str, places: Sequence[str] = ()) -> bool:
    if not _ASKS.search(clause):
        return False
    describes = _SELF.match(clause) is not None or _has_profile(extract_profile(clause))
    # In a clause about the asker, 几 after 了/好/这/十 counts years or things ('干了几年'); elsewhere it asks
    # ('产业园进驻了几家机构').
    if describes and not _ASKS.search(_SEVERAL.sub("", clause)):
        return False
    topic = _topic(clause, places)
    # "晋江对技能人才有啥扶持？" is the description's own ask; "补贴多少？" and "谁负责？" ask for a value.
    return len(topic) >= 2 or (
        not describes
        and len(topic) >= 1
        and re.search(r"多少|谁|几|哪个|哪家|何时|什么时候", clause) is not None
    )


def describe(text: str, profile: Profile | None = None, places: Sequence[str] = ()) -> SelfDescription:
    """Decide whether `text` is a self-description, and split off the direct question it may also ask.
    `places`: the city the assistant serves (settings `deployment.city`; '想来晋江' names no topic of its own)."""
    text = text.strip()
    profile = profile if profile is not None else extract_profile(text)
    clauses = _clauses(text)
    asks = [c for c in clauses if _is_direct_question(c, places)]
    description = "".join(c for c in clauses if c not in asks)
    # A clause that opens with the first person and names a kind of talent ("我已经是…高层次人才了") says who the
    # asker is, whatever the neighbours say; otherwise the similarity margin decides.
    introducing = [c for c in clauses if _SELF.match(c) and extract_profile(c).talent_kinds]
    if not description and introducing:  # "我是博士来这边有什么补贴？": one clause introduces and asks
        description = "".join(introducing)
    # The description as a whole, or any one of its clauses: '在电商公司做主播' says who the asker is even when
    # the plan after it ('想找个直播基地') reads like a question about a platform.
    parts = [c for c in clauses if c in description] if description else []
    score = max([self_margin(description or text), *(self_margin(c) for c in parts if len(parts) > 1)])
    introduces = any(c not in asks or c in description for c in introducing)
    known = _has_profile(profile) or score > UNPROFILED
    is_self = bool(description) and known and (score > THRESHOLD or introduces)
    remainder = "".join(asks) if is_self and asks else None
    return SelfDescription(
        is_self=is_self,
        score=round(score, 4),
        remainder=remainder,
        description=description if is_self else "",
    )


def is_profile_question(question: str, profile: Profile) -> bool:
    """True when the question describes who the asker is (whatever else it also asks)."""
    return describe(question, profile).is_self
