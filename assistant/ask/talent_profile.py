"""Who a talent is, read from their own words: the vocabulary of self-descriptions and `extract_profile`.

    profile = extract_profile("我是做芯片的博士，想来晋江", industries=[...], places=home_places(titles))
    -> Profile(education="博士", talent_kinds=["博士"], industry="集成电路", ...)

Contract:
- General talent-policy vocabulary, not one document's items: kinds of talent (博士, 台湾青年, 技能人才 …) by the
  words people describe themselves with, and by the words policy items name them with (`TALENT_KIND_CUES`);
  industries by everyday words plus the documents' own industry names; employers; roots in the place the
  documents are about (its name read from their titles, `home_places`).
- Matching (`assistant.ask.matching`) scores items by these profiles; the API and the UI normalise picker
  values into them (`assistant.ask.profiles`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

# Content words by which a plan's items name the people they serve. General talent-policy vocabulary, not this
# plan's items: a new policy about 博士 or 社工 is matched by the same words.
TALENT_KIND_CUES: dict[str, tuple[str, ...]] = {
    "博士": ("博士", "硕博"),
    "硕士": ("硕士", "硕博"),
    "高层次人才": ("高层次", "领军", "顶尖人才", "高端人才", "创新创业团队", "创新创业人才"),
    "青年大学生": ("大学生", "毕业生", "准大学生", "在校学生", "见习"),
    "台湾青年": ("台湾", "台胞", "两岸", "海峡两岸"),
    "海外/侨胞": ("侨", "海外", "留学", "外籍", "国际化人才", "国际人才"),
    "企业家": ("企业家", "创二代", "新生代"),
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

# Countries people most often say they studied, worked or grew up in: someone who names one of them as where they
# are or were (在马来西亚长大, 在新加坡读完本科) is overseas talent however they put it; a plan of going there is
# read apart with the other intentions.
_ABROAD = (
    "美国", "英国", "日本", "韩国", "德国", "法国", "意大利", "荷兰", "俄罗斯", "加拿大", "澳大利亚", "澳洲",
    "新西兰", "新加坡", "马来西亚", "菲律宾", "印尼", "印度尼西亚", "泰国", "越南", "缅甸",
)  # fmt: skip

# How people describe themselves -> the kind above. Checked in order; several may hold.
_SELF_WORDS: dict[str, tuple[str, ...]] = {
    "博士": ("博士", "phd", "博后", "博士后", "读博"),
    "硕士": ("硕士", "研究生", "研一", "研二", "研三", "master"),
    "青年大学生": (
        "大学生",
        "本科",
        "毕业生",
        "应届",
        "大四",
        "大三",
        "大二",
        "大一",
        "学生",
        "刚毕业",
        "读研",
        "实习",
        "在读",
        "上大学",
        "读完大学",
        "大学毕业",
        "高三",
        "高中生",
    ),
    "台湾青年": ("台湾", "台胞", "台青"),
    "海外/侨胞": ("华侨", "侨胞", "侨商", "海外", "留学", "归国", "回国", "海归", "外籍", "国外", *_ABROAD),
    "企业家": (
        "企业家",
        "创二代",
        "老板",
        "创业者",
        "董事长",
        "接班",
        "家族企业",
        "做生意",
        "经商",
        "生意人",
        "开公司",
        "开厂",
        "开工厂",
        "办厂",
        "办企业",
        # running a start-up, said of oneself ('自己出来创业'); a plan to ('想回来创业') is removed with the other
        # intentions, and 创新创业团队 is a team, read apart
        "自己创业",
        "出来创业",
        "在创业",
        "创业了",
    ),
    "经营管理人才": ("职业经理人", "总经理", "副总", "高管", "经营管理", "人力资源总监", "财务总监"),
    "技能人才": (
        "技工",
        "技师",
        "技能",
        "工匠",
        "师傅",
        "高级工",
        "车间",
        "操作工",
        "技校",
        "学徒",
        "带徒弟",
        "电工",
        "焊工",
        "钳工",
        "手艺",
        "学技术",
        "学个技术",
        "学门技术",
    ),
    "高层次人才": ("高层次", "领军", "团队带头人", "顶尖", "院士", "国家级人才"),
    "科技人才": ("科研", "研发", "科学家", "技术经纪", "研究员"),
    "教育人才": ("教师", "老师", "幼师", "校长", "班主任", "教书"),
    "卫生人才": ("医生", "医师", "护士", "卫生", "医院", "药师"),
    "社工人才": ("社工", "社会工作"),
    "农村人才": ("农村", "农民", "农业", "合作社", "村里", "种植", "养殖", "乡村", "务农"),
    "体育人才": ("体育", "教练", "运动员", "赛事"),
    "金融人才": ("金融", "银行", "证券", "基金", "投资顾问", "投行", "理财"),
    "党政人才": ("公务员", "党政", "干部", "机关"),
    # Working here part-time or from elsewhere is what talent policies call flexible talent (柔性引才: 兼职, 顾问,
    # 退休返聘, 候鸟式, 定期坐诊), whatever the person's trade.
    "柔性人才": ("兼职", "技术顾问", "当顾问", "做顾问", "退休", "返聘", "候鸟", "坐诊", "柔性"),
}

# Someone who runs their own business: 开了家做面料的公司, 自己办厂, 创办了一家企业.
_OWNS_BUSINESS = re.compile(r"(?:开|办|创办|创立)了?(?:一|几)?[家个间]?[^，。；]{0,8}?(?:公司|工厂|厂|企业)")
# A team that brings its own project is what talent policies call an innovation and start-up team (创新创业团队):
# 带着团队和一个项目过来, 项目有了，团队也齐了.
_TEAM_WITH_PROJECT = re.compile(r"团队[^。；？?]{0,12}项目|项目[^。；？?]{0,12}团队")
_EDUCATION_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("博士", ("博士", "phd", "博后", "读博")),
    ("硕士", ("硕士", "研究生", "研一", "研二", "研三", "master")),
    ("本科", ("本科", "大学生", "学士", "应届")),
    ("大专", ("大专", "专科", "高职")),
    ("技能等级", ("高级工", "技师", "技能等级", "职业资格", "中级工")),
)
_FIRST_DEGREES = ("本科", "大专", "专科", "学士")
# Words by which someone says they are still a student or a new graduate, whatever their degree.
_STUDENT_WORDS = ("大学生", "在读", "应届", "毕业生", "刚毕业", "今年毕业", "大四", "大三", "学生", "实习", "读研")
_EDUCATION_KIND = {
    "博士": "博士",
    "硕士": "硕士",
    "本科": "青年大学生",
    "大专": "青年大学生",
    "技能等级": "技能人才",
}

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
    "金融服务": ("金融", "基金", "证券", "银行", "投资顾问", "投行"),
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
_STUDY = re.compile(
    r"(?:读|上|考|念)(?:完|了|过)?[^，。；,]{0,6}?(?:大学|高校|学院)|(?:大学|学院|高校)(?:毕业|在读|读书)"
)
# Roots in the place the documents are about: the place names come from the documents' titles
# (`home_places`), so nothing here names one city.
_BORN_PATTERNS = (
    "{p}人",
    "{p}籍",
    "家在{p}",
    "{p}本地",
    "老家(?:是|在)?{p}",
    "{p}老家",
    "回{p}",
    "回到{p}",
    "家乡{p}",
    "{p}出生",
)
_BORN_ANY = re.compile(r"土生土长|本地人|回老家|回家乡|回乡")
_BORN_CUES = ("回归", "家乡", "返乡", "回乡", "本土")
# A title opens with its place, or names it after '关于…年度' ('关于开展2025年度松川县“青松计划”…'): 2-4 characters
# and the place's level.
_PLACE = re.compile(r"(?:^(?:关于|中共)?|年度|年)([\u4e00-\u9fff]{2,4}?)(?:市|县|区|镇)")


def place_kind_words(places: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Kinds of talent policy texts name by a place's one-character short form: X商 its business people (企业家),
    X台 its ties with Taiwan (台湾青年) — for a place 松川: 松商, 松台. Nothing here names one city."""
    return {
        "企业家": tuple(f"{p[0]}商" for p in places),
        "台湾青年": tuple(f"{p[0]}台" for p in places),
    }


def home_places(titles: Iterable[str]) -> list[str]:
    """The places the indexed documents are about, read from their titles ("X市…规划" -> X)."""
    return list(dict.fromkeys(m.group(1) for t in titles if (m := _PLACE.search(t or ""))))


def _born(text: str, places: Sequence[str]) -> bool:
    if _BORN_ANY.search(text):
        return True
    return any(re.search(pat.format(p=re.escape(p)), text) for p in places for pat in _BORN_PATTERNS)


class Profile(BaseModel):
    """Who the talent is, in the plan's own categories."""

    model_config = ConfigDict(frozen=True)

    education: str | None = Field(None, description="博士 / 硕士 / 本科 / 大专 / 技能等级")
    talent_kinds: list[str] = Field(default_factory=list, description="Keys of TALENT_KIND_CUES")
    industry: str | None = Field(None, description="Industry as the documents name it (集成电路, 鞋服 …)")
    employer_kind: str | None = Field(None, description="企业 / 高校 / 科研院所 / 医疗机构 / 机关事业单位")
    jinjiang_born: bool | None = Field(None, description="True when the person says they are from Jinjiang")
    free_text: str | None = Field(None, description="The words the profile was read from")


@lru_cache(maxsize=8192)  # the cue words are folded again for every description; a profile reads ~1,400 of them
def _fold(text: str) -> str:
    # Whitespace goes too: a name broken across a line in the source ("海外留 学人员") is still one name.
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", text).lower())


def _hits(words: Iterable[str], text: str) -> list[str]:
    folded = _fold(text)
    return [w for w in words if w and _says(_fold(w), folded)]


# A word ending in 人 (晋江人, 本地人) is not read inside 人才 — '晋江人才主题公园' is a park about the city's talent,
# not about people from the city; one ending in 工 (高级工, 技工) not inside 工程/工作/工业 — a 高级工程师 holds a
# professional title, not a skill grade.
_NOT_AFTER = {"人": "才", "工": "程作业"}


def _says(word: str, folded: str) -> bool:
    """The word occurs in the text as itself, not as the start of a longer word that means something else."""
    tail = _NOT_AFTER.get(word[-1:])
    if tail is None:
        return word in folded
    return re.search(re.escape(word) + f"(?![{tail}])", folded) is not None


# A clause that asks for something names what is asked about, not who asks: in '在外地读大二，有没有创业贷款或者
# 基金？' the 基金 is money the student wants, not their trade. Its words give a kind of talent only when the rest of
# the description gives none ('晋江对技能人才有啥扶持？' alone still reads 技能人才).
_ASKING = re.compile(r"有没有|有无|吗|[?？]|什么|啥|哪些|哪个|能否|能不能")
_CLAUSES = re.compile(r"[^，,。；;！!？?]+[？?]?")


def _not_asking(folded: str) -> str:
    return "，".join(c for c in _CLAUSES.findall(folded) if not _ASKING.search(c))


# Running a business is what one does, not what one plans: '准备在这边开公司' is a founder-to-be, whom the
# programmes for business leaders (企业家) do not address.
_INTENT = re.compile(r"想|准备|打算|计划|希望|有意")


_MEANS_TO = re.compile(r"(?:想|准备|打算|计划|希望|有意)[^，。；]{0,3}?(?:学|了解|进修|投资|建|参加)")


def _kinds(folded: str, places: Sequence[str] = ()) -> list[str]:
    extra = place_kind_words(places)
    kinds = [kind for kind, words in _SELF_WORDS.items() if _hits((*words, *extra.get(kind, ())), folded)]
    running = "，".join(c for c in _CLAUSES.findall(folded) if not _INTENT.search(c))
    if "企业家" in kinds and not _hits((*_SELF_WORDS["企业家"], *extra["企业家"]), running):
        kinds.remove("企业家")
    if "企业家" not in kinds and _OWNS_BUSINESS.search(running):
        kinds.append("企业家")
    if "高层次人才" not in kinds and _TEAM_WITH_PROJECT.search(folded):
        kinds.append("高层次人才")
    return kinds


def extract_profile(text: str, industries: Sequence[str] = (), places: Sequence[str] = ()) -> Profile:
    """Read a profile from a free-text self-description. `industries` are the industry names found in the
    documents (industry_need facts), recognised in addition to the everyday synonyms; `places` the places the
    documents are about (`home_places`), for "晋江籍"-style roots."""
    folded = _fold(text)
    education = next((level for level, words in _EDUCATION_WORDS if _hits(words, folded)), None)
    # Who the person is comes from what they say they are or do; what they mean to learn, build or join
    # ('有意回乡投资建研发中心', '想多学学金融') gives a kind only when nothing else does. ('准备回国' still says
    # where they are now.)
    stated = _not_asking(folded)
    doing = "，".join(c for c in _CLAUSES.findall(stated) if not _MEANS_TO.search(c))
    kinds = _kinds(doing, places) or _kinds(stated, places) or _kinds(folded, places)
    # Where someone studies or studied is not their employer: 在福州读完大学, 上大学, 大学毕业.
    working = _STUDY.sub("", folded)
    employer = next((kind for kind, words in _EMPLOYER_WORDS.items() if _hits(words, working)), None)
    if education in _EDUCATION_KIND and _EDUCATION_KIND[education] not in kinds:
        kinds.insert(0, _EDUCATION_KIND[education])
    # A first degree held by someone who names their workplace is their education, not a student's status: a
    # nurse with a 本科 at a hospital is not who the programmes for students and new graduates address.
    if employer and _hits(_FIRST_DEGREES, folded) and not _hits(_STUDENT_WORDS, folded):
        kinds = [k for k in kinds if k != "青年大学生"]
    if education == "博士" and "硕士" in kinds and not _hits(("硕士",), folded):
        kinds.remove("硕士")  # a 博士后 or 博士研究生 is not a 硕士
    industry = next((name for name, words in INDUSTRY_SYNONYMS.items() if _hits(words, folded)), None)
    if industry is None:
        industry = next((name for name in industries if len(name) >= 2 and _fold(name) in folded), None)
    born = True if _born(text, places) else None
    return Profile(
        education=education,
        talent_kinds=kinds,
        industry=industry,
        employer_kind=employer,
        jinjiang_born=born,
        free_text=text,
    )


def own_words(profile: Profile) -> list[str]:
    """The words of the person's own text by which their kinds of talent, degree and industry were read (护士,
    卫生院 -> 卫生, 留学); for a profile without text (chosen in a picker), the kinds' and industry's names."""
    if not profile.free_text:
        return [w for w in (*profile.talent_kinds, profile.education, profile.industry) if w]
    folded = _fold(profile.free_text)
    vocab = [
        *(w for words in _SELF_WORDS.values() for w in words),
        *(w for _, words in _EDUCATION_WORDS for w in words),
        *(w for words in INDUSTRY_SYNONYMS.values() for w in words),
    ]
    return list(dict.fromkeys(_hits(vocab, folded)))


def industry_terms(industry: str) -> list[str]:
    terms = [industry, *INDUSTRY_SYNONYMS.get(industry, ())]
    return list(dict.fromkeys(t for t in terms if len(t) >= 2))
