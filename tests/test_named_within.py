"""What an item's text names inside itself (invented text of our own)."""

from __future__ import annotations

from assistant.ask.named_within import names_in


def test_quoted_names_and_carriers_are_read_without_the_verbs_before_them() -> None:
    text = "建好用好云川青年创业示范基地，拓展“一站式窗口”服务，攻克“卡脖子”难题；深化准大学生生涯规划营、青松训练营等服务"
    assert names_in(text) == ["一站式窗口", "云川青年创业示范基地", "准大学生生涯规划营", "青松训练营"]


def test_a_carrier_around_a_quoted_name_is_the_quoted_name() -> None:
    assert names_in("拓展澜川人才“单一窗口”服务") == ["单一窗口"]
