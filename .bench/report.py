#!/usr/bin/env python3
"""Prints the Markdown tables of a benchmark run: python3 .bench/report.py RUN/results.json"""
import json
import sys


def f(x, d=2):
    if x is None:
        return "–"
    if isinstance(x, str):
        return x
    return ("%." + str(d) + "f") % x


def ratio(a, b, d=2):
    return f(a / b, d) + "×" if a is not None and b else "–"


def table(head, rows):
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def cores_busy(run):
    """CPU seconds over wall seconds of an indexing run. A one-thread run keeps more than one core
    busy (JIT compilers, GC, merges), so on 2 cores two threads can be at most 2 / this as fast."""
    return run["cpu_s"] / run["seconds"]


def main():
    res = json.load(open(sys.argv[1]))
    m = res["machine"]
    sizes = list(res["sizes"])
    p = print
    p("Machine: %s × %d (`nproc` %d), %s GiB RAM, Linux %s, %s; %s; %s; %s; %s. Run %s, commit "
      "%s, load average %s at the start and %s at the end; took %.0f min (`%s`)."
      % (m["cpu"], m["nproc"], m["nproc"], m["ram_gib"], m["kernel"], m["os"],
         " ".join(m["java"][:1]).replace('"', ""), m["groonga"], m["wrk"], m["grep"], m["date"],
         m["commit"], "/".join(m["loadavg_start"]), "/".join(m.get("loadavg_end", ["?"])),
         res.get("elapsed_s", 0) / 60, res["command"]))
    p()
    p("**Corpus** (make-corpus.py, seed 1; documents = posts + distinct quoted articles):\n")
    rows = []
    for s in sizes:
        c = res["sizes"][s]["corpus"]
        rows.append([s + " MB", c["files"], f(c["file_bytes"] / 1e6, 1), c["posts"],
                     c["articles"], c["documents"], f(c["text_bytes"] / 1e6, 1)])
    p(table(["corpus", "page files", "pages MB", "posts", "articles", "documents",
             "title+body MB"], rows))
    p()
    p("**Indexing** (MB/s over the title+body text; medians; limit = Kuromoji alone in "
      "kirinuki's configuration over the same text, same run):\n")
    rows = []
    for s in sizes:
        r = res["sizes"][s]
        idx, lim, gr = r.get("index", {}), r.get("limit", {}), r.get("groonga", {})
        for t in ("1", "2"):
            if t not in idx:
                continue
            i = idx[t]
            l = lim.get("tokenize/" + t, {}).get("mb_per_s")
            a = lim.get("analysis/" + t, {}).get("mb_per_s")
            gm = gr.get("mecab", {}).get("mb_per_s")
            gb = gr.get("bigram", {}).get("mb_per_s")
            rows.append([s + " MB", t, "**%s**" % f(i["mb_per_s"]), f(i["docs_per_s"], 0),
                         f(i["cpu_s"], 0), f(cores_busy(i)), f(l),
                         ratio(i["mb_per_s"], l), f(a),
                         "%s (ceiling %s×)" % (ratio(i["mb_per_s"], idx["1"]["mb_per_s"]),
                                               f(2 / cores_busy(idx["1"]))) if t == "2" else "",
                         f(gm), ratio(i["mb_per_s"], gm) if gm else "", f(gb),
                         f(i["index_bytes"] / 1e6, 1), f(i["index_over_text"], 2) + "×",
                         f(i.get("heap_after_gc_max_mb"), 0), i["runs"]])
    p(table(["corpus", "threads", "kirinuki MB/s", "docs/s", "CPU s", "cores busy",
             "Kuromoji limit MB/s",
             "kirinuki / limit", "kirinuki analysis alone MB/s", "2 thr / 1 thr",
             "Groonga TokenMecab MB/s", "kirinuki / Mecab", "Groonga TokenBigram MB/s",
             "index MB", "index / text", "peak heap after GC MB (-Xmx1g)", "runs"], rows))
    gs = []
    for s in sizes:
        for tok, g in res["sizes"][s].get("groonga", {}).items():
            gs.append("%s MB %s: load %s s + index %s s, index %s MB (%s× text)" % (
                s, tok, f(g["load_s"], 1), f(g["index_s"], 1), f(g["index_bytes"] / 1e6, 1),
                f(g["index_over_text"], 2)))
    if gs:
        p("\nGroonga offline builds: " + "; ".join(gs) + ".")
    p()
    p("**Queries over HTTP** (top 10 with snippets; wrk closed loop on the same 2 cores, "
      "medians over rounds; kirinuki also counts facets):\n")
    rows = []
    for s in sizes:
        h = res["sizes"][s].get("http")
        if not h:
            continue
        k = h["systems"]["kirinuki"]["summary"]
        gm = h["systems"].get("groonga-mecab", {}).get("summary", {})
        gb = h["systems"].get("groonga-bigram", {}).get("summary", {})
        for c in k:
            rows.append([s + " MB", c, "**%s**" % f(k[c]["qps"], 0), f(k[c]["p50_ms"]),
                         f(k[c]["p95_ms"]), f(k[c]["p99_ms"]), k[c]["errors"],
                         f(gm.get(c, {}).get("qps"), 0), f(gm.get(c, {}).get("p99_ms")),
                         f(gb.get(c, {}).get("qps"), 0), f(gb.get(c, {}).get("p99_ms")),
                         ratio(k[c]["qps"], gm.get(c, {}).get("qps"))])
    p(table(["corpus", "clients", "kirinuki QPS", "p50 ms", "p95 ms", "p99 ms", "errors",
             "Groonga Mecab QPS", "p99 ms", "Groonga Bigram QPS", "p99 ms",
             "kirinuki / Mecab QPS"], rows))
    p()
    p("**Per kind of query**, one client, median over the kind's queries of each query's median "
      "time (ms); grep = `grep -c -F` over the same title+body text:\n")
    rows = []
    for s in sizes:
        h = res["sizes"][s].get("http")
        if not h:
            continue
        g = res["sizes"][s].get("grep", {}).get("per_query", [])
        sy = h["systems"]
        for kind, v in sy["kirinuki"]["latency_by_kind"].items():
            gk = [x["ms"] for x in g if x["kind"] == kind]
            gms = sorted(gk)[len(gk) // 2] if gk else None
            rows.append([s + " MB", kind, v["n"], f(v["median_ms"]), f(v["max_ms"]),
                         f(sy.get("groonga-mecab", {}).get("latency_by_kind", {}).get(kind, {})
                           .get("median_ms")),
                         f(sy.get("groonga-bigram", {}).get("latency_by_kind", {}).get(kind, {})
                           .get("median_ms")),
                         f(gms, 1), ratio(gms, v["median_ms"], 0) if gms else ""])
    p(table(["corpus", "kind", "queries", "kirinuki ms", "kirinuki max ms", "Mecab ms",
             "Bigram ms", "grep ms", "grep / kirinuki"], rows))
    p()
    rows = []
    for s in sizes:
        h = res["sizes"][s].get("http")
        if not h:
            continue
        rc = h.get("recall_vs_grep", {})
        wg = h.get("word_vs_grep", {})
        bad = len(h["systems"]["kirinuki"]["bad"])
        rows.append([s + " MB", f(h["coldstart_median_s"]), " / ".join(f(x) for x in
                                                                      h["coldstart_s"]),
                     f(h.get("coldstart_noaot_median_s")),
                     f(h["heap_after_first_mb"], 0), f(h["heap_after_load_mb"], 0),
                     f(h["heap_live_after_gc_mb"], 0), f(h["rss_mb"], 0),
                     "%s× (min %s×)" % (f(wg.get("median_speedup"), 0),
                                        f(wg.get("min_speedup"), 0)),
                     "%s of %s" % (rc.get("at_least_grep"), rc.get("queries")), bad])
    p("**Cold start, memory, one-word queries against grep, recall** (`serve` with %s and the "
      "AOT cache `mvn package` writes, as the README starts it; from process start to the first "
      "answered search, page cache warm; and the same without the cache, `java -jar` alone):\n"
      % "-Xmx512m")
    p(table(["corpus", "ready s (median)", "runs", "ready s without AOT cache",
             "heap MB after 1st query",
             "heap MB after load", "live heap MB after GC", "RSS MB",
             "one-word query vs grep", "queries finding ≥ grep's count", "failed queries"], rows))
    for s in sizes[-1:]:
        h = res["sizes"][s].get("http")
        if not h:
            continue
        k = h["systems"]["kirinuki"]
        mix = k.get("queries") or []
        slow = sorted(zip(k["latency_ms"], range(len(k["latency_ms"]))), reverse=True)[:8]
        if mix:
            p()
            p("Slowest kirinuki queries at one client on %s MB: %s." % (s, "; ".join(
                "%s `%s` %s ms (%s hits)" % (mix[i]["kind"], describe(mix[i]), f(ms, 1),
                                              k["hits"][i]) for ms, i in slow)))
    if res.get("jmh"):
        p()
        p("**JMH** (mean ± error; AnalyzerBenchmark over the 10 MB corpus, `mb` = MB/s):\n")
        rows = []
        for b, rs in res["jmh"].items():
            if isinstance(rs, dict):
                rows.append([b, "", rs.get("error"), "", ""])
                continue
            for r in rs:
                params = ", ".join("%s=%s" % kv for kv in r["params"].items() if kv[0] != "mix")
                rows.append([b + "." + r["benchmark"], params, f(r["score"], 1) + " ± " +
                             f(r["error"], 1), r["unit"],
                             ", ".join("%s %s/s" % (k, f(v, 2))
                                       for k, v in r.get("secondary", {}).items())])
        p(table(["benchmark", "params", "score", "unit", "counters"], rows))
    if res.get("profiles"):
        p()
        p("**Profiles** (JFR execution samples; share of all samples by part, then the busiest "
          "methods by self time):\n")
        for name, prof in res["profiles"].items():
            p("- `%s` (%d samples): %s" % (name, prof["samples"], ", ".join(
                "%s %s%%" % (k, v) for k, v in prof["parts"][:10])))
            p("  - threads: " + ", ".join("%s %s%%" % (k, v) for k, v in prof["threads"][:8]))
            p("  - self: " + ", ".join("`%s` %s%%" % (k.split("/")[-1], v)
                                      for k, v in prof["self"][:8]))
    p()
    p("**Targets**:\n")
    rows = []
    for s in sizes:
        r = res["sizes"][s]
        idx, lim, gr, h = r.get("index"), r.get("limit"), r.get("groonga"), r.get("http")
        if idx and lim:
            a, b = idx["1"]["mb_per_s"], lim["tokenize/1"]["mb_per_s"]
            rows.append([s + " MB", "indexing 1 thread ≥ 0.5× Kuromoji limit",
                         "%s vs %s MB/s = %s" % (f(a), f(b), ratio(a, b)), ok(a >= 0.5 * b)])
        if idx and "2" in idx:
            a, b = idx["2"]["mb_per_s"], idx["1"]["mb_per_s"]
            rows.append([s + " MB", "indexing 2 threads ≥ 1.7× 1 thread",
                         "%s vs %s MB/s = %s (at most %s× on 2 cores: the one-thread run kept %s"
                         " cores busy)" % (f(a), f(b), ratio(a, b), f(2 / cores_busy(idx["1"])),
                                           f(cores_busy(idx["1"]))),
                         ok(a >= 1.7 * b)])
        for t in ("1", "2"):
            if idx and t in idx and gr and "mecab" in gr:
                a, b = idx[t]["mb_per_s"], gr["mecab"]["mb_per_s"]
                rows.append([s + " MB", "indexing (%s thread%s) ≥ Groonga TokenMecab offline"
                             % (t, "" if t == "1" else "s"),
                             "%s vs %s MB/s = %s" % (f(a), f(b), ratio(a, b)), ok(a >= b)])
        if h and "groonga-mecab" in h["systems"] and "4" in h["systems"]["kirinuki"]["summary"]:
            a = h["systems"]["kirinuki"]["summary"]["4"]["qps"]
            b = h["systems"]["groonga-mecab"]["summary"]["4"]["qps"]
            rows.append([s + " MB", "QPS at 4 clients ≥ 2× Groonga TokenMecab",
                         "%s vs %s = %s" % (f(a, 0), f(b, 0), ratio(a, b)), ok(a >= 2 * b)])
        if h and "4" in h["systems"]["kirinuki"]["summary"] and s in ("100", "1000"):
            a = h["systems"]["kirinuki"]["summary"]["4"]["p99_ms"]
            lim_ms = 15 if s == "100" else 50
            rows.append([s + " MB", "p99 at 4 clients ≤ %d ms" % lim_ms, f(a) + " ms",
                         ok(a <= lim_ms)])
        if h and s == "1000" and h.get("word_vs_grep"):
            a = h["word_vs_grep"]["median_speedup"]
            rows.append([s + " MB", "one-word query ≥ 100× faster than grep -F",
                         "median %s× (slowest word %s×)" % (f(a, 0),
                                                            f(h["word_vs_grep"]["min_speedup"], 0)),
                         ok(a >= 100)])
        if h and s == "1000":
            a = h["coldstart_median_s"]
            rows.append([s + " MB", "serve ready ≤ 1.5 s, heap ≤ 512 MB",
                         "%s s (%s s without the AOT cache); -Xmx512m, %s MB used after load"
                         % (f(a), f(h.get("coldstart_noaot_median_s")),
                            f(h["heap_after_load_mb"], 0)), ok(a <= 1.5)])
    p(table(["corpus", "target", "measured", "met"], rows))


def describe(row):
    extra = ["%s=%s" % (k, row[k]) for k in ("type", "outlet", "from", "to", "sort") if row[k]]
    return " ".join([row["q"] or '""'] + extra)


def ok(b):
    return "yes" if b else "**no**"


if __name__ == "__main__":
    main()
