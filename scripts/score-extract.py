#!/usr/bin/env python3
"""Scores the directive extractor on the project's dev corpus of real meeting texts
(tests/fixtures/extract-corpus: texts/ and gold/, sources in SOURCES.md), by the rules of
the shared scorer (../shared/eval): a gold directive is found when a proposed item's words
hold its key (case, diacritics, đ, dashes and spaces folded), one item for one directive;
lead unit and deadline are judged on the items found; an item holding no key, not even an
optional one, is a false positive.

Usage: scripts/score-extract.py GIAOBAN [CORPUS] [--table]
Prints one line per text (--table: a Markdown table for docs/benchmarks.md) and a last line
"recall R precision P unit U deadline D chair C failures N" (three decimals).
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata


def fold(s):
    s = (s or "").replace("đ", "d").replace("Đ", "D")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
    s = re.sub(r"[\u2010-\u2015\-]", " - ", s.lower())
    s = re.sub(r"[\u201c\u201d\u201e\"']", '"', s)
    return re.sub(r"\s+", " ", s).strip()


def unit_ok(pred, alternatives):
    p = fold(pred)
    return bool(p) and any(fold(a) in p or p in fold(a) for a in alternatives)


def score(gold, out):
    preds = out.get("directives") or []
    contents = [fold(p.get("content")) for p in preds]
    used, s = set(), dict(gold=len(gold["directives"]), pred=len(preds), found=0, fp=0,
                          unit=0, unit_of=0, dl=0, dl_of=0, chair=None)
    for g in gold["directives"]:
        key = fold(g["key"])
        cands = [i for i, c in enumerate(contents) if key in c and i not in used]
        if not cands:
            continue

        def agree(i):
            p = preds[i]
            return (bool(g.get("lead_unit")) and unit_ok(p.get("lead_unit"), g["lead_unit"])) + (
                bool(g.get("deadline")) and p.get("deadline") == g["deadline"])

        best = max(cands, key=agree)
        used.add(best)
        s["found"] += 1
        if g.get("lead_unit"):
            s["unit_of"] += 1
            s["unit"] += unit_ok(preds[best].get("lead_unit"), g["lead_unit"])
        if g.get("deadline"):
            s["dl_of"] += 1
            s["dl"] += preds[best].get("deadline") == g["deadline"]
    keys = [fold(g["key"]) for g in gold["directives"]] + [fold(o) for o in gold.get("optional", [])]
    s["fp"] = sum(1 for i, c in enumerate(contents) if i not in used and not any(k in c for k in keys))
    chair = (gold.get("meeting") or {}).get("chair")
    if chair:
        s["chair"] = fold(chair) in fold((out.get("meeting") or {}).get("chair"))
    return s


def main():
    args = [a for a in sys.argv[1:] if a != "--table"]
    table = "--table" in sys.argv
    giaoban = args[0]
    corpus = args[1] if len(args) > 1 else os.path.join(os.path.dirname(__file__), "..", "tests/fixtures/extract-corpus")
    total = dict(gold=0, found=0, fp=0, unit=0, unit_of=0, dl=0, dl_of=0, chair=0, chair_of=0, failures=0)
    if table:
        print("| text | level | found | proposed | false pos. | lead unit | deadline |\n|---|---|---|---|---|---|---|")
    for name in sorted(os.listdir(os.path.join(corpus, "gold"))):
        with open(os.path.join(corpus, "gold", name), encoding="utf-8") as f:
            gold = json.load(f)
        with open(os.path.join(corpus, "texts", gold["seed"]), encoding="utf-8") as f:
            text = f.read()
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
            f.write("\n".join(gold["units"]) + "\n")
        try:
            r = subprocess.run([giaoban, "extract", "--json", "--date", gold["meeting_date"], "--units", f.name],
                               input=text.encode(), capture_output=True, timeout=60)
            out = json.loads(r.stdout.decode()) if r.returncode == 0 else None
        finally:
            os.unlink(f.name)
        if out is None:
            total["failures"] += 1
            out = {}
        s = score(gold, out)
        for k in ("gold", "found", "fp", "unit", "unit_of", "dl", "dl_of"):
            total[k] += s[k]
        if s["chair"] is not None:
            total["chair_of"] += 1
            total["chair"] += s["chair"]
        if table:
            print(f"| {gold['seed'][:-4]} | {gold.get('level', '')} | {s['found']}/{s['gold']} | {s['pred']} | {s['fp']} "
                  f"| {s['unit']}/{s['unit_of']} | {s['dl']}/{s['dl_of']} |")
        else:
            print(f"{gold['seed']}: found {s['found']}/{s['gold']}, proposed {s['pred']}, false positives {s['fp']}, "
                  f"unit {s['unit']}/{s['unit_of']}, deadline {s['dl']}/{s['dl_of']}, chair {s['chair']}")

    def ratio(x, y):
        # Cut, not rounded, to three decimals: 332/369 = 0.8997 prints 0.899, not 0.900.
        return (x * 1000 // y) / 1000 if y else 0.0
    # Three decimals: a target of 0.90 is not met by 0.897.
    print(f"recall {ratio(total['found'], total['gold']):.3f} "
          f"precision {ratio(total['found'], total['found'] + total['fp']):.3f} "
          f"unit {ratio(total['unit'], total['unit_of']):.3f} deadline {ratio(total['dl'], total['dl_of']):.3f} "
          f"chair {ratio(total['chair'], total['chair_of']):.3f} failures {total['failures']}")


if __name__ == "__main__":
    main()
