"""How Chinese policy text writes a few kinds of value, shared by ingest (sentence facts) and ask (questions).

    YEAR.findall("到2025年，较2020年…") -> ["2025", "2020"]
    PHONE.search("咨询电话：0595-12345678")
    NOT_A_COUNT.sub("", "2025年度计划遴选不超过60名") -> "计划遴选不超过60名"
"""

from __future__ import annotations

import re

# A calendar year as policy text writes it (the digits only: '2025年' and '2021-2025' both name 2025). Four digits
# followed by a unit are an amount or a count, not a year: '每月2000元', '2020人次', '1950平方米'.
YEAR = re.compile(
    r"(?<![\d.])(?:19|20)\d\d(?![\d.]|\s*(?:元|万|亿|千|百|人|名|位|个|家|项|件|所|套|台|间|平方|亩|%|％|倍|分|小时))"
)

# A phone number: a landline with its area code, a mobile, a 400 line, or a bare 7-8 digit local number
# followed by punctuation (not the middle of a longer figure).
PHONE = re.compile(
    r"(?<!\d)(?:0\d{2,3}-\d{7,8}|1[3-9]\d{9}|400-?\d{3}-?\d{4}|\d{7,8}(?=[，。；）)\s]))(?!\d)"
)
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")

# Figures that say when or which, not how many: a year (with its month and day), a date, a period, a time of day, a
# document number (〔2023〕6号), an article or batch number (第3条). A sentence whose only figures are these states
# no count: '现就开展2025年度…申报工作通知如下' does not say how many places there are.
NOT_A_COUNT = re.compile(
    r"〔\s*\d{4}\s*〕\s*\d+\s*号"
    r"|(?:19|20)\d\d\s*[-—–至]\s*(?:19|20)\d\d\s*年?"
    r"|(?:19|20)\d\d\s*年度?(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?"
    r"|\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|\d{1,2}\s*[:：]\s*\d{2}"
    r"|第\s*[\d一二两三四五六七八九十百]+"  # an ordinal ('第3条', '第二批', '第一大股东') is no count
)
# An item's number in a list ('1.《申报书》', '（2）劳动合同'), not a decimal ('1.5万元'): a count only of the
# list's own items.
ITEM_NUMBER = re.compile(r"(?:^|(?<=[：:；;。\s]))\d{1,2}\s*[.．、](?!\d)|[（(]\s*\d{1,2}\s*[)）]")
