"""tokenize_zh: what BM25 sees of a text, and the domain dictionary that keeps the plan's names whole."""

from __future__ import annotations

import threading

from assistant.text.tokens import add_domain_terms, fold, harvest_terms, heading_terms, tokenize_zh
from tests.conftest import PLAN_TXT


def test_full_width_letters_and_digits_match_half_width() -> None:
    assert tokenize_zh("ＡＢＣ类人才２０２５年") == tokenize_zh("abc类人才2025年")
    assert fold("Ｒ１线") == "r1线"


def test_punctuation_and_single_character_stopwords_are_dropped() -> None:
    tokens = tokenize_zh("人才的引进、培养和使用。")
    assert "的" not in tokens and "和" not in tokens
    assert not any(t in tokens for t in ("、", "。", "，"))
    assert {"人才", "引进", "培养", "使用"} <= set(tokens)


def test_plan_names_stay_whole_once_harvested_from_the_plan_itself() -> None:
    text = PLAN_TXT.read_text(encoding="utf-8")
    terms = harvest_terms(text.splitlines())
    assert {"倍增工程", "三航工程"} <= terms
    add_domain_terms(terms | {"人社局", "博士后工作站"})
    tokens = tokenize_zh("硕博人才“倍增工程”由人社局牵头，新建博士后工作站")
    assert {"倍增工程", "人社局", "博士后工作站"} <= set(tokens)
    # the parts are still there, so a question naming only part of the programme still matches
    assert {"倍增", "博士后"} <= set(tokens)


def test_a_term_glued_into_a_longer_word_still_yields_its_usual_pieces() -> None:
    add_domain_terms(["硕博人才"])
    assert {"硕博人才", "硕博"} <= set(tokenize_zh("硕博人才"))
    assert "硕博" in tokenize_zh("硕博倍增工程谁牵头")


def test_adding_terms_is_idempotent() -> None:
    add_domain_terms(["晋江人才港湾"])
    assert add_domain_terms(["晋江人才港湾", "晋江人才港湾"]) == 0


def test_harvest_reads_lead_units_and_table_cells_but_not_long_sentences() -> None:
    row = "序号：3 | 重点工程：硕博人才“倍增工程” | 主要内容：加大青年硕博士招引力度，建设人才公寓。 | 牵头单位：工信局 人社局"
    terms = harvest_terms([row])
    assert {"工信局", "人社局", "倍增工程"} <= terms
    assert not any("招引力度" in t for t in terms)


def test_heading_terms_strip_numbering_and_skip_sentence_headings() -> None:
    terms = heading_terms(
        ["(3) 硕博人才“倍增工程”", "（一）以产业需求为根基，打造应用型人才匹配体系", "2. 重点工程"]
    )
    assert "硕博人才“倍增工程”" in terms and "重点工程" in terms
    assert not any("根基" in t for t in terms)


def test_concurrent_first_use_initialises_once_and_agrees() -> None:
    results: list[list[str]] = []
    threads = [threading.Thread(target=lambda: results.append(tokenize_zh("人才公寓建设"))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4 and all(r == results[0] for r in results)
