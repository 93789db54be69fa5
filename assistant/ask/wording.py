"""People's words and the documents' words: '买房' is what a 办法 writes '购房', '封顶' what it writes '不超过'.

    in_their_words(question, texts) -> str      the question with each everyday word the texts never write
                                                 replaced by the document word of the same meaning they do write
    with_kin(query) -> str                       the query followed by the other words of each group it uses, for
                                                 the keyword index (which matches words, not meanings)
    shortens(word, text) -> bool                 `word` is a short form of a phrase `text` writes ('社保' of
                                                 '缴纳社会保险', '高企' of '高新技术企业')

Contract:
- `SAME_MEANING` holds groups of words that policy documents in general and the people asking them use for one
  thing (a colloquial and an official name, an abbreviation and its full form). Nothing names one document's
  programmes, places or figures; a group holds only words that mean the same in every policy text.
- A question word is replaced only when no text writes it and some text writes another word of its group; the
  word of the group the most texts write wins (then the longest). A word a text writes is never replaced, so a question already in the
  documents' words is unchanged.
- The keyword (BM25) query is widened with the words of the same meaning; the meaning (dense) query is not.
- A short form needs no list: a word of two to four characters that `text` does not write shortens a phrase it
  does write when its characters stand in order within one run of characters (no punctuation or figure between),
  at most `SHORT_GAP` apart, each the first character of a word of that phrase as jieba's search mode cuts it
  each word right after the one before (社会|保险 -> 社保, 高新技术|企业 -> 高企, a joining 和 allowed); the last
  of three or more may instead end its word (人力资源|和|社会保障局 -> 人社局). Two characters that merely occur near
  each other ('企事业单位' for 企业: 业 starts no word) or far apart do not; nor does a word jieba's dictionary
  knows as a common word of its own ('人工' is not 人才工作, `COMMON_WORD`).
- Replacing happens on the question used to pick and check passages, after retrieval; what the user sees as
  their question is not changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import jieba

# Each group: words of one meaning in policy language. The first is the official form, for reading only.
SAME_MEANING: tuple[tuple[str, ...], ...] = (
    # housing and money
    ("购房", "买房", "购买住房", "买房子"),
    ("住房", "房子", "房屋"),
    ("租房", "租住", "租赁住房", "租房子"),
    ("安家补贴", "安家费"),
    ("资金", "预算", "经费"),
    ("不超过", "封顶", "上限", "最多不超过"),
    ("差额", "差价"),
    ("退回", "退还", "返还", "退钱"),
    ("个人所得税", "个税"),
    ("社会保险", "社保"),
    ("住房公积金", "公积金"),
    ("薪酬", "工资", "薪水", "薪资"),
    ("奖励", "奖金"),
    ("50%", "半价", "一半"),  # a share said in words ('半价能住多久' of '按市场租金的50%缴纳')
    # people and family
    ("子女", "孩子", "小孩"),
    ("配偶", "爱人", "老婆", "老公"),
    ("就学", "上学", "入学"),
    ("就医", "看病"),
    ("户籍", "户口"),
    ("居民身份证", "身份证"),
    ("周岁", "岁数"),
    # work and applying
    ("申报", "报名"),
    ("人力资源服务机构", "猎头机构", "猎头"),
    ("企业", "公司"),
    ("医疗卫生机构", "医疗机构", "医院"),
    ("离职", "辞职", "跳槽"),
    ("劳动合同", "用工合同", "聘用合同"),
    ("线上", "网上"),
    ("窗口", "柜台"),
    ("有效期", "有效期限"),
    ("补正", "补交", "补齐", "补充材料"),
    ("不合格", "没过", "没通过", "未通过"),
    ("异议", "意见", "不服"),  # '对结果有意见' is what a notice calls 有异议
    ("费用", "收费", "交费", "缴费"),  # paying for an application, said by its noun ('不收取任何费用')
    ("代表性成果", "代表作", "代表性论文"),
    ("剩余", "剩下"),
    ("同时享受", "同时拿", "同时领", "一起拿", "一起领", "兼得"),
    # a table's marks, by the names people say them ('打星号的岗位')
    ("★", "星号", "五角星", "星标"),
)


# Every word of the groups, longer first: '买房子' is replaced whole, not as '买房' + '子'.
_WORDS = sorted({w for group in SAME_MEANING for w in group}, key=len, reverse=True)


def _groups_of(word: str) -> Iterable[tuple[str, ...]]:
    return (group for group in SAME_MEANING if word in group)


def in_their_words(question: str, texts: Iterable[str]) -> str:
    """`question` with each word of `SAME_MEANING` that no text writes replaced by the word of its group that
    the most texts write ('一年封顶多少' -> '一年不超过多少' when the passages write 不超过)."""
    texts = [t.replace(" ", "") for t in texts]
    written = "".join(texts)
    for word in _WORDS:
        if word not in question or word in written:
            continue
        for group in _groups_of(word):
            found = [w for w in group if w != word and w in written]
            if found:
                question = question.replace(
                    word, max(found, key=lambda w: (sum(w in t for t in texts), len(w)))
                )
                break
    return question


def with_kin(query: str) -> str:
    """`query` and, after it, the other words of every group a word of it belongs to ('买房' brings 购房, 购买住房)."""
    kin = [
        w for group in SAME_MEANING if any(word in query for word in group) for w in group if w not in query
    ]
    return f"{query} {' '.join(kin)}" if kin else query


# How many characters a short form may skip between two of its characters: '人力资源和' between 人 and 社 of 人社局.
SHORT_GAP = 4
# A word as common as this in jieba's dictionary has a meaning of its own ('人工' 2816, '资助' 1316, '本人' 4096);
# short forms are rarer (国企 341, 医保 273, 社保 119) or not listed at all (人社局, 高企).
COMMON_WORD = 1000
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{3,}")


def shortens(word: str, text: str) -> bool:
    """Is `word` ('社保', '人社局') a short form of a phrase `text` writes ('依法缴纳社会保险', '市人力资源和社会保障局'),
    though `text` does not write the word itself?"""
    if not 2 <= len(word) <= 4 or not _HAN.match(word) or word in text or any(ch not in text for ch in word):
        return False
    if jieba.dt.FREQ.get(word, 0) >= COMMON_WORD:  # '人工' is no short form of 人才工作
        return False
    gap = rf"[\u4e00-\u9fff]{{0,{SHORT_GAP}}}?"
    pattern = re.compile("".join(f"({re.escape(ch)})" + gap for ch in word[:-1]) + f"({re.escape(word[-1])})")
    for run in _HAN_RUN.finditer(text):
        for m in pattern.finditer(run.group()):
            if _word_initials(run.group(), tuple(m.start(i + 1) for i in range(len(word)))):
                return True
    return False


# What may stand between the words a short form takes its characters from: '和' in 人力资源和社会保障局 (人社局).
_JOINING = frozenset("和与及")


@lru_cache(maxsize=8192)
def _word_initials(phrase: str, at: tuple[int, ...]) -> bool:
    """Does each character at `at` begin a word of `phrase` (jieba's search-mode cut) that follows right after a
    word begun by the one before (or after a joining 和)? The last of three or more may instead end such a word
    ('局' of 保障局 in 人力资源和社会保障局)."""
    ends: dict[int, set[int]] = {}
    for _, start, end in jieba.tokenize(phrase, mode="search"):
        ends.setdefault(start, set()).add(end)
    if at[0] not in ends:
        return False
    for number, (here, following) in enumerate(zip(at, at[1:], strict=False), start=2):
        after = ends.get(here, set())
        after |= {e + 1 for e in after if e < len(phrase) and phrase[e] in _JOINING}
        if following in after and following in ends:
            continue
        if number == len(at) >= 3 and any(following + 1 in ends.get(start, ()) for start in after):
            continue
        return False
    return True
