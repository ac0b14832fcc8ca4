#!/usr/bin/env python3
"""Check the hand-kept place overlay against the generated GeoNames table.

Run from the package root (plain python3, no packages needed):

    python3 scripts/check_overlay.py

Reads Sources/BilanCore/Places/OverlayData.swift and GeoNamesData.swift and checks that
every overlay row has 12 tab-separated columns, a well-formed key, a known kind, country
and front flag, coordinates with at most 4 decimals, that every `gn:` key exists in
GeoNamesData, every parent exists, stems and admin1 sit only on the rows that may carry
them, and that every admin1 code used in GeoNamesData maps to exactly one overlay row.
Exits 1 and lists the problems if any; prints a one-line summary otherwise.
"""

import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
PLACES = os.path.join(HERE, "..", "Sources", "BilanCore", "Places")
KINDS = {"city", "town", "village", "oblast", "region", "direction"}
KEY_RE = re.compile(r"^(gn:\d+|(oblast|region|direction|city|town|village):[a-z0-9]+(-[a-z0-9]+)*)$")
COORD_RE = re.compile(r"^-?\d{1,3}(\.\d{1,4})?$")
ADMIN1_RE = re.compile(r"^(UA|RU)\.\d{2}$")


def literal(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    start = text.index('#"""\n') + len('#"""\n')
    end = text.index('\n"""#', start)
    return [l for l in text[start:end].split("\n") if l and not l.startswith("#")]


def fold(s):
    s = unicodedata.normalize("NFKD", s.replace("’", "'"))
    return "".join(ch for ch in s if not unicodedata.combining(ch)).lower()


def stop_words():
    with open(os.path.join(PLACES, "StopWords.swift"), encoding="utf-8") as f:
        return set(re.findall(r'"([^"]*)"', f.read()))


def main():
    errors, warnings = [], []
    geo = {}
    for l in literal(os.path.join(PLACES, "GeoNamesData.swift")):
        c = l.split("\t")
        if len(c) != 8:
            errors.append(f"GeoNamesData: {len(c)} columns: {l[:60]}")
            continue
        geo[c[0]] = c
    used_admin1 = {c[3] for c in geo.values()}
    stops = stop_words()

    rows = []
    for n, l in enumerate(literal(os.path.join(PLACES, "OverlayData.swift")), 1):
        c = l.split("\t")
        if len(c) != 12:
            errors.append(f"line {n}: {len(c)} columns, want 12: {l[:60]}")
            continue
        rows.append((n, c))
    keys = {}
    for n, c in rows:
        if c[0] in keys:
            errors.append(f"line {n}: duplicate key {c[0]} (first on line {keys[c[0]]})")
        keys[c[0]] = n

    admin1_owner = {}
    for n, c in rows:
        key, name, kind, parent, country, front, lat, lon, pop, admin1, stems, aliases = c
        where = f"line {n} ({key})"
        if c != [x.strip() for x in c]:
            errors.append(f"{where}: stray spaces around a column")
        if not KEY_RE.match(key):
            errors.append(f"{where}: malformed key")
        is_gn = key.startswith("gn:")
        if is_gn and key[3:] not in geo:
            errors.append(f"{where}: no such geonameid in GeoNamesData")
        if not is_gn:
            if not name:
                errors.append(f"{where}: a new place needs a name")
            if kind not in KINDS:
                errors.append(f"{where}: a new place needs a kind")
            if not (lat and lon):
                errors.append(f"{where}: a new place needs coordinates")
            if not country:
                errors.append(f"{where}: a new place needs a country")
            if kind in ("city", "town", "village", "direction") and not parent:
                warnings.append(f"{where}: no parent")
        if kind and kind not in KINDS:
            errors.append(f"{where}: unknown kind {kind!r}")
        if parent:
            if parent == key:
                errors.append(f"{where}: is its own parent")
            elif parent not in keys and not (parent.startswith("gn:") and parent[3:] in geo):
                errors.append(f"{where}: unknown parent {parent}")
        if country not in ("", "UA", "RU"):
            errors.append(f"{where}: country {country!r}")
        if front not in ("", "1"):
            errors.append(f"{where}: front must be 1 or empty")
        for v in (lat, lon):
            if v and not COORD_RE.match(v):
                errors.append(f"{where}: coordinate {v!r} (at most 4 decimals)")
        if lat and not -90 <= float(lat) <= 90 or lon and not -180 <= float(lon) <= 180:
            errors.append(f"{where}: coordinates out of range")
        if pop and not pop.isdigit():
            errors.append(f"{where}: population {pop!r}")
        if admin1:
            if kind not in ("oblast", "region"):
                errors.append(f"{where}: admin1 only on oblast/region rows")
            for code in admin1.split("|"):
                if not ADMIN1_RE.match(code):
                    errors.append(f"{where}: admin1 code {code!r}")
                elif code in admin1_owner:
                    errors.append(f"{where}: admin1 {code} also on {admin1_owner[code]}")
                else:
                    admin1_owner[code] = key
                    if code not in used_admin1:
                        warnings.append(f"{where}: admin1 {code} has no GeoNames place")
        if stems and kind not in ("oblast", "direction"):
            errors.append(f"{where}: stems only on oblast/direction rows")
        for col, text in (("stems", stems), ("aliases", aliases)):
            if not text:
                continue
            for a in text.split("|"):
                if not a or a != a.strip():
                    errors.append(f"{where}: empty or padded entry in {col}")
                elif col == "aliases" and fold(a) in stops:
                    warnings.append(f"{where}: {col} entry {a!r} is a stop word, never matched")
        for col in c:
            if '"#' in col:
                errors.append(f"{where}: '\"#' would end the string literal")

    for code in sorted(used_admin1 - set(admin1_owner)):
        errors.append(f"admin1 {code} (used in GeoNamesData) maps to no overlay row")

    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    if errors:
        sys.exit(1)
    front = sum(1 for _, c in rows if c[5] == "1")
    print(f"overlay OK: {len(rows)} rows ({front} front), "
          f"{sum(1 for _, c in rows if c[0].startswith('gn:'))} amend GeoNames, "
          f"{len(admin1_owner)} admin1 codes mapped")


if __name__ == "__main__":
    main()
