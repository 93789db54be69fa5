"""People's words and the documents' words: '买房' is what a 办法 writes '购房', '封顶' what it writes '不超过'.

    in_their_words(question, texts) -> str      the question with each everyday word the texts never write
                                                 replaced by the document word of the same meaning they do write
    with_kin(query) -> str                       the query followed by the other words of each group it uses, for
                                                 the keyword index (which matches words, not meanings)

Contract:
- `SAME_MEANING` holds groups of words that policy documents in general and the people asking them use for one
  thing (a colloquial and an official name, an abbreviation and its full form). Nothing names one document's
  programmes, places or figures; a group holds only words that mean the same in every policy text.
- A question word is replaced only when no text writes it and some text writes another word of its group; the
  word of the group the most texts write wins (then the longest). A word a text writes is never replaced, so a question already in the
  documents' words is unchanged.
- The keyword (BM25) query is widened with the words of the same meaning; the meaning (dense) query is not.
- Replacing happens on the question used to pick and check passages, after retrieval; what the user sees as
  their question is not changed.
"""

from __future__ import annotations

from collections.abc import Iterable

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
