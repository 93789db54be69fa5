"""How Chinese policy text writes a few kinds of value, shared by ingest (sentence facts) and ask (questions).

    YEAR.findall("到2025年，较2020年…") -> ["2025", "2020"]
    PHONE.search("咨询电话：0595-12345678")
"""

from __future__ import annotations

import re

# A calendar year as policy text writes it (the digits only: '2025年' and '2021-2025' both name 2025).
YEAR = re.compile(r"(?:19|20)\d\d")

# A phone number: a landline with its area code, a mobile, a 400 line, or a bare 7-8 digit local number
# followed by punctuation (not the middle of a longer figure).
PHONE = re.compile(
    r"(?<!\d)(?:0\d{2,3}-\d{7,8}|1[3-9]\d{9}|400-?\d{3}-?\d{4}|\d{7,8}(?=[，。；）)\s]))(?!\d)"
)
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
