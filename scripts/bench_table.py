#!/usr/bin/env python3
"""Turns the figures bilan-bench recorded (BILAN_BENCH_TSV) into scripts/bench's one table.

Each line: group, measure, summaries, median, p10, p90, n, unit, note. A column per corpus size;
a cell is the median with its spread (p10-p90) when the figure has several samples. The last
columns give the growth from the smallest to the largest corpus and the budget (issues #2, #3,
#4 and #6) with its verdict at the size it is set for.
"""
import sys

# measure prefix -> (size the budget is set for, test on the median, text)
BUDGETS = [
    ("import, whole process", 10000, lambda v: v >= 10, "≥ 10 MB/s at 10k (#2)"),
    ("database size / text size", None, lambda v: v <= 3, "≤ 3× (#6)"),
    ("`bilan search WORD --json`, whole process", 10000, lambda v: v <= 20, "≤ 20 ms at 10k (#2)"),
    ("bilan search / rg", 10000, lambda v: v <= 0.5, "≤ 0.5× at 10k (#6)"),
    ("search in process (Store.search", 100000, lambda v: v <= 20, "p50 ≤ 20 ms at 100k (#6)"),
    ("`bilan weeks --json`", 10000, lambda v: v <= 300, "≤ 300 ms at 10k (#2)"),
    ("browser: first full frame", 100000, lambda v: v <= 300, "≤ 300 ms at 100k (#6); ≤ 100 ms at 10k (#3)"),
    ("browser: weeks j/k", None, lambda v: v <= 16, "≤ 16 ms (#3)"),
    ("browser: weeks Space/b → redraw", None, lambda v: v <= 16, "≤ 16 ms (#3)"),
    ("browser: events j/Space", None, lambda v: v <= 16, "≤ 16 ms (#3)"),
    ("browser: reader j: bytes", None, lambda v: v <= 300, "≤ 300 B (#3)"),
    ("browser: PSS", None, lambda v: v <= 40, "≤ 40 MB (#3)"),
    ("ssh: keypress p99 with 50", None, lambda v: v <= 100, "≤ 100 ms (#4)"),
    ("ssh: memory per session", None, lambda v: v <= 40, "≤ 40 MB (#4)"),
]


def num(s):
    try:
        return float(s)
    except ValueError:
        return None


def fmt(v, unit):
    if v is None:
        return ""
    if unit == "ms":
        return f"{v:.1f} ms" if v < 1000 else f"{v / 1000:.2f} s"
    if unit == "B":
        return f"{v:,.0f} B"
    if unit == "×":
        return f"{v:.2f}×"
    if unit in ("MB", "MB/s"):
        return f"{v:.1f} {unit}"
    if unit == "s":
        return f"{v:.1f} s"
    return f"{v:g} {unit}"


def main(path):
    rows, order, sizes = {}, [], set()
    for line in open(path, encoding="utf-8"):
        c = line.rstrip("\n").split("\t")
        if len(c) < 9:
            continue
        group, measure, size = c[0], c[1], int(c[2])
        key = (group, measure)
        if key not in rows:
            rows[key] = {}
            order.append(key)
        rows[key][size] = (num(c[3]), num(c[4]), num(c[5]), int(c[6]), c[7], c[8])
        sizes.add(size)
    sizes = sorted(sizes)
    # A group's measures together, groups in the order they first appear.
    first = {}
    for key in order:
        first.setdefault(key[0], len(first))
    order.sort(key=lambda key: first[key[0]])
    head = ["measure"] + [f"{s:,} summaries" for s in sizes] + ["growth", "budget"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    group = None
    for key in order:
        if key[0] != group:
            group = key[0]
            print(f"| **{group}** |" + " |" * (len(head) - 1))
        cells = []
        by = rows[key]
        for s in sizes:
            if s not in by:
                cells.append("")
                continue
            med, lo, hi, n, unit, note = by[s]
            cell = fmt(med, unit)
            if n > 1 and lo is not None and hi is not None:
                cell += f" ({fmt(lo, unit).split(' ')[0]}–{fmt(hi, unit)})"
            if note:
                cell += f"; {note}"
            cells.append(cell)
        present = [s for s in sizes if s in by and by[s][0]]
        growth = ""
        if len(present) > 1 and by[present[0]][4] not in ("×",):
            growth = f"{by[present[-1]][0] / by[present[0]][0]:.1f}× for {present[-1] // present[0]}× the weeks"
        budget = ""
        for prefix, at, test, text in BUDGETS:
            if key[1].startswith(prefix):
                checked = [s for s in present if at is None or s == at]
                if checked:
                    ok = all(test(by[s][0]) for s in checked)
                    budget = f"{text}: {'met' if ok else '**missed**'}"
                else:
                    budget = text
                break
        print("| " + " | ".join([key[1]] + cells + [growth, budget]) + " |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".build/bench/results.tsv")
