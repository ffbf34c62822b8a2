#!/usr/bin/env python3
"""Derives the benchmark query mix from a documents file (the JSONL that run.sh writes).

    python3 .bench/make-queries.py DOCS.jsonl OUT.tsv [--seed 6]

The committed mix (.bench/queries-v1.tsv) was made from the 10 MB corpus of `run.sh` (make-corpus.py
--size-mb 10 --seed 1) and is what every run uses, so that figures stay comparable; rerun this only
to make a new version of the mix (a new file name, queries-v2.tsv, never an edit in place).

Words are MeCab/IPADIC nouns (Debian mecab, mecab-ipadic-utf8) picked at log-spaced document
frequency ranks, from nouns in a third of the documents down to nouns in one; single characters by
character document frequency. Phrases are noun+noun or noun+particle+noun runs as they occur in the
text; sentences are whole sentences of the corpus without their final 。. Filters use the outlets,
dates and types of the corpus. Output columns: kind, q, type, outlet, from, to, sort, df (documents
of the source corpus containing q's first term as a substring, for information only).
"""
import argparse
import collections
import json
import math
import random
import re
import subprocess
import sys

NOUN_KINDS = ("一般", "固有名詞", "サ変接続")
SENTENCE = re.compile(r"[^。！？\n \u3000\"]{14,38}[。！？]")
JAPANESE = re.compile(r"^[\u3041-\u30ff\u4e00-\u9fff々ー]+$")


def read_docs(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def morphemes(docs):
    """Per document, the (surface, pos, pos1) list MeCab gives for title + body."""
    text = "".join((d["title"] + " " + d["body"]).replace("\n", " ") + "\n" for d in docs)
    out = subprocess.run(
        ["mecab", "-b", "1048576", "-d", "/var/lib/mecab/dic/ipadic-utf8"],
        input=text.encode("utf-8"),
        stdout=subprocess.PIPE,
        check=True,
    ).stdout.decode("utf-8")
    per_doc, cur = [], []
    for line in out.split("\n"):
        if line == "EOS":
            per_doc.append(cur)
            cur = []
        elif "\t" in line:
            surface, feat = line.split("\t", 1)
            f = feat.split(",")
            cur.append((surface, f[0], f[1] if len(f) > 1 else ""))
    if len(per_doc) != len(docs):
        sys.exit("mecab gave %d documents for %d" % (len(per_doc), len(docs)))
    return per_doc


def is_noun(m):
    return m[1] == "名詞" and m[2] in NOUN_KINDS and len(m[0]) >= 2 and JAPANESE.match(m[0])


def log_spaced(ranked, n, rng):
    """n distinct items of a frequency-ranked list, at log-spaced ranks from the top to the end."""
    picked, used = [], set()
    for i in range(n):
        r = int(round(math.exp(math.log(len(ranked)) * i / (n - 1)))) - 1
        r = min(len(ranked) - 1, max(0, r + rng.randrange(-1, 2)))
        while r in used and r + 1 < len(ranked):
            r += 1
        used.add(r)
        picked.append(ranked[r])
    return picked


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("docs")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=6)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    docs = read_docs(args.docs)
    texts = [d["title"] + "\n" + d["body"] for d in docs]
    per_doc = morphemes(docs)

    df = collections.Counter()
    for ms in per_doc:
        df.update({m[0] for m in ms if is_noun(m)})
    ranked = [w for w, _ in df.most_common()]
    chars = collections.Counter()
    for t in texts:
        chars.update({c for c in t if "\u4e00" <= c <= "\u9fff"})
    ranked_chars = [c for c, _ in chars.most_common()]

    rows = []

    def add(kind, q, type_="", outlet="", frm="", to="", sort=""):
        rows.append([kind, q, type_, outlet, frm, to, sort])

    words = log_spaced(ranked, 60, rng)
    for w in words:
        add("word", w)
    # a single kanji at log-spaced frequencies, and the katakana that every document has
    for c in log_spaced(ranked_chars, 8, rng) + ["ア", "ル"]:
        add("char", c)

    # two words that occur in the same document, one frequent and one from anywhere in the list
    pairs = set()
    while len(pairs) < 30:
        ms = per_doc[rng.randrange(len(docs))]
        nouns = sorted({m[0] for m in ms if is_noun(m)}, key=lambda w: -df[w])
        if len(nouns) < 4:
            continue
        a = nouns[rng.randrange(min(8, len(nouns)))]
        b = nouns[rng.randrange(len(nouns))]
        if a != b and not (a in b or b in a):
            pairs.add((a, b))
    for a, b in sorted(pairs, key=lambda p: rng.random()):
        add("and2", a + " " + b)

    # phrases: noun noun, or noun particle noun, as written
    phrases = set()
    while len(phrases) < 30:
        k = rng.randrange(len(docs))
        ms = per_doc[k]
        if len(ms) < 3:
            continue
        i = rng.randrange(len(ms) - 2)
        a, b, c = ms[i], ms[i + 1], ms[i + 2]
        if is_noun(a) and is_noun(b):
            p = a[0] + b[0]
        elif is_noun(a) and b[1] == "助詞" and b[0] in ("の", "を", "に", "が", "と") and is_noun(c):
            p = a[0] + b[0] + c[0]
        else:
            continue
        if JAPANESE.match(p) and p in texts[k]:
            phrases.add(p)
    for p in sorted(phrases, key=lambda p: rng.random()):
        add("phrase", '"' + p + '"')

    sentences = set()
    while len(sentences) < 10:
        pieces = re.split(r"(?<=[。！？])|\n", texts[rng.randrange(len(texts))])
        found = [s for s in pieces if SENTENCE.fullmatch(s) and JAPANESE.match(s[0])]
        if found:
            sentences.add(rng.choice(found)[:-1])
    for s in sorted(sentences, key=lambda s: rng.random()):
        add("sentence", s)

    # either-or and exclusion, words from the frequent half
    frequent = words[:30]
    extra = log_spaced(ranked, 40, random.Random(args.seed + 1))
    for _ in range(5):
        a, b = rng.sample(frequent, 2)
        add("or", a + " OR " + b)
    for _ in range(5):
        a, b = rng.sample(frequent, 2)
        add("not", a + " -" + b)

    outlets = collections.Counter(d["source"] for d in docs if d["source"])
    aliases = {"読売新聞": "読売", "朝日新聞": "朝日", "中日新聞": "中日", "毎日新聞": "毎日",
               "産経新聞": "産経", "日本経済新聞": "日経", "東京新聞": "東京"}
    common_outlets = [o for o, _ in outlets.most_common(12)]
    for i in range(12):
        o = common_outlets[i % len(common_outlets)]
        add("outlet", extra[i], outlet=aliases.get(o, o) if i % 2 == 0 else o)
    for o in common_outlets[:3]:
        add("outlet-list", "", outlet=aliases.get(o, o))

    years = sorted({d["date"][:4] for d in docs if d["date"]})
    for i in range(12):
        w = extra[12 + i % 18]
        y = years[rng.randrange(len(years))]
        if i % 3 == 0:
            add("date", w, frm=y + "-01-01", to=y + "-12-31")
        elif i % 3 == 1:
            m = rng.randrange(1, 13)
            add("date", w, frm="%s-%02d-01" % (y, m), to="%s-%02d-28" % (y, m))
        else:
            y = str(min(int(y), int(years[-1]) - 3))
            add("date", w, frm=y + "-04-01", to=str(int(y) + 3) + "-03-31")
    for i in range(12):
        w = words[rng.randrange(len(words))]
        add("newest", w, type_="article" if i % 3 == 0 else "", sort="newest")
    for i in range(4):
        w = words[rng.randrange(30)]
        add("type", w, type_="post" if i % 2 == 0 else "article")

    rng.shuffle(rows)
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write("# kirinuki benchmark query mix: made by .bench/make-queries.py from %s, seed %d\n"
                 % (args.docs.split("/")[-1], args.seed))
        fh.write("kind\tq\ttype\toutlet\tfrom\tto\tsort\tdf\n")
        for r in rows:
            first = re.sub(r'^"|"$', "", r[1].split(" ")[0]) if r[1] else ""
            n = sum(1 for t in texts if first in t) if first else len(docs)
            fh.write("\t".join(r + [str(n)]) + "\n")
    kinds = collections.Counter(r[0] for r in rows)
    print("%d queries: %s" % (len(rows), dict(kinds)), file=sys.stderr)


if __name__ == "__main__":
    main()
