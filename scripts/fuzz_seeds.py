#!/usr/bin/env python3
"""Writes the seed corpus of one fuzz target from the test fixtures (scripts/fuzz calls it).

    scripts/fuzz_seeds.py TARGET DIR
"""
import glob
import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))


def texts():
    paths = sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt")) + glob.glob(os.path.join(ROOT, "Tests/Fixtures/*/*.txt")))
    return [open(p, "rb").read() for p in paths]


def sentences():
    out = []
    for t in texts():
        for line in t.decode("utf-8", "replace").split("\n")[1:]:
            for s in line.replace(". ", ".\n").split("\n"):
                if len(s) > 8:
                    out.append(s.encode())
    return out


QUERIES = ["drones", "Kursk", "\"nord-coréens\"", "drone -capitale", "Selydove OR Koursk", "\"unclosed", "-", "OR OR",
           "a*b", "NEAR(a b)", "col:drones", "^drones", "'", "\"\"", "quinz", "Tchassiv Iar", "3 000", "x AND y",
           "((", "Shahed-136", "l’oblast d’Avdiivka"]


def main():
    target, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    if target == "parser":
        items = texts()
    elif target in ("numbers", "places", "words"):
        items = sentences()
    elif target == "html":
        items = [open(p, "rb").read() for p in sorted(glob.glob(os.path.join(ROOT, "Tests/Fixtures/html/*")))]
    elif target == "query":
        items = [q.encode() for q in QUERIES]
    elif target == "browser":
        # Keys by index into the target's table: a walk through every view, searches, resizes.
        items = [bytes([21, 22, 30, 8, 31, 8, 32, 8, 33]), bytes([25] + [40] * 8 + [8, 0xF0, 40, 12, 36, 24]),
                 bytes([26, 29, 41, 42, 43, 8, 27, 8, 34, 35, 36]), bytes([0xF1, 20, 6, 21, 0xF2, 200, 60, 30, 8, 0xE9, 0xEB])]
    else:
        sys.exit("no seeds for " + target)
    for i, data in enumerate(items):
        with open(os.path.join(out, "seed-%04d" % i), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
