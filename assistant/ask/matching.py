"""Policy matching: from who a talent is to the programmes, platforms and policies whose content addresses them.

    profile = extract_profile("我是做芯片的博士，想来晋江", industries=[f.name for f in industry_facts])
    matches = match(profile, facts, chunks)          -> list[Match], best first
    reply = format_matches(profile, matches)         -> a short Chinese reply (says the plan states no amounts)

Contract:
- Items are the documents' own records: every `programme` fact (重点工程 / 重点项目 / 重点平台 / 重点政策 rows)
  and, for groups no programme names, the narrative sections whose heading names the group (a plan's
  "晋台人才合作交流示范区" section). Nothing here lists this plan's items; a new document's rows match the same way.
- A target group is recognised from content words (博士, 台湾, 侨, 技能, 教师 …); an industry from the words of
  the `industry_need` facts' names plus a few everyday synonyms (芯片 -> 集成电路/半导体/微电子).
- Each match says why: the clauses of the item that hold the matched words, quoted. Words in an item's name
  weigh more than words in its content, which weigh more than words in its actions.
- When an industry is given, its `industry_need` records are returned too (kind '产业人才需求').
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from pydantic import BaseModel, ConfigDict, Field

from assistant.core.types import Chunk, Citation, Fact

# Content words by which a plan's items name the people they serve. General talent-policy vocabulary, not this
# plan's items: a new policy about 博士 or 社工 is matched by the same words.
TALENT_KIND_CUES: dict[str, tuple[str, ...]] = {
    "博士": ("博士", "硕博"),
    "硕士": ("硕士", "硕博"),
    "高层次人才": ("高层次", "领军", "顶尖人才", "高端人才", "创新创业团队", "创新创业人才"),
    "青年大学生": ("大学生", "毕业生", "准大学生", "在校学生", "见习"),
    "台湾青年": ("台湾", "晋台", "台胞", "两岸", "海峡两岸"),
    "海外/侨胞": ("侨", "海外", "留学", "外籍", "国际化人才", "国际人才"),
    "企业家": ("企业家", "创二代", "新生代", "晋商"),
    "经营管理人才": ("经营管理", "职业经理人", "职业董事"),
    "技能人才": ("技能", "工匠", "技师", "能工巧匠", "职业技能"),
    "科技人才": ("科技人才", "科创人才", "科研", "技术经纪", "基础研究", "科学家"),
    "教育人才": ("教师", "名师", "校长", "班主任", "教育人才"),
    "卫生人才": ("卫生", "医师", "名医", "卫技", "医疗卫生"),
    "社工人才": ("社工", "社会工作"),
    "农村人才": ("农村", "乡村", "农民", "农业"),
    "体育人才": ("体育",),
    "金融人才": ("金融",),
    "党政人才": ("党政", "干部"),
    "柔性人才": ("柔性", "兼职", "飞地"),
}

# How people describe themselves -> the kind above. Checked in order; several may hold.
_SELF_WORDS: dict[str, tuple[str, ...]] = {
    "博士": ("博士", "phd", "博后", "博士后"),
    "硕士": ("硕士", "研究生", "研二", "master"),
    "青年大学生": (
        "大学生",
        "本科",
        "毕业生",
        "应届",
        "大四",
        "大三",
        "学生",
        "刚毕业",
        "读研",
        "实习",
        "在读",
    ),
    "台湾青年": ("台湾", "台胞", "台青"),
    "海外/侨胞": ("华侨", "侨胞", "侨商", "海外", "留学", "归国", "海归", "外籍", "国外"),
    "企业家": ("企业家", "创二代", "老板", "创业者", "董事长", "接班", "家族企业", "晋商"),
    "经营管理人才": ("职业经理人", "总经理", "高管", "经营管理", "人力资源总监", "财务总监"),
    "技能人才": ("技工", "技师", "技能", "工匠", "师傅", "高级工", "车间", "操作工"),
    "高层次人才": ("高层次", "领军", "团队带头人", "顶尖", "院士", "国家级人才"),
    "科技人才": ("科研", "研发", "科学家", "技术经纪", "研究员"),
    "教育人才": ("教师", "老师", "校长", "班主任", "教书"),
    "卫生人才": ("医生", "医师", "护士", "卫生", "医院", "药师"),
    "社工人才": ("社工", "社会工作"),
    "农村人才": ("农村", "农民", "种植", "养殖", "乡村", "务农"),
    "体育人才": ("体育", "教练", "运动员", "赛事"),
    "金融人才": ("金融", "银行", "证券", "基金", "投资", "理财"),
    "党政人才": ("公务员", "党政", "干部", "机关"),
}

_EDUCATION_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("博士", ("博士", "phd", "博后")),
    ("硕士", ("硕士", "研究生", "master")),
    ("本科", ("本科", "大学生", "学士", "应届")),
    ("大专", ("大专", "专科", "高职")),
    ("技能等级", ("高级工", "技师", "技能等级", "职业资格", "中级工")),
)
_EDUCATION_KIND = {"博士": "博士", "硕士": "硕士", "本科": "青年大学生", "技能等级": "技能人才"}

# Everyday words -> words the plans use for the industry. Industries named in the documents' own
# industry_need records are recognised as well (see `extract_profile(industries=...)`).
INDUSTRY_SYNONYMS: dict[str, tuple[str, ...]] = {
    "集成电路": ("芯片", "集成电路", "半导体", "微电子", "ic设计", "晶圆", "封装测试"),
    "鞋服": ("鞋", "服装", "鞋服", "运动鞋", "鞋材"),
    "纺织": ("纺织", "面料", "纤维", "染整"),
    "建材": ("建材", "陶瓷", "瓷砖", "岩板"),
    "食品": ("食品",),
    "信息技术": ("软件", "互联网", "大数据", "云计算", "信息技术", "通信", "物联网", "5g", "程序员"),
    "智能装备": ("机器人", "智能装备", "数控", "装备制造", "传感器"),
    "医疗健康": ("医药", "医疗器械", "生物医药", "医疗健康", "养老", "康复"),
    "商贸物流": ("物流", "电商", "电子商务", "商贸", "供应链", "外贸"),
    "文体旅游": ("旅游", "文旅", "导游"),
    "研发创意": ("工业设计", "创意设计", "创意", "数字传媒"),
    "金融服务": ("金融", "基金", "证券", "银行", "投资"),
    "人工智能": ("人工智能", "ai", "算法", "区块链"),
    "新能源汽车": ("新能源汽车", "动力电池", "电动车", "新能源"),
    "生命科学": ("生命科学", "疫苗", "生物医药"),
    "环保": ("环保", "水处理", "环境监测"),
}

_EMPLOYER_WORDS: dict[str, tuple[str, ...]] = {
    "高校": ("高校", "大学", "学院"),
    "科研院所": ("研究院", "研究所", "科研院所", "实验室"),
    "医疗机构": ("医院", "卫生院", "诊所"),
    "机关事业单位": ("机关", "事业单位", "公务员", "政府"),
    "企业": ("企业", "公司", "工厂", "厂"),
}
_EMPLOYER_CUES: dict[str, tuple[str, ...]] = {
    "高校": ("高校", "院校"),
    "科研院所": ("科研院所", "研究院", "科研平台"),
    "医疗机构": ("医院", "医疗"),
    "机关事业单位": ("机关事业单位", "机关"),
    "企业": ("企业",),
}
_JINJIANG_BORN = re.compile(
    r"晋江人|晋江籍|土生土长|老家(?:是|在)?晋江|晋江老家|回晋江|回到晋江|家乡晋江|晋江出生"
)
_BORN_CUES = ("晋江籍", "回归", "回晋", "家乡", "晋江人", "留晋")

_CLAUSE = re.compile(r"[^，；。！？①-⑳]+")
_NAME_W, _CONTENT_W, _ACTIONS_W = 3.0, 2.0, 1.0
_EXTRA_WORD_W, _EXTRA_CAP = 0.5, 2.0
_RELATIVE = 0.6
_INDUSTRY_PREFIX = "产业:"
SECTION_KIND = "规划章节"
NEEDS_KIND = "产业人才需求"
AMOUNT_NOTE = (
    "说明：规划列出的是工程、项目、平台和政策方向，并未规定补贴或奖励金额；具体标准请向牵头单位咨询。"
)


class Profile(BaseModel):
    """Who the talent is, in the plan's own categories."""

    model_config = ConfigDict(frozen=True)

    education: str | None = Field(None, description="博士 / 硕士 / 本科 / 大专 / 技能等级")
    talent_kinds: list[str] = Field(default_factory=list, description="Keys of TALENT_KIND_CUES")
    industry: str | None = Field(None, description="Industry as the documents name it (集成电路, 鞋服 …)")
    employer_kind: str | None = Field(None, description="企业 / 高校 / 科研院所 / 医疗机构 / 机关事业单位")
    jinjiang_born: bool | None = Field(None, description="True when the person says they are from Jinjiang")
    free_text: str | None = Field(None, description="The words the profile was read from")


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


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def _hits(words: Iterable[str], text: str) -> list[str]:
    folded = _fold(text)
    return [w for w in words if w and _fold(w) in folded]


def extract_profile(text: str, industries: Sequence[str] = ()) -> Profile:
    """Read a profile from a free-text self-description. `industries` are the industry names found in the
    documents (industry_need facts), recognised in addition to the everyday synonyms."""
    folded = _fold(text)
    education = next((level for level, words in _EDUCATION_WORDS if _hits(words, folded)), None)
    kinds = [kind for kind, words in _SELF_WORDS.items() if _hits(words, folded)]
    if education in _EDUCATION_KIND and _EDUCATION_KIND[education] not in kinds:
        kinds.insert(0, _EDUCATION_KIND[education])
    if education == "博士" and "硕士" in kinds and not _hits(("硕士",), folded):
        kinds.remove("硕士")  # a 博士后 or 博士研究生 is not a 硕士
    industry = next((name for name, words in INDUSTRY_SYNONYMS.items() if _hits(words, folded)), None)
    if industry is None:
        industry = next((name for name in industries if len(name) >= 2 and _fold(name) in folded), None)
    employer = next((kind for kind, words in _EMPLOYER_WORDS.items() if _hits(words, folded)), None)
    born = True if _JINJIANG_BORN.search(text) else None
    return Profile(
        education=education,
        talent_kinds=kinds,
        industry=industry,
        employer_kind=employer,
        jinjiang_born=born,
        free_text=text,
    )


def industry_terms(industry: str) -> list[str]:
    terms = [industry, *INDUSTRY_SYNONYMS.get(industry, ())]
    return list(dict.fromkeys(t for t in terms if len(t) >= 2))


def _quote_clauses(text: str, words: Sequence[str], limit: int = 2) -> list[str]:
    found: list[str] = []
    for clause in _CLAUSE.findall(text):
        if _hits(words, clause) and clause.strip() not in found:
            found.append(clause.strip())
        if len(found) >= limit:
            break
    return [f"“{c}”" for c in found]


class _Item(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    kind: str
    content: str
    actions: str = ""
    lead_units: list[str] = []
    period: str | None = None
    citation: Citation


def _fact_items(facts: Sequence[Fact], titles: dict[str, str]) -> list[_Item]:
    return [
        _Item(
            name=f.name,
            kind=f.group or "清单",
            content=f.content or "",
            actions=f.actions or "",
            lead_units=f.lead_units,
            period=f.period,
            citation=_cite(f, titles),
        )
        for f in facts
        if f.kind == "programme"
    ]


def _cite(fact: Fact, titles: dict[str, str]) -> Citation:
    return Citation(
        id=1, doc_id=fact.doc_id, title=titles.get(fact.doc_id, ""), section=fact.section, page=fact.page,
        quote=fact.quote, chunk_id=fact.chunk_id,
    )  # fmt: skip


def _section_items(chunks: Sequence[Chunk], programme_names: Sequence[str]) -> list[_Item]:
    """Narrative sections, one item per section path, named by its last heading. Sections that restate a
    programme (same name) are left to the programme's item."""
    by_section: dict[str, list[Chunk]] = {}
    for c in chunks:
        if c.kind == "text" and c.section:
            by_section.setdefault(c.section, []).append(c)
    items = []
    known = [_bare(n) for n in programme_names]
    for section, parts in by_section.items():
        heading = section.split(" > ")[-1]
        name = _strip_number(heading)
        if not name or any(k and (k in _bare(name) or _bare(name) in k) for k in known):
            continue
        parts.sort(key=lambda c: c.order)
        text = "".join(c.text for c in parts)
        first = parts[0]
        citation = Citation(
            id=1, doc_id=first.doc_id, title=first.title, section=section, page=first.page,
            quote=first.text, chunk_id=first.chunk_id,
        )  # fmt: skip
        items.append(_Item(name=name, kind=SECTION_KIND, content=text, citation=citation))
    return items


_HEADING_NUMBER = re.compile(r"^\s*(?:——|[(（]?[一二三四五六七八九十\d]+[)）、.．]\s*)+")


def _strip_number(heading: str) -> str:
    return _HEADING_NUMBER.sub("", heading).strip("。 ")


def _bare(name: str) -> str:
    return re.sub(r"[“”\"'‘’（）()\s]|工程|项目|建设", "", _fold(name))


def _aspect_scores(
    item: _Item, aspects: dict[str, Sequence[str]], name_only: bool = False
) -> dict[str, tuple[float, list[str]]]:
    """Per profile aspect: the best field weight its words hit, plus a little for each further distinct word
    (an item that says 高层次, 领军 and 创新创业团队 is about that group; one that says 领军 once may not be)."""
    fields = [(item.name, _NAME_W)] if name_only else [
        (item.name, _NAME_W), (item.content, _CONTENT_W), (item.actions, _ACTIONS_W)
    ]  # fmt: skip
    out: dict[str, tuple[float, list[str]]] = {}
    for aspect, words in aspects.items():
        best = 0.0
        hit_words: list[str] = []
        for text, weight in fields:
            hit = _hits(words, text)
            if hit:
                best = max(best, weight)
                hit_words.extend(h for h in hit if h not in hit_words)
        if best:
            # Industry synonyms overlap by construction (鞋, 鞋服, 运动鞋), so only group words earn the extra.
            extra = (
                0.0
                if aspect.startswith(_INDUSTRY_PREFIX)
                else _EXTRA_WORD_W * (len(_distinct(hit_words)) - 1)
            )
            out[aspect] = (best + min(extra, _EXTRA_CAP), hit_words)
    return out


def _distinct(words: list[str]) -> list[str]:
    """Words not contained in another hit word: 技能 inside 职业技能 is one mention, not two."""
    return [w for w in words if not any(w != o and w in o for o in words)]


def _aspects(profile: Profile) -> dict[str, Sequence[str]]:
    aspects: dict[str, Sequence[str]] = {
        k: TALENT_KIND_CUES[k] for k in profile.talent_kinds if k in TALENT_KIND_CUES
    }
    if profile.industry:
        aspects[f"{_INDUSTRY_PREFIX}{profile.industry}"] = industry_terms(profile.industry)
    return aspects


def match(profile: Profile, facts: Sequence[Fact], chunks: Sequence[Chunk], limit: int = 10) -> list[Match]:
    """Items addressing the profile, best first; then, when an industry is given, its talent needs."""
    titles = {c.doc_id: c.title for c in chunks}
    aspects = _aspects(profile)
    if not aspects:
        return []
    programmes = _fact_items(facts, titles)
    candidates = [(item, _aspect_scores(item, aspects)) for item in programmes]
    # The lists come first; a narrative section is offered for a group only when no list item is named for it
    # (a plan may serve 台湾青年 in a chapter, not in a table row).
    named = {a for _, s in candidates for a, v in s.items() if v[0] >= _NAME_W}
    gaps = {a: w for a, w in aspects.items() if a not in named}
    if gaps:
        sections = _section_items(chunks, [p.name for p in programmes])
        candidates += [(item, _aspect_scores(item, gaps, name_only=True)) for item in sections]
    # Per aspect, an item must come near the best item for that aspect: a passing mention of 金融 in a
    # company's name is not an offer to financial talent when another item is about them.
    best = {a: max((s[a][0] for _, s in candidates if a in s), default=0.0) for a in aspects}
    scored: list[tuple[float, _Item, list[str], list[str]]] = []
    for item, per_aspect in candidates:
        kept = {a: v for a, v in per_aspect.items() if v[0] >= _CONTENT_W and v[0] >= _RELATIVE * best[a]}
        if not kept:
            continue
        score = sum(v[0] for v in kept.values()) + _bonus(profile, item)
        # Quote by every word of the matched aspects: a chapter matched by its heading (晋台) is quoted where
        # its text says 台湾.
        words = list(
            dict.fromkeys([w for v in kept.values() for w in v[1]] + [w for a in kept for w in aspects[a]])
        )
        scored.append((score, item, list(kept), words))
    scored.sort(key=lambda s: (-s[0], s[1].kind == SECTION_KIND))
    out = [_to_match(item, score, matched, words) for score, item, matched, words in scored[:limit]]
    if profile.industry:
        out.extend(_industry_needs(profile.industry, facts, titles))
    return out


def _bonus(profile: Profile, item: _Item) -> float:
    """Small tie-breakers: the employer kind and Jinjiang roots the item speaks to."""
    text = item.name + item.content
    bonus = 0.0
    if profile.employer_kind and _hits(_EMPLOYER_CUES.get(profile.employer_kind, ()), text):
        bonus += 0.5
    if profile.jinjiang_born and _hits(_BORN_CUES, text):
        bonus += 1.0
    return bonus


def _to_match(item: _Item, score: float, matched: list[str], words: list[str]) -> Match:
    # Quote the item's own description first; its name only when the name alone matched.
    why = _quote_clauses(item.content + "。" + item.actions, words) or _quote_clauses(item.name, words)
    return Match(
        name=item.name, kind=item.kind, why=why, matched=matched, lead_units=item.lead_units,
        period=item.period, citations=[item.citation], score=round(score, 2),
    )  # fmt: skip


def _industry_needs(industry: str, facts: Sequence[Fact], titles: dict[str, str]) -> list[Match]:
    terms = industry_terms(industry)
    out: list[Match] = []
    seen: set[str] = set()
    for f in facts:
        if f.kind != "industry_need" or f.name in seen:
            continue
        in_name = _hits(terms, f.name)
        in_content = _hits(terms, f.content or "")
        if not (in_name or in_content):
            continue
        seen.add(f.name)
        why = _quote_clauses(f.content or "", in_content or in_name)
        out.append(
            Match(name=f.name, kind=NEEDS_KIND, why=why, matched=[f"{_INDUSTRY_PREFIX}{industry}"], lead_units=f.lead_units,
                  citations=[_cite(f, titles)], score=_NAME_W if in_name else _CONTENT_W)
        )  # fmt: skip
    out.sort(key=lambda m: -m.score)
    return out


def profile_label(profile: Profile) -> str:
    """Who a reply says it understood the talent to be: the talent kinds, then the industry ('博士、集成电路产业')."""
    return "、".join([*profile.talent_kinds, *([f"{profile.industry}产业"] if profile.industry else [])])


def match_notes(m: Match, quote_label: str = "相关内容") -> list[str]:
    """What a reply says of one match besides its name: a quoted clause, the lead units, the period."""
    notes = [f"{quote_label}：{m.why[0]}"] if m.why else []
    if m.lead_units:
        notes.append(f"牵头单位：{'、'.join(m.lead_units)}")
    if m.period:
        notes.append(f"实施年限：{m.period}")
    return notes


def format_matches(profile: Profile, matches: Sequence[Match], max_items: int = 6) -> str:
    """A short reply: who we understood you to be, the items with why/lead units/period, the industry's
    needs, and the honest note that the plan states directions, not amounts."""
    who = profile_label(profile) or "未识别"
    items = [m for m in matches if m.kind != NEEDS_KIND][:max_items]
    needs = [m for m in matches if m.kind == NEEDS_KIND]
    if not items and not needs:
        return f"根据您的描述（{who}），文件中没有找到明确面向该群体的工程、项目或政策。{AMOUNT_NOTE}"
    lines = [f"根据您的描述（{who}），规划中与您相关的有："]
    for n, m in enumerate(items, start=1):
        lines.append("；".join([f"{n}. {m.name}（{m.kind}）", *match_notes(m)]))
    for m in needs[:2]:
        lines.append(f"{m.name}产业人才需求：{m.why[0] if m.why else ''}")
    lines.append(AMOUNT_NOTE)
    return "\n".join(lines)
