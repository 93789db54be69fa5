"""What a table's columns mean, read from its header and its values, for tables of any shape.

    roles = column_roles(table)       -> TableRoles(key, group, number, values, conditions, periods, remarks, …)
    cells = row_cells(table, roles, row) -> [(header, value with the header's unit), …]
    key = row_key(table, roles, row)

- A unit written in a header ('奖励金额（元）', '安家补贴（万元）', '生活补贴（元/月）') is taken off the header
  and carried into every bare number of that column: '3000' -> '3000元/月'.
- Roles come from the header's meaning (a header ending in 类别/名称/项目/层次/等级/岗位… names a label column;
  金额/标准/补贴/奖励… value; 条件/要求/学历/年龄/经验… condition;
  期限/年限/时间… period; 备注/说明 remark; 序号 number; …单位/部门 responsible unit), never from one
  document's words.
- The key column is the first column (not a number, value, condition, period or remark column) whose values
  are mostly distinct short labels (人才类别, 层次, 岗位, 项目名称…); a label column before it whose values repeat
  (产业, 一级指标, 类别 of merged groups) is the row's group. Without such a column the key is group + number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.core.types import TableRows

_HEADER_UNIT = re.compile(r"^(?P<label>.*?)\s*[（(]\s*(?P<unit>[^（）()]{1,10}?)\s*[）)]\s*$")
_UNIT_WORD = re.compile(r"元|%|％|月|年|人|平方米|㎡|天|日|次|小时|周岁|岁|套|个|万|亩|分")
_BARE_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)*(?:\s*[-~～—至]\s*\d+(?:[.,]\d+)*)?$")
_NUMBER_HEADER = re.compile(r"^(?:序号|编号|序|No\.?|#)$", re.IGNORECASE)
_LABEL_HEADER = re.compile(
    r"(?:类别|名称|项目|层次|等级|类型|档次|档级|岗位|职位|人才|人员|产业|行业|领域|分类|级别)$"
)
# Header words of each column role, general to policy tables (a money column, a condition, a period …).
_ROLE_WORDS: dict[str, re.Pattern[str]] = {
    "value": re.compile(r"金额|标准|补贴|奖励|资助|补助|津贴|薪酬|薪资|工资|费用|资金|额度|金|奖金|数额|租金"),
    "condition": re.compile(r"条件|要求|学历|学位|年龄|经验|资格|对象|范围|职称|门槛"),
    "period": re.compile(r"期限|年限|时间|期间|周期|有效期|时限|日期|时段"),
    "remark": re.compile(r"^(?:备注|说明|注|附注|其他)"),
    "responsible": re.compile(r"单位|部门|机构|责任|牵头"),
}
_HAN_GAP = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")
_PLACEHOLDER = re.compile(r"^[—\-–/／无\s]*$")


@dataclass
class TableRoles:
    header: list[str]  # headers with their unit taken off
    units: list[str | None]  # unit written in each header
    key: int | None = None
    group: int | None = None
    number: int | None = None
    values: list[int] = field(default_factory=list)
    conditions: list[int] = field(default_factory=list)
    periods: list[int] = field(default_factory=list)
    remarks: list[int] = field(default_factory=list)
    responsible: list[int] = field(default_factory=list)


def split_header_unit(header: str) -> tuple[str, str | None]:
    """'奖励金额（元）' -> ('奖励金额', '元'); '人才类别' -> ('人才类别', None)."""
    h = re.sub(r"\s+", "", header)
    m = _HEADER_UNIT.match(h)
    if (
        m
        and m.group("label")
        and _UNIT_WORD.search(m.group("unit"))
        and not re.search(r"[类级]", m.group("unit"))
    ):
        return m.group("label"), m.group("unit")
    return h, None


def with_unit(value: str, unit: str | None) -> str:
    """A bare number gets its column's unit ('3000', '元/月' -> '3000元/月'); anything else stays as written."""
    v = value.strip()
    if unit and _BARE_NUMBER.match(v):
        return f"{v}{unit}"
    return v


def column_roles(table: TableRows) -> TableRoles:
    labels, units = (
        zip(*(split_header_unit(h) for h in table.header), strict=True) if table.header else ((), ())
    )
    roles = TableRoles(header=list(labels), units=list(units))
    taken: set[int] = set()
    for i, h in enumerate(roles.header):
        column = [r[i] for r in table.rows if i < len(r)]
        if _LABEL_HEADER.search(h) and not roles.units[i]:
            continue  # 资助类别 / 项目名称 / 人才层次: a label column, whatever word comes before
        if _NUMBER_HEADER.match(h) and roles.number is None:
            roles.number = i
        elif _ROLE_WORDS["remark"].match(h):
            roles.remarks.append(i)
        elif _ROLE_WORDS["period"].search(h):
            roles.periods.append(i)
        elif _ROLE_WORDS["value"].search(h) or (roles.units[i] and "元" in (roles.units[i] or "")):
            roles.values.append(i)
        elif _ROLE_WORDS["condition"].search(h):
            roles.conditions.append(i)
        elif _ROLE_WORDS["responsible"].search(h) and h not in ("单位", "计量单位") and not _distinct(column):
            roles.responsible.append(i)
        elif roles.units[i] and _mostly_numbers(column):
            roles.values.append(i)
        else:
            continue
        taken.add(i)
    for i in range(len(roles.header)):
        if i in taken:
            continue
        column = [r[i].strip() for r in table.rows if i < len(r) and r[i].strip()]
        if not column or _mostly_numbers(column):
            continue
        if _distinct(column) and sum(map(len, column)) / len(column) <= 30:
            roles.key = i
            break
        if roles.group is None and len(set(column)) < len(column):
            roles.group = i
    return roles


def _distinct(column: list[str]) -> bool:
    values = [c.strip() for c in column if c.strip()]
    return bool(values) and len(set(values)) >= 0.8 * len(values)


def _mostly_numbers(column: list[str]) -> bool:
    values = [c.strip() for c in column if c.strip()]
    return bool(values) and sum(bool(_BARE_NUMBER.match(v)) for v in values) >= 0.8 * len(values)


def row_key(roles: TableRoles, row: list[str]) -> str:
    """The row's key cell; without a key column, group and number ('A类（国际顶尖人才） A1'), else the first cell."""
    if roles.key is not None and row[roles.key].strip():
        return _HAN_GAP.sub("", row[roles.key].strip())  # a label wrapped in the source is one label
    parts = [row[i].strip() for i in (roles.group, roles.number) if i is not None and row[i].strip()]
    return " ".join(parts) or next((c.strip() for c in row if c.strip()), "")


def row_cells(roles: TableRoles, row: list[str]) -> list[tuple[str, str]]:
    """(header without its unit, value with the unit) for every non-empty cell of the row."""
    return [
        (roles.header[i] or f"第{i + 1}列", with_unit(cell, roles.units[i]))
        for i, cell in enumerate(row)
        if cell.strip()
    ]


def is_remark(header: str) -> bool:
    """'备注', '说明', '其他要求': a column annotating its row rather than stating one of its values."""
    return bool(_ROLE_WORDS["remark"].match(header.strip()))


def is_placeholder(value: str) -> bool:
    """'—', '-', '无', '/': a cell that says nothing."""
    return bool(_PLACEHOLDER.match(value))
