"""Extractive answers: from retrieved passages to a short cited Chinese answer, or a plain refusal.

    compose_answer(question, hits, max_chars=160) -> Answer

Contract:
- The answer is made only of text copied from the hits (sentences, clauses, table cells), each piece followed
  by its citation marker [n]; `Citation.quote` is the exact text used, so every number, date and unit in the
  answer appears in a quote. Only whitespace next to Chinese characters is dropped in the answer text.
- When the question asks for something a plan cannot be assumed to hold (an amount, a phone number, an address,
  opening hours, a deadline, an evaluation result) and the best passages hold no such thing, the answer is a
  refusal (`answerable=False`) that says so, shows what the plan says nearby and where to ask.
- Nothing here retrieves, rewrites follow-ups or calls an LLM; those are other stages.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

import jieba

from assistant.types import Answer, Chunk, Citation, ScoredChunk

# Words that carry no subject in a question about this plan; they still count a little when matched.
_WEAK_TERMS = frozenset(
    "人才 晋江 晋江市 规划 十四五 工程 项目 建设 方面 哪些 什么 多少 需要 支持 主要 具体 怎么 如何 哪个 哪几 要 有 "
    "是 的 了 吗 呢 和 与 及 在 对 给 会 能 可以 什么样 怎样 哪 几 我 我们 你 请问 一下 这个 那个 这份 文件 里面 "
    "规定 情况 内容 一些 提出 重点 期间 相关".split()
)
_QUESTION_WORDS = frozenset("几个 几家 几名 几项 多少 哪些 哪个 哪几 什么 怎么 如何 哪里 是否 有没有 怎样 多大".split())
_PUNCT = re.compile(r"^[\W_]+$")
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")
_CLAUSE = re.compile(r"[^，；。！？]+[，；。！？]?")
_ENUM_PREFIX = re.compile(r"^\s*(?:[（(]\s*[0-9一二三四五六七八九十]+\s*[)）]|[0-9]+\s*[.、．]|[一二三四五六七八九十]+[是、]|[①-⑳])\s*")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?:19|20)\d\d\s*年?|\d{4}\s*[-—–]\s*\d{4}")
_SPACE_NEAR_CJK = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+|\s+(?=[\u3000-\u9fff\uff00-\uffef])")
_SKIP_HEADERS = frozenset({"序号", "一级指标"})
_GROUP_HEADERS = frozenset({"重点产业", "产业类别", "类别", "一级指标"})
_CONTENT_HEADERS = frozenset({"主要内容", "项目内容", "人才需求", "行动措施"})

# ---------------------------------------------------------------- what the question asks for

_INTENT_CUES: dict[str, re.Pattern[str]] = {
    "number": re.compile(r"多少|(?<!哪)几[个家名人项所年次支万]|几$|多大|多高|面积|规模|比例|比重|数量|人数|达到|什么目标"),
    "who": re.compile(r"谁|哪个单位|哪些单位|什么单位|哪个部门|哪些部门|牵头单位[是有]|由哪个|由哪些单位|负责单位"),
    "when": re.compile(r"哪年|哪一年|何时|什么时候|年限|期限|时间|周期|多久"),
    "definition": re.compile(r"什么是|指什么|指的是|是什么意思|什么意思|含义|是指|包括哪"),
    "list": re.compile(r"哪些|哪几|包括|有什么|什么样"),
    "broad": re.compile(r"什么支持|怎么说|做什么|干什么|哪些措施|什么措施|什么政策|哪些政策|怎么做|如何做|有什么|什么人才"),
}

# Kinds of information a plan rarely holds; asked for without evidence, they must be refused, never guessed.
_MONEY_NOUNS = "补贴|补助|奖励|奖金|资助|经费|津贴|资金|安家费|薪酬|工资|薪资|月薪|年薪|费用"
_SENSITIVE_ASK: dict[str, re.Pattern[str]] = {
    "money": re.compile(
        rf"多少钱|多少元|金额|(?:多少|几|标准|给多少|发多少|多高)\S*(?:{_MONEY_NOUNS})|(?:{_MONEY_NOUNS})\S*(?:多少|几|标准|多高)"
    ),
    "phone": re.compile(r"电话|号码|联系方式|热线是|怎么联系"),
    "address": re.compile(r"地址|在哪里|在哪儿|在什么地方|位置在|具体位置|怎么去|在哪个位置"),
    "hours": re.compile(r"几点|上班时间|办公时间|开放时间|营业时间|工作时间|周末"),
    "deadline": re.compile(r"截止|什么时候(?:开始)?申报|申报时间|报名时间|什么时候报名|哪天|几号|几月"),
    "evaluation": re.compile(r"评估结果|考核结果|评价结果|完成了多少|完成情况|完成得怎么样|完成率|效果怎么样"),
}
_SENSITIVE_EVIDENCE: dict[str, re.Pattern[str]] = {
    "money": re.compile(r"\d[\d.,，]*\s*[万亿千百]?\s*元"),
    "phone": re.compile(r"\d{3,4}\s*-\s*\d{7,8}|1\d{10}|\d{8}"),
    "address": re.compile(r"位于|地址|坐落|选址|[路街巷]\s*\d+\s*号"),
    "hours": re.compile(r"\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*点|工作日|上班时间|办公时间|开放时间"),
    "deadline": re.compile(r"截止|\d{1,2}\s*月\s*\d{1,2}\s*日|申报时间|报名时间"),
    "evaluation": re.compile(r"评估结果|考核结果|完成率|已完成|已达到|超额完成"),
}
_SENSITIVE_WHAT = {
    "money": "具体的金额标准",
    "phone": "电话号码",
    "address": "具体地址",
    "hours": "开放或上班时间",
    "deadline": "具体的申报或截止时间",
    "evaluation": "评估或完成情况的结果",
}


@dataclass(frozen=True)
class _Piece:
    """A sentence, clause or table cell of one hit: the unit an answer is built from."""

    text: str
    chunk: Chunk
    rank: int
    position: int
    header: str | None = None
    row_name: str | None = None

    @property
    def context(self) -> str:
        return f"{self.chunk.section} {self.chunk.text}"

    @property
    def about(self) -> str:
        """What the piece is about without saying it: its table row's name or its section's last heading."""
        return self.row_name or self.chunk.section.rsplit(" > ", 1)[-1]


@dataclass(frozen=True)
class _Scored:
    piece: _Piece
    score: float
    matched: frozenset[str]


def question_terms(question: str) -> dict[str, float]:
    """jieba tokens of the question with a base weight: subject words 1.0, generic words 0.2."""
    terms: dict[str, float] = {}
    tokens = [t for t in _merge_single_chars(jieba.lcut(question)) if t not in _QUESTION_WORDS]
    for token in tokens:
        if not token or _PUNCT.match(token):
            continue
        if len(token) == 1 and not token.isdigit():
            continue
        terms[token] = 0.2 if token in _WEAK_TERMS else 1.0
    # jieba splits names the plan writes whole (智能装备, 人才集团); the joined pair finds the exact one.
    for left, right in zip(tokens, tokens[1:], strict=False):
        if terms.get(left, 0) + terms.get(right, 0) >= 1.2 and len(left + right) <= 8:
            terms[left + right] = 1.5
    return terms


def _merge_single_chars(tokens: list[str]) -> list[str]:
    """jieba leaves rare names in single characters (人才之家 -> 人才/之/家); rejoin runs of them."""
    merged: list[str] = []
    run = ""
    for token in (t.strip() for t in tokens):
        if len(token) == 1 and "\u4e00" <= token <= "\u9fff" and token not in "的了吗呢是有和与及在对给我你":
            run += token
            continue
        if len(run) > 1:
            merged.append(run)
        run = ""
        merged.append(token)
    if len(run) > 1:
        merged.append(run)
    return merged


def question_intents(question: str) -> set[str]:
    return {name for name, cue in _INTENT_CUES.items() if cue.search(question)}


def sensitive_asks(question: str) -> set[str]:
    """Kinds of information (money, phone, address, hours, deadline, evaluation) the question asks for."""
    return {name for name, cue in _SENSITIVE_ASK.items() if cue.search(question)}


def _sentences(text: str) -> Iterable[str]:
    for match in _SENTENCE.finditer(text):
        piece = match.group().strip()
        if len(piece) >= 4:
            yield piece


def _table_cells(chunk: Chunk) -> tuple[str | None, list[tuple[str, str]]]:
    """'表名 | 序号 3 | 重点工程：X | 牵头单位：Y' -> (row name, [(header, value), ...])."""
    cells: list[tuple[str, str]] = []
    for part in chunk.text.split(" | "):
        header, sep, value = part.partition("：")
        if sep and value.strip() and len(header) <= 12:
            cells.append((header.strip(), value.strip()))
    return _row_name(cells), cells


def _row_name(cells: list[tuple[str, str]]) -> str | None:
    """The row's subject: the short cell just before the first long one (主要内容, 人才需求 …), else the last
    short cell before the numbers (an indicator's 二级指标)."""
    named = [(h, v) for h, v in cells if h not in _SKIP_HEADERS and len(v) <= 40]
    if not named:
        return None
    # A group column (重点产业 → 三大新兴产业) comes first and shares its header or its kind with the next one.
    if len(named) > 1 and (named[1][0] == named[0][0] or named[0][0] in _GROUP_HEADERS):
        return named[1][1]
    return named[0][1]


def _pieces(hits: list[ScoredChunk]) -> list[_Piece]:
    pieces: list[_Piece] = []
    for rank, hit in enumerate(hits):
        chunk = hit.chunk
        if chunk.kind == "table_row":
            name, cells = _table_cells(chunk)
            for position, (header, value) in enumerate(cells):
                if header in _SKIP_HEADERS or value == name:
                    continue
                parts = [value] if len(value) <= 80 else list(_sentences(value)) or [value]
                for sub, part in enumerate(parts):
                    pieces.append(_Piece(part, chunk, rank, position * 100 + sub, header, name))
        else:
            for position, sentence in enumerate(_sentences(chunk.text)):
                pieces.append(_Piece(sentence, chunk, rank, position))
    return pieces


def _idf(terms: dict[str, float], pieces: list[_Piece]) -> dict[str, float]:
    """Weight each term by how rare it is among the candidate pieces (a term in every piece says little)."""
    n = max(len(pieces), 1)
    weights: dict[str, float] = {}
    for term, base in terms.items():
        df = sum(1 for p in pieces if term in p.text)
        weights[term] = base * (0.5 + math.log(1 + n / (1 + df)))
    return weights


def _score(piece: _Piece, weights: dict[str, float], intents: set[str]) -> _Scored:
    total = sum(weights.values()) or 1.0
    text, header = piece.text, piece.header or ""
    matched = frozenset(t for t in weights if t in text or t in piece.about)
    in_context = sum(w for t, w in weights.items() if t not in matched and t in piece.context)
    # A piece that opens with the asked word is about it ('二是新能源汽车人才，…'), not merely mentioning it.
    opening = sum(w for t, w in weights.items() if t in _display(text)[:12])
    score = (sum(weights[t] for t in matched) + 0.5 * in_context + 0.3 * opening) / total
    if "number" in intents:
        score += 0.3 if _DIGIT.search(text) else -0.2
    if "who" in intents:
        score += 0.6 if header == "牵头单位" else (0.15 if re.search(r"牵头|负责", text) else -0.1)
    if "when" in intents:
        score += 0.4 if header == "实施年限" or _YEAR.search(text) else 0.0
    if "definition" in intents and (piece.chunk.kind == "footnote" or re.search(r"指|是|即", text)):
        score += 0.3
    if "list" in intents and ("、" in text or "包括" in text):
        score += 0.15
    if header == "行动措施":
        score -= 0.05
    if header == "牵头单位" and "who" not in intents or header == "实施年限" and "when" not in intents:
        score -= 0.3
    if "broad" in intents and header in _CONTENT_HEADERS:
        score += 0.15
    if len(text) < 8:
        score -= 0.2
    score += 0.15 / (1 + piece.rank)
    return _Scored(piece, score, matched)


def _sub_questions(question: str) -> list[str]:
    parts = [p for p in re.split(r"[？?，,；;。！!]", question) if len(p.strip()) >= 2]
    return parts if len(parts) > 1 else [question]


def _select(question: str, pieces: list[_Piece], max_chars: int) -> list[_Scored]:
    """Best piece for each part of the question, then close runners-up that add new matched words."""
    chosen: list[_Scored] = []
    all_terms = question_terms(question)
    for part in _sub_questions(question):
        own = question_terms(part)
        # A part without its own subject ('要达到什么目标？') borrows the subject of the whole question.
        borrowed = 0.3 if sum(1 for w in own.values() if w >= 1.0) > 1 else 0.8
        terms = {**{t: w * borrowed for t, w in all_terms.items()}, **own}
        weights = _idf(terms, pieces)
        ranked = sorted((_score(p, weights, question_intents(part)) for p in pieces), key=lambda s: -s.score)
        if not ranked:
            continue
        best = ranked[0]
        picks = [best]
        covered = set(best.matched)
        for other in ranked[1:6]:
            if other.score < 0.8 * best.score or not (other.matched - covered):
                continue
            if sum(len(s.piece.text) for s in picks) + len(other.piece.text) > max_chars:
                continue
            picks.append(other)
            covered |= other.matched
            if len(picks) == 2:
                break
        if "broad" in question_intents(part):
            picks += _following(best, pieces, weights, max_chars - sum(len(s.piece.text) for s in picks))
        for pick in picks:
            if all(c.piece != pick.piece for c in chosen):
                chosen.append(pick)
    return chosen


def _following(best: _Scored, pieces: list[_Piece], weights: dict[str, float], room: int) -> list[_Scored]:
    """The sentence after the best one in the same passage: broad questions ('有什么支持') are answered by a
    run of measures, and the next sentence usually continues it."""
    for piece in pieces:
        same = piece.chunk.chunk_id == best.piece.chunk.chunk_id and piece.header == best.piece.header
        if same and piece.position == best.piece.position + 1 and len(piece.text) <= room:
            return [_Scored(piece, best.score * 0.9, frozenset())]
    return []


def _trim(piece: _Piece, weights: dict[str, float], budget: int) -> str:
    """The best run of clauses of a long piece that fits the budget (an exact substring of the piece)."""
    text = piece.text
    if len(text) <= budget:
        return text
    clauses = [m.group() for m in _CLAUSE.finditer(text)]
    best, best_score = clauses[0][:budget], -1.0
    for start in range(len(clauses)):
        window = ""
        for end in range(start, len(clauses)):
            if len(window) + len(clauses[end]) > budget:
                break
            window += clauses[end]
            score = sum(w for t, w in weights.items() if t in window) + 0.01 * len(window) / budget
            if score > best_score:
                best, best_score = window, score
    return best


def _display(text: str) -> str:
    text = _ENUM_PREFIX.sub("", _SPACE_NEAR_CJK.sub("", text)).strip()
    return text.rstrip("，；。,;") if text else text


def _phrase(piece: _Piece, text: str) -> str:
    shown = _display(text)
    if piece.header == "牵头单位" and piece.row_name:
        return f"{_display(piece.row_name)}的牵头单位是：{shown}"
    if piece.header == "实施年限" and piece.row_name:
        return f"{_display(piece.row_name)}的实施年限为{shown}"
    if piece.header and piece.row_name and piece.header not in {"主要内容", "项目内容", "人才需求", "行动措施"}:
        return f"{_display(piece.row_name)}{piece.header}：{shown}"
    if piece.header and piece.row_name and _display(piece.row_name) not in shown:
        return f"{_display(piece.row_name)}：{shown}"
    return shown


def _quote(piece: _Piece, text: str) -> str:
    """A cell is quoted with its row's name, cells joined by a tab as the plan's text form writes a row."""
    if piece.header and piece.row_name and piece.row_name not in text:
        return f"{piece.row_name}\t{text}"
    return text


def _citation(n: int, chunk: Chunk, quote: str) -> Citation:
    return Citation(
        id=n, doc_id=chunk.doc_id, title=chunk.title, section=chunk.section, page=chunk.page, quote=quote,
        chunk_id=chunk.chunk_id,
    )


def _compose(picks: list[_Scored], weights: dict[str, float], max_chars: int) -> tuple[str, list[Citation]]:
    picks = sorted(picks, key=lambda s: (s.piece.rank, s.piece.position))
    budget = max(max_chars // max(len(picks), 1), 40)
    parts: list[str] = []
    citations: list[Citation] = []
    for pick in picks:
        quote = _trim(pick.piece, weights, max(budget, max_chars - sum(len(p) for p in parts)))
        if not _display(quote):
            continue
        citations.append(_citation(len(citations) + 1, pick.piece.chunk, _quote(pick.piece, quote)))
        parts.append(f"{_phrase(pick.piece, quote)}[{len(citations)}]")
    return "；".join(parts) + "。", citations


def _lead_unit_nearby(pieces: list[_Piece]) -> _Piece | None:
    return next((p for p in pieces if p.header == "牵头单位" and p.rank <= 1), None)


def _refusal(question: str, missing: list[str], best: _Scored | None, pieces: list[_Piece]) -> Answer:
    what = "、".join(_SENSITIVE_WHAT[m] for m in missing) if missing else "与这个问题直接相关的内容"
    text = f"文件中没有明确{what}。"
    citations: list[Citation] = []
    if best is not None and best.score > 0.25:
        quote = _trim(best.piece, question_terms(question), 70)
        citations.append(_citation(1, best.piece.chunk, _quote(best.piece, quote)))
        text += f"文件相关的表述是：{_phrase(best.piece, quote)}[1]。"
    lead = _lead_unit_nearby(pieces)
    # "主管部门" would read as an unnamed unit to the fidelity checker; a unit is named only with its source.
    where = "相关政策的牵头单位"
    if lead is not None:
        citations.append(_citation(len(citations) + 1, lead.chunk, _quote(lead, lead.text)))
        where = f"牵头单位（{_display(lead.text)}）[{len(citations)}]"
    text += f"具体请咨询晋江市人才服务热线或{where}。"
    return Answer(answer=text, answerable=False, confidence=0.8 if missing else 0.5, citations=citations,
                  route="refusal")


def compose_answer(question: str, hits: list[ScoredChunk], max_chars: int = 160) -> Answer:
    """A short extractive answer with numbered citations, or a refusal when the hits do not support one."""
    question = question.strip()
    pieces = _pieces(hits[:8])
    if not pieces:
        return _refusal(question, sorted(sensitive_asks(question)), None, pieces)
    picks = _select(question, pieces, max_chars)
    weights = _idf(question_terms(question), pieces)
    best = max(picks, key=lambda s: s.score) if picks else None
    if best is None or best.score < 0.2:
        return _refusal(question, sorted(sensitive_asks(question)), best, pieces)
    missing = [kind for kind in sorted(sensitive_asks(question)) if not _evidence_for(kind, question, pieces, weights)]
    if missing:
        return _refusal(question, missing, best, pieces)
    text, citations = _compose(picks, weights, max_chars)
    return Answer(answer=text, answerable=True, confidence=round(min(0.95, max(0.3, best.score)), 2),
                  citations=citations, route="retrieval")


def _evidence_for(kind: str, question: str, pieces: list[_Piece], weights: dict[str, float]) -> bool:
    """Does a passage that is about the asked subject hold the asked kind of information?"""
    pattern = _SENSITIVE_EVIDENCE[kind]
    subject = {t for t, w in question_terms(question).items() if w >= 1.0 and not re.fullmatch(_MONEY_NOUNS, t)}
    nouns = set(re.findall(_MONEY_NOUNS, question)) if kind == "money" else set()
    for piece in pieces:
        if piece.rank > 4 or not pattern.search(piece.text):
            continue
        if nouns and not any(n in piece.text for n in nouns):
            continue
        if not subject or any(t in piece.text or t in (piece.row_name or "") for t in subject):
            return True
    return False
