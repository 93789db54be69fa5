"""Sanity checks for the plan paraphrase eval files (tuning.jsonl, heldout.jsonl).

Run: python3 bench/data/plan/check.py
"""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
PLAN = os.path.join(ROOT, "corpus", "jinjiang-talent-plan-2021-2025.txt")
FILES = ["tuning.jsonl", "heldout.jsonl"]

MIN_COUNTS = {
    "lead_unit": 15, "target_number": 15, "baseline_number": 8, "timeline": 10,
    "project_content": 10, "definition": 8, "narrative_fact": 10, "list": 10,
    "industry_needs": 6, "metadata": 5, "unanswerable": 15, "two_part": 12,
    "followup": 10, "self_description": 30,
}


def nows(s):
    return re.sub(r"\s+", "", s)


def main():
    text = open(PLAN, encoding="utf-8").read()
    text_nows = nows(text)
    errors = []
    ids = Counter()
    per = {}
    for fn in FILES:
        rows = []
        with open(os.path.join(HERE, fn), encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as e:
                    errors.append(f"{fn}:{ln}: bad JSON: {e}")
        per[fn] = rows
        for r in rows:
            rid = r.get("id", "?")
            where = f"{fn}:{rid}"
            ids[rid] += 1
            cat = r.get("category")
            for k in ("id", "category", "question", "answer", "must_contain", "evidence"):
                if k not in r:
                    errors.append(f"{where}: missing field {k}")
            if cat not in MIN_COUNTS:
                errors.append(f"{where}: unknown category {cat!r}")
            for ev in r.get("evidence", []):
                if ev not in text:
                    errors.append(f"{where}: evidence not in plan: {ev!r}")
            mc = r.get("must_contain", [])
            if cat == "unanswerable":
                if mc or r.get("evidence") or r.get("answer"):
                    errors.append(f"{where}: unanswerable must have empty answer/must_contain/evidence")
            elif cat == "self_description":
                items = r.get("expected_items") or []
                if not items:
                    errors.append(f"{where}: self_description without expected_items")
                for it in items:
                    # table row names in the file carry stray line-break spaces ("…见习培养 项目"),
                    # so names are compared with whitespace removed
                    if it not in text and nows(it) not in text_nows:
                        errors.append(f"{where}: expected_item not in plan: {it!r}")
            else:
                if not mc:
                    errors.append(f"{where}: empty must_contain")
                if not r.get("evidence"):
                    errors.append(f"{where}: empty evidence")
            for s in mc:
                if s not in text:
                    errors.append(f"{where}: must_contain not in plan: {s!r}")
            if cat == "two_part":
                parts = r.get("parts")
                if not parts or len(parts) < 2 or not all(parts):
                    errors.append(f"{where}: two_part needs >= 2 non-empty parts")
                else:
                    for p in parts:
                        for s in p:
                            if s not in text:
                                errors.append(f"{where}: part string not in plan: {s!r}")
                            if s not in mc:
                                errors.append(f"{where}: part string missing from must_contain: {s!r}")
            for p in r.get("parts") or []:
                for s in p:
                    if s not in text:
                        errors.append(f"{where}: part string not in plan: {s!r}")
            if cat == "followup":
                h = r.get("history")
                if not h or h[0].get("role") != "user" or h[-1].get("role") != "assistant":
                    errors.append(f"{where}: followup history must start with user and end with assistant")
    for rid, n in ids.items():
        if n > 1:
            errors.append(f"duplicate id {rid} ({n}x)")
    total = Counter()
    for rows in per.values():
        total.update(r.get("category") for r in rows)
    for cat, need in MIN_COUNTS.items():
        if total[cat] < need:
            errors.append(f"category {cat}: {total[cat]} < {need}")
    # table of counts
    cats = list(MIN_COUNTS)
    print(f"{'category':18} " + " ".join(f"{fn.split('.')[0]:>8}" for fn in FILES) + "    total")
    for c in cats:
        print(f"{c:18} " + " ".join(f"{sum(r.get('category') == c for r in per[fn]):>8}" for fn in FILES) + f" {total[c]:>8}")
    print(f"{'all':18} " + " ".join(f"{len(per[fn]):>8}" for fn in FILES) + f" {sum(total.values()):>8}")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print(" -", e)
        sys.exit(1)
    print("\nall checks passed")


if __name__ == "__main__":
    main()
