#!/usr/bin/env python3
"""The kirinuki benchmark (issue 6). Start it with .bench/run.sh, which builds the jar and the test
classes first and passes the classpath; `.bench/run.sh --help` lists the options.

Per corpus size (MB of blog pages from /work/shared/corpus/make-corpus.py, seed 1):
  corpus    generate the pages (reused when present: the generator is deterministic)
  parse     `kirinuki parse --json` -> documents file (one line per post and per distinct article:
            id, type, title, body, source = outlet, date), the peers' input
  limit     Kuromoji alone in kirinuki's configuration over the same title+body text, 1 and 2
            threads, fresh JVMs (io.kirinuki.bench.TokenizerLimitBenchmark)
  index     `kirinuki index --full --threads N` for N = 1, 2; MB/s, documents/s, index size
  groonga   Groonga offline build (load, then index column) with TokenMecab and TokenBigram,
            NormalizerNFKC150; MB/s and index size
  grep      `grep -c -F` per text query over the same title+body text (LC_ALL=C)
  http      kirinuki serve -Xmx512m: cold start to the first answer (3 fresh JVMs), heap in use;
            every query validated once on kirinuki and both Groonga servers; per-query latency at
            one client; then wrk at 1, 2, 4, 8 clients, rounds interleaving the three servers
Once per run: JMH (QueryBuilderBenchmark, and AnalyzerBenchmark when present).
Everything goes under /tmp/kirinuki-bench; results.json and results.md in the run folder.
"""
import argparse
import datetime as dt
import http.client
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
JDK = os.environ.get("KIRINUKI_JDK", "/usr/lib/jvm/temurin-25-jdk-amd64")
JAVA = os.path.join(JDK, "bin", "java")
JCMD = os.path.join(JDK, "bin", "jcmd")
JFR = os.path.join(JDK, "bin", "jfr")
JAR = os.path.join(ROOT, "target", "kirinuki.jar")
# The AOT cache `mvn package` writes beside the jar, and the other flags of the README's command
# line (explained under its first two commands): the parallel collector, huge pages, and the cache
# without its training profiles.
AOT = os.path.join(ROOT, "target", "kirinuki.aot")
JVM_FLAGS = ["-XX:+UseParallelGC", "-XX:+UseTransparentHugePages", "-XX:+UnlockDiagnosticVMOptions",
             "-XX:-AOTReplayTraining"]


def kirinuki_flags(aot=True):
    """The JVM flags of every kirinuki command the benchmark runs, with or without the AOT cache."""
    return JVM_FLAGS + (["-XX:AOTCache=" + AOT] if aot and os.path.exists(AOT) else [])


WORK = "/tmp/kirinuki-bench"
MAKE_CORPUS = "/work/shared/corpus/make-corpus.py"
SOURCE_TEXT = "/tmp/ja-src"
QUERIES = os.path.join(HERE, "queries-v1.tsv")
CORPUS_SEED = 1
SERVE_HEAP = "-Xmx512m"
KIRINUKI_PORT = 18070
GROONGA_PORTS = {"mecab": 18041, "bigram": 18042}
GROONGA_TOKENIZERS = {"mecab": "TokenMecab", "bigram": "TokenBigram"}
GROONGA_NORMALIZER = "NormalizerNFKC150"  # Groonga 13's newest NFKC table; it has no plain NFKC
# the mix writes some outlets by alias, as users do; Groonga stores the canonical name
OUTLET_ALIASES = {"読売": "読売新聞", "朝日": "朝日新聞", "中日": "中日新聞", "毎日": "毎日新聞",
                  "産経": "産経新聞", "日経": "日本経済新聞", "東京": "東京新聞"}
TEXT_KINDS = ("word", "char", "and2", "phrase", "sentence", "or", "not")
LOG = None


# ---------------------------------------------------------------- small helpers

def log(msg):
    line = "[%s load %s] %s" % (time.strftime("%H:%M:%S"), loadavg(), msg)
    print(line, flush=True)
    if LOG:
        LOG.write(line + "\n")
        LOG.flush()


def loadavg():
    with open("/proc/loadavg") as fh:
        return fh.read().split()[0]


def run(cmd, **kw):
    """Runs cmd; returns (seconds, user+sys CPU seconds of it and its children, completed)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, **kw)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_utime + usage.ru_stime, proc


def dir_bytes(path):
    """Bytes allocated on disk, like du: Groonga's files are sparse, so their length overstates."""
    total = 0
    for base, _, files in os.walk(path):
        for f in files:
            try:
                total += os.stat(os.path.join(base, f)).st_blocks * 512
            except OSError:
                pass
    return total


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def pctl(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, int(round(p / 100 * len(xs))) - 1))] if xs else None


def wait_port(port, proc, timeout):
    t_end = time.time() + timeout
    while time.time() < t_end:
        if proc.poll() is not None:
            raise RuntimeError("server exited with %s" % proc.returncode)
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("port %d not open after %ds" % (port, timeout))


def stop(proc):
    if proc and proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def machine():
    def out(cmd):
        try:
            return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True).stdout.strip()
        except OSError:
            return "n/a"
    mem = out(["grep", "MemTotal", "/proc/meminfo"]).split()
    model = re.sub(r"\s+", " ", out(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"]))
    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": int(out(["nproc"])),
        "cpu": model.strip(),
        "ram_gib": round(int(mem[1]) / 1024 / 1024, 1) if len(mem) > 1 else None,
        "kernel": out(["uname", "-r"]),
        "os": out(["sh", "-c", ". /etc/os-release; echo $PRETTY_NAME"]),
        "java": out([JAVA, "-version"]).splitlines()[0:3],
        "groonga": out(["groonga", "--version"]).splitlines()[0].split(" [")[0],
        "wrk": out(["wrk", "-v"]).splitlines()[0].split(" [")[0],
        "grep": out(["grep", "--version"]).splitlines()[0],
        "commit": out(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"]),
        "loadavg_start": open("/proc/loadavg").read().split()[:3],
    }


# ---------------------------------------------------------------- corpus and documents

def make_corpus(size):
    d = os.path.join(WORK, "corpus", "%dm" % size)
    if not os.path.exists(os.path.join(d, "POSTS.tsv")):
        if not os.path.isdir(os.path.join(SOURCE_TEXT, "text")):
            log("fetching the source text into %s" % SOURCE_TEXT)
            subprocess.run(["bash", "/work/shared/corpus/fetch-text.sh", SOURCE_TEXT], check=True)
        shutil.rmtree(d, ignore_errors=True)
        log("generating %d MB corpus in %s" % (size, d))
        subprocess.run([sys.executable, MAKE_CORPUS, "--source-dir", SOURCE_TEXT, "--out", d,
                        "--size-mb", str(size), "--seed", str(CORPUS_SEED)], check=True,
                       stdout=subprocess.DEVNULL)
    files = [os.path.join(b, f) for b, _, fs in os.walk(d) for f in fs if f.endswith(".txt")]
    return d, len(files), sum(os.path.getsize(f) for f in files)


def parse_documents(size, corpus_dir, data):
    """kirinuki parse --json -> docs.jsonl (peers' format plus type) and grep.txt."""
    parsed = os.path.join(data, "parsed.jsonl")
    with open(parsed, "w") as out, open(os.path.join(data, "parse.err"), "w") as err:
        secs, cpu, p = run([JAVA, "-jar", JAR, "parse", "--json", corpus_dir], stdout=out,
                           stderr=err)
    if p.returncode not in (0, 1):
        raise RuntimeError("kirinuki parse failed (%d), see %s/parse.err" % (p.returncode, data))
    posts = articles = dup_articles = text_bytes = 0
    seen = set()
    with open(parsed, encoding="utf-8") as fh, \
            open(os.path.join(data, "docs.jsonl"), "w", encoding="utf-8") as docs, \
            open(os.path.join(data, "grep.txt"), "w", encoding="utf-8") as grep:
        def emit(doc):
            nonlocal text_bytes
            docs.write(json.dumps(doc, ensure_ascii=False) + "\n")
            # one line per document: title TAB body, line breaks as spaces (grep counts lines)
            grep.write((doc["title"] + "\t" + doc["body"]).replace("\n", " ").replace("\r", " ")
                       + "\n")
            text_bytes += len(doc["title"].encode()) + len(doc["body"].encode())
        for line in fh:
            post = json.loads(line)
            posts += 1
            emit({"id": post["id"], "type": "post", "title": post.get("title") or "",
                  "body": post.get("commentary") or "", "source": "", "date": post.get("date") or ""})
            for a in post.get("articles", []):
                if a["id"] in seen:
                    dup_articles += 1
                    continue
                seen.add(a["id"])
                articles += 1
                emit({"id": a["id"], "type": "article", "title": a.get("title") or "",
                      "body": a.get("body") or "", "source": a.get("outlet") or "",
                      "date": a.get("date") or ""})
    return {"posts": posts, "articles": articles, "quoted_again": dup_articles,
            "documents": posts + articles, "text_bytes": text_bytes, "parse_s": round(secs, 2)}


# ---------------------------------------------------------------- the analysis limit

def tokenizer_limit(size, data, cfg, out_dir):
    """Fresh JVMs per configuration; kirinuki's whole analysis (slow) only on the smaller sizes."""
    results = []
    configs = cfg.limit_configs if size <= 100 else cfg.limit_configs[:1]
    forks = cfg.limit_forks if size <= 100 else 1
    runs = cfg.limit_runs if size <= 10 else 1
    for fork in range(forks):
        for config in configs:
            if config != "tokenize" and fork > 0 and size > 10:
                continue
            path = os.path.join(out_dir, "limit-%s-fork%d.jsonl" % (config, fork))
            with open(path, "w") as out:
                # the same collector as kirinuki's commands, so that the ratio is the code's
                _, _, p = run([JAVA, "-Xms2g", "-Xmx6g"] + JVM_FLAGS + ["-cp", cfg.classpath,
                               "io.kirinuki.bench.TokenizerLimitBenchmark",
                               os.path.join(data, "docs.jsonl"), "--configs", config,
                               "--threads", ",".join(map(str, cfg.index_threads)),
                               "--runs", str(runs), "--warmup-mb", str(cfg.warmup_mb)],
                              stdout=out, stderr=subprocess.DEVNULL)
            if p.returncode != 0:
                raise RuntimeError("TokenizerLimitBenchmark failed, see " + path)
            with open(path) as fh:
                results += [json.loads(l) for l in fh if l.startswith("{")]
    summary = {}
    for config in configs:
        for n in cfg.index_threads:
            rs = [r for r in results if r["config"] == config and r["threads"] == n]
            mbs = [r["mb_per_s"] for r in rs]
            summary["%s/%d" % (config, n)] = {
                "mb_per_s": round(median(mbs), 2), "min": round(min(mbs), 2),
                "max": round(max(mbs), 2), "runs": len(rs),
                "docs_per_s": round(rs[0]["docs"] / median([r["seconds"] for r in rs]), 1),
                "tokens": rs[0]["tokens"]}
            log("limit %s threads=%d: %.2f MB/s [%.2f..%.2f] over %d runs" % (
                config, n, median(mbs), min(mbs), max(mbs), len(rs)))
    return summary


# ---------------------------------------------------------------- kirinuki index

def kirinuki_index(size, corpus_dir, data, docs, cfg, out_dir):
    res = {}
    for n in cfg.index_threads:
        idx = os.path.join(data, "index-t%d" % n)
        runs = []
        reps = cfg.index_reps if size <= 10 else 1
        if cfg.reuse and os.path.exists(os.path.join(idx, "bench-run.json")):
            with open(os.path.join(idx, "bench-run.json")) as fh:
                res[str(n)] = dict(json.load(fh), reused=True)
            log("index threads=%d: reusing %s" % (n, idx))
            continue
        for rep in range(reps):
            shutil.rmtree(idx, ignore_errors=True)
            logf = os.path.join(out_dir, "index-%dm-t%d-%d.log" % (size, n, rep))
            # The heap bound of issue 7: every indexing run under -Xmx1g, its GC log kept.
            gclog = logf[:-4] + ".gc.log"
            jvm = [JAVA, "-Xmx1g", "-Xlog:gc:file=" + gclog] + kirinuki_flags()
            if cfg.profile and rep == 0:
                jvm += ["-XX:FlightRecorderOptions=stackdepth=1024",
                        "-XX:StartFlightRecording=filename=%s,settings=profile" %
                        os.path.join(out_dir, "index-%dm-t%d.jfr" % (size, n))]
            with open(logf, "w") as lf:
                secs, cpu, p = run(jvm + ["-jar", JAR, "index", "--index", idx, "--full",
                                          "--threads", str(n), corpus_dir],
                                   stdout=lf, stderr=subprocess.STDOUT)
            summary = open(logf, encoding="utf-8").read().strip().splitlines()
            summary = [l for l in summary if " files (" in l]
            if p.returncode not in (0, 1):
                raise RuntimeError("kirinuki index failed, see " + logf)
            r = {"seconds": round(secs, 2), "cpu_s": round(cpu, 2),
                 "mb_per_s": round(docs["text_bytes"] / 1e6 / secs, 3),
                 "file_mb_per_s": round(cfg.file_bytes[size] / 1e6 / secs, 3),
                 "docs_per_s": round(docs["documents"] / secs, 1),
                 "index_bytes": dir_bytes(idx), "summary": summary[-1] if summary else "",
                 "exit": p.returncode, "heap_after_gc_max_mb": heap_after_gc_max(gclog)}
            runs.append(r)
            log("index %d MB threads=%d rep %d: %.1f s, %.2f MB/s text, CPU %.1f s, index %.1f MB"
                % (size, n, rep, secs, r["mb_per_s"], cpu, r["index_bytes"] / 1e6))
        best = {k: median([r[k] for r in runs]) for k in
                ("seconds", "cpu_s", "mb_per_s", "file_mb_per_s", "docs_per_s", "index_bytes")}
        best.update(runs=len(runs), all_mb_per_s=[r["mb_per_s"] for r in runs],
                    heap_after_gc_max_mb=max((r["heap_after_gc_max_mb"] or 0) for r in runs),
                    summary=runs[-1]["summary"], exit=runs[-1]["exit"])
        best["index_over_text"] = round(best["index_bytes"] / docs["text_bytes"], 3)
        with open(os.path.join(idx, "bench-run.json"), "w") as fh:
            json.dump(best, fh)
        res[str(n)] = best
    stats = subprocess.run([JAVA, "-jar", JAR, "stats", "--json", "--index",
                            os.path.join(data, "index-t%d" % cfg.index_threads[-1])],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
    try:
        res["stats"] = json.loads(stats.strip().splitlines()[0])
    except (ValueError, IndexError):
        res["stats"] = stats.strip()
    return res


def heap_after_gc_max(gclog):
    """The largest heap in use right after a collection (the live set, roughly), in MB."""
    peak = None
    try:
        with open(gclog) as fh:
            for line in fh:
                m = re.search(r"Pause.*?(\d+)M->(\d+)M\(\d+M\)", line)
                if m:
                    peak = max(peak or 0, int(m.group(2)))
    except OSError:
        return None
    return peak


# ---------------------------------------------------------------- Groonga

def groonga_build(size, data, docs, cfg, out_dir):
    load = os.path.join(data, "groonga-load.grn")
    epoch = dt.date(1970, 1, 1)
    with open(os.path.join(data, "docs.jsonl"), encoding="utf-8") as fh, \
            open(load, "w", encoding="utf-8") as out:
        out.write("load --table Docs\n[\n")
        first = True
        for line in fh:
            d = json.loads(line)
            date = (dt.date.fromisoformat(d["date"]) - epoch).days * 86400 if d["date"] else 0
            rec = {"_key": d["id"], "type": d["type"], "title": d["title"], "body": d["body"],
                   "source": d["source"], "date": date}
            out.write(("" if first else ",\n") + json.dumps(rec, ensure_ascii=False))
            first = False
        out.write("\n]\n")
    with open(os.path.join(data, "mecabrc"), "w") as fh:
        fh.write("dicdir = /var/lib/mecab/dic/ipadic-utf8\n")
    os.environ["MECABRC"] = os.path.join(data, "mecabrc")
    res = {}
    for tok in cfg.groonga_tokenizers:
        runs = []
        dbdir = os.path.join(data, "groonga-" + tok)
        if cfg.reuse and os.path.exists(os.path.join(dbdir, "bench-run.json")):
            with open(os.path.join(dbdir, "bench-run.json")) as fh:
                res[tok] = dict(json.load(fh), reused=True)
            log("groonga %s: reusing %s" % (tok, dbdir))
            continue
        for rep in range(cfg.groonga_reps if size <= 10 else 1):
            shutil.rmtree(dbdir, ignore_errors=True)
            os.makedirs(dbdir)
            db = os.path.join(dbdir, "db")
            schema = ("plugin_register tokenizers/mecab\n" if tok == "mecab" else "") + (
                "table_create Docs TABLE_HASH_KEY ShortText\n"
                "column_create Docs type COLUMN_SCALAR ShortText\n"
                "column_create Docs title COLUMN_SCALAR ShortText\n"
                "column_create Docs body COLUMN_SCALAR LongText\n"
                "column_create Docs source COLUMN_SCALAR ShortText\n"
                "column_create Docs date COLUMN_SCALAR Time\n")
            subprocess.run(["groonga", "-n", db], input=schema.encode(), check=True,
                           stdout=subprocess.DEVNULL)
            with open(load, "rb") as inp:
                load_s, load_cpu, p = run(["groonga", db], stdin=inp, stdout=subprocess.PIPE)
                out = p.stdout.read().decode()
            n = re.findall(r"\],(\d+)\]\s*$", out)
            if not n or int(n[-1]) != docs["documents"]:
                raise RuntimeError("groonga loaded %s of %d documents" % (n, docs["documents"]))
            data_bytes = dir_bytes(dbdir)
            index = ("table_create Terms TABLE_PAT_KEY ShortText --default_tokenizer %s "
                     "--normalizer %s\n"
                     "column_create Terms docs_index COLUMN_INDEX|WITH_POSITION|WITH_SECTION "
                     "Docs title,body\n" % (GROONGA_TOKENIZERS[tok], GROONGA_NORMALIZER)
                     + "table_create Sources TABLE_HASH_KEY ShortText\n"
                     "column_create Sources docs_source COLUMN_INDEX Docs source\n"
                     "table_create Dates TABLE_PAT_KEY Time\n"
                     "column_create Dates docs_date COLUMN_INDEX Docs date\n")
            t0 = time.perf_counter()
            out = subprocess.run(["groonga", db], input=index.encode(), stdout=subprocess.PIPE,
                                 check=True).stdout.decode()
            index_s = time.perf_counter() - t0
            if "[[-" in out:
                raise RuntimeError("groonga index error: " + out[:500])
            total = load_s + index_s
            r = {"load_s": round(load_s, 2), "index_s": round(index_s, 2),
                 "seconds": round(total, 2),
                 "mb_per_s": round(docs["text_bytes"] / 1e6 / total, 3),
                 "docs_per_s": round(docs["documents"] / total, 1),
                 "index_bytes": dir_bytes(dbdir) - data_bytes, "db_bytes": dir_bytes(dbdir)}
            runs.append(r)
            log("groonga %s %d MB rep %d: load %.1f s + index %.1f s = %.2f MB/s, index %.1f MB"
                % (tok, size, rep, load_s, index_s, r["mb_per_s"], r["index_bytes"] / 1e6))
        best = {k: median([r[k] for r in runs]) for k in runs[0]}
        best["runs"] = len(runs)
        best["index_over_text"] = round(best["index_bytes"] / docs["text_bytes"], 3)
        with open(os.path.join(dbdir, "bench-run.json"), "w") as fh:
            json.dump(best, fh)
        res[tok] = best
    os.remove(load)
    return res


def groonga_query(q):
    """The mix's query language in Groonga's query syntax: the same except a space after '-'."""
    out = []
    for token in re.findall(r'"[^"]*"|\S+', q):
        if token.startswith("-") and len(token) > 1:
            out += ["-", groonga_escape(token[1:])]
        elif token.startswith('"'):
            out.append(token)
        elif token == "OR":
            out.append(token)
        else:
            out.append(groonga_escape(token))
    return " ".join(out)


def groonga_escape(word):
    return re.sub(r'([()\\:*+<>~])', r"\\\1", word)


def day_epoch(iso, plus_days=0):
    return ((dt.date.fromisoformat(iso) - dt.date(1970, 1, 1)).days + plus_days) * 86400


# ---------------------------------------------------------------- queries

def read_mix(path):
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("kind\t") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            rows.append(dict(zip(("kind", "q", "type", "outlet", "from", "to", "sort", "df"), f)))
    return rows


def kirinuki_path(row):
    params = [(k, row[k]) for k in ("q", "type", "outlet", "from", "to", "sort") if row[k]]
    params.append(("size", "10"))
    return "/api/search?" + urllib.parse.urlencode(params, quote_via=urllib.parse.quote)


def groonga_path(row):
    filters = []
    if row["type"]:
        filters.append('type == "%s"' % row["type"])
    if row["outlet"]:
        filters.append('source == "%s"' % OUTLET_ALIASES.get(row["outlet"], row["outlet"]))
    if row["from"]:
        filters.append("date >= %d" % day_epoch(row["from"]))
    if row["to"]:
        filters.append("date < %d" % day_epoch(row["to"], 1))
    params = [("table", "Docs"), ("limit", "10"), ("cache", "no"),
              ("output_columns", "_key,_score,title,snippet_html(body)")]
    if row["q"]:
        params += [("match_columns", "title*2||body"), ("query", groonga_query(row["q"]))]
    if filters:
        params.append(("filter", " && ".join(filters)))
    if row["sort"] == "newest" or not row["q"]:
        params.append(("sort_keys", "-date,_key"))
    else:
        params.append(("sort_keys", "-_score,_key"))
    return "/d/select?" + urllib.parse.urlencode(params, quote_via=urllib.parse.quote)


def get(conn, path):
    conn.request("GET", path)
    r = conn.getresponse()
    return r.status, r.read()


def hits_of(system, status, body):
    if status != 200:
        return None
    j = json.loads(body)
    if system == "kirinuki":
        return j["total"]
    if isinstance(j, list) and j[0][0] == 0:
        return j[1][0][0][0]
    return None


def grep_bench(data, rows, runs):
    text = os.path.join(data, "grep.txt")
    env = dict(os.environ, LC_ALL="C")
    subprocess.run(["cat", text], stdout=subprocess.DEVNULL)  # into the page cache
    out = []
    for row in rows:
        if row["kind"] not in TEXT_KINDS:
            continue
        q = row["q"]
        if row["kind"] == "and2":
            a, b = q.split(" ", 1)
            cmd = "grep -F -- %s %s | grep -c -F -- %s" % (sq(a), text, sq(b))
        elif row["kind"] == "or":
            a, b = q.split(" OR ")
            cmd = "grep -c -F -e %s -e %s %s" % (sq(a), sq(b), text)
        elif row["kind"] == "not":
            a, b = q.split(" -")
            cmd = "grep -F -- %s %s | grep -v -c -F -- %s" % (sq(a), text, sq(b))
        else:
            cmd = "grep -c -F -- %s %s" % (sq(q.strip('"')), text)
        times, count = [], None
        for _ in range(runs):
            t0 = time.perf_counter()
            p = subprocess.run(["bash", "-c", cmd], stdout=subprocess.PIPE, env=env, text=True)
            times.append((time.perf_counter() - t0) * 1000)
            count = int(p.stdout.strip() or 0)
        out.append({"kind": row["kind"], "q": q, "hits": count, "ms": round(median(times), 2)})
    return out


def sq(s):
    return "'" + s.replace("'", "'\\''") + "'"


# ---------------------------------------------------------------- HTTP

def heap_used_mb(pid):
    p = subprocess.run([JCMD, str(pid), "GC.heap_info"], stdout=subprocess.PIPE, text=True)
    # G1 prints one line for the heap; the parallel collector one per generation
    # ("PSYoungGen total ..., used ...K", "ParOldGen total ..., used ...K"): their sum
    used = [int(k) for k in re.findall(r"^\s*\S+(?: heap)?\s+total \d+K, used (\d+)K", p.stdout, re.M)]
    return round(sum(used) / 1024, 1) if used else None


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as fh:
        m = re.search(r"VmRSS:\s+(\d+) kB", fh.read())
    return round(int(m.group(1)) / 1024, 1) if m else None


def start_kirinuki(index, out_dir, tag, profile=False, aot=True):
    jvm = [JAVA, SERVE_HEAP] + kirinuki_flags(aot)
    if profile:
        jvm += ["-XX:FlightRecorderOptions=stackdepth=1024",
                "-XX:StartFlightRecording=filename=%s,settings=profile" %
                os.path.join(out_dir, "serve-%s.jfr" % tag)]
    logf = open(os.path.join(out_dir, "serve-%s.log" % tag), "w")
    t0 = time.perf_counter()
    proc = subprocess.Popen(jvm + ["-jar", JAR, "serve", "--index", index, "--port",
                                   str(KIRINUKI_PORT)], stdout=logf, stderr=subprocess.STDOUT)
    return proc, t0


def cold_start(index, first_path, out_dir, tag, reps, profile=False, aot=True):
    """Seconds from `serve` start to the first 200 answer of a search, in fresh JVMs without a
    recording; the last JVM stays up (with --profile, a fresh one recording with JFR instead)."""
    times, proc = [], None
    for rep in range(reps + (1 if profile else 0)):
        stop(proc)
        proc, t0 = start_kirinuki(index, out_dir, "%s-%d" % (tag, rep), rep == reps, aot)
        while True:
            if proc.poll() is not None:
                raise RuntimeError("kirinuki serve exited, see serve-%s-%d.log" % (tag, rep))
            try:
                conn = http.client.HTTPConnection("127.0.0.1", KIRINUKI_PORT, timeout=60)
                status, _ = get(conn, first_path)
                conn.close()
                if status == 200:
                    break
            except OSError:
                time.sleep(0.01)
        if rep < reps:
            times.append(time.perf_counter() - t0)
    return proc, times


def validate(port, paths, system):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    hits, bad = [], []
    for path in paths:
        status, body = get(conn, path)
        h = hits_of(system, status, body)
        hits.append(h)
        if h is None:
            bad.append({"path": path, "status": status, "body": body[:300].decode(errors="replace")})
    conn.close()
    return hits, bad


def latencies(port, paths, reps):
    """Per query, the median over reps of one request's time at one client, keep-alive."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    out = []
    for path in paths:
        ts = []
        for _ in range(reps):
            t0 = time.perf_counter()
            get(conn, path)
            ts.append((time.perf_counter() - t0) * 1000)
        out.append(round(median(ts), 3))
    conn.close()
    return out


def wrk(port, paths_file, clients, seconds):
    threads = min(clients, 2)
    p = subprocess.run(["wrk", "-t%d" % threads, "-c%d" % clients, "-d%ds" % seconds,
                        "--timeout", "30s", "-s", os.path.join(HERE, "cycle.lua"),
                        "http://127.0.0.1:%d" % port, "--", paths_file],
                       stdout=subprocess.PIPE, text=True)
    line = [l for l in p.stdout.splitlines() if l.startswith("{")]
    if not line:
        raise RuntimeError("wrk gave no result: " + p.stdout[-500:])
    r = json.loads(line[-1])
    r["qps"] = r["requests"] / (r["duration_us"] / 1e6)
    r["errors"] = sum(r[k] for k in ("connect", "read", "write", "status", "timeout"))
    return r


def http_bench(size, data, rows, cfg, out_dir, grep_rows):
    res = {"systems": {}}
    index = os.path.join(data, "index-t%d" % cfg.index_threads[-1])
    kpaths = [kirinuki_path(r) for r in rows]
    gpaths = [groonga_path(r) for r in rows]
    first = kirinuki_path({"q": rows[0]["q"] or "ファイル", "type": "", "outlet": "", "from": "",
                           "to": "", "sort": ""})
    servers = []
    try:
        # Without the AOT cache first (java -jar alone), then as the README starts it.
        proc, plain = cold_start(index, first, out_dir, "%dm-noaot" % size, cfg.coldstart_reps,
                                 False, aot=False)
        stop(proc)
        res["coldstart_noaot_s"] = [round(t, 3) for t in plain]
        res["coldstart_noaot_median_s"] = round(median(plain), 3)
        proc, times = cold_start(index, first, out_dir, "%dm" % size, cfg.coldstart_reps,
                                 cfg.profile)
        servers.append(proc)
        res["coldstart_s"] = [round(t, 3) for t in times]
        res["coldstart_median_s"] = round(median(times), 3)
        res["heap_after_first_mb"] = heap_used_mb(proc.pid)
        log("serve %d MB: ready in %s s (median %.2f; without the AOT cache %.2f), heap %s MB" % (
            size, res["coldstart_s"], median(times), median(plain), res["heap_after_first_mb"]))
        systems = {"kirinuki": (KIRINUKI_PORT, kpaths)}
        for tok in cfg.groonga_tokenizers:
            db = os.path.join(data, "groonga-" + tok, "db")
            g = subprocess.Popen(
                ["groonga", "-s", "--protocol", "http", "--bind-address", "127.0.0.1",
                 "--port", str(GROONGA_PORTS[tok]), "--cache-limit", "0", "-t", "2",
                 "--log-path", os.path.join(out_dir, "groonga-%s.log" % tok),
                 "--query-log-path", "/dev/null", db],
                stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
            servers.append(g)
            wait_port(GROONGA_PORTS[tok], g, 120)
            systems["groonga-" + tok] = (GROONGA_PORTS[tok], gpaths)
        files = {}
        for name, (port, paths) in systems.items():
            files[name] = os.path.join(out_dir, "paths-%dm-%s.txt" % (size, name))
            with open(files[name], "w", encoding="utf-8") as fh:
                fh.write("\n".join(paths) + "\n")
            hits, bad = validate(port, paths, "kirinuki" if name == "kirinuki" else "groonga")
            res["systems"][name] = {"hits": hits, "bad": bad}
            if name == "kirinuki":
                res["systems"][name]["queries"] = rows
        for name, (port, _) in systems.items():
            wrk(port, files[name], 2, cfg.warmup_s)
        for name in systems:
            res["systems"][name]["wrk"] = {str(c): [] for c in cfg.clients}
        for rnd in range(cfg.repeats):
            for c in cfg.clients:
                for name, (port, _) in systems.items():
                    r = wrk(port, files[name], c, cfg.duration)
                    res["systems"][name]["wrk"][str(c)].append(r)
                    log("wrk %d MB %s c=%d round %d: %.1f QPS p50 %.1f p99 %.1f ms errors %d" % (
                        size, name, c, rnd, r["qps"], r["p50_us"] / 1e3, r["p99_us"] / 1e3,
                        r["errors"]))
        # Each query alone, after the load: a served query, not one of the first queries of a fresh
        # JVM, whose compiler is still at work (the cold start is measured above).
        for name, (port, paths) in systems.items():
            lat = latencies(port, paths, cfg.latency_reps)
            res["systems"][name]["latency_ms"] = lat
            log("%s %d MB: %d queries, %d failed, median latency %.2f ms" % (
                name, size, len(paths), len(res["systems"][name]["bad"]), median(lat)))
        res["heap_after_load_mb"] = heap_used_mb(proc.pid)
        subprocess.run([JCMD, str(proc.pid), "GC.run"], stdout=subprocess.DEVNULL)
        res["heap_live_after_gc_mb"] = heap_used_mb(proc.pid)
        res["rss_mb"] = rss_mb(proc.pid)
        res["serve_heap_flag"] = SERVE_HEAP
    finally:
        for s in servers:
            stop(s)
    # summaries
    for name, s in res["systems"].items():
        s["summary"] = {}
        for c, rs in s["wrk"].items():
            s["summary"][c] = {
                "qps": round(median([r["qps"] for r in rs]), 1),
                "qps_min": round(min(r["qps"] for r in rs), 1),
                "qps_max": round(max(r["qps"] for r in rs), 1),
                "p50_ms": round(median([r["p50_us"] for r in rs]) / 1e3, 2),
                "p95_ms": round(median([r["p95_us"] for r in rs]) / 1e3, 2),
                "p99_ms": round(median([r["p99_us"] for r in rs]) / 1e3, 2),
                "errors": sum(r["errors"] for r in rs), "runs": len(rs)}
        s["latency_by_kind"] = {}
        for kind in sorted({r["kind"] for r in rows}):
            ls = [l for l, r in zip(s["latency_ms"], rows) if r["kind"] == kind]
            s["latency_by_kind"][kind] = {"median_ms": round(median(ls), 2),
                                          "max_ms": round(max(ls), 2), "n": len(ls)}
    # one-word queries against grep, and recall against grep
    if grep_rows is not None:
        gmap = {g["q"]: g for g in grep_rows}
        k = res["systems"]["kirinuki"]
        ratios, recall = [], {"queries": 0, "at_least_grep": 0, "kirinuki_hits": 0, "grep_hits": 0}
        for row, lat, hits in zip(rows, k["latency_ms"], k["hits"]):
            g = gmap.get(row["q"]) if row["kind"] in TEXT_KINDS else None
            if g is None:
                continue
            if row["kind"] == "word":
                ratios.append(g["ms"] / lat)
            if hits is not None:
                recall["queries"] += 1
                recall["at_least_grep"] += hits >= g["hits"]
                recall["kirinuki_hits"] += hits
                recall["grep_hits"] += g["hits"]
        res["word_vs_grep"] = {"median_speedup": round(median(ratios), 1),
                               "min_speedup": round(min(ratios), 1), "n": len(ratios)}
        res["recall_vs_grep"] = recall
    return res


# ---------------------------------------------------------------- JMH and profiles

def jmh(cfg, out_dir):
    blist = os.path.join(ROOT, "target", "test-classes", "META-INF", "BenchmarkList")
    names = open(blist).read() if os.path.exists(blist) else ""
    benches = [b for b in ("QueryBuilderBenchmark", "AnalyzerBenchmark")
               if re.search(r"\.%s\b" % b, names)]
    res = {}
    for b in benches:
        out = os.path.join(out_dir, "jmh-%s.json" % b)
        # a smoke run may overlap another JMH run on the machine; a real run must not
        lock = ["-Djmh.ignoreLock=true"] if cfg.quick else []
        args = [JAVA] + lock + ["-cp", cfg.classpath, "org.openjdk.jmh.Main", b, "-rf", "json",
                                "-rff", out]
        if b == "AnalyzerBenchmark":
            # its texts: the generated corpus instead of the repeated sample posts; shorter
            # iterations than its defaults (10 s each), which would take 8 minutes
            args += ["-jvmArgsAppend", "-Dkirinuki.bench.corpus=%s/corpus/10m" % WORK]
            timing = ["-wi", "2", "-w", "5s", "-i", "3", "-r", "5s"]
        else:
            timing = []
        if cfg.quick:
            timing = ["-f", "1", "-wi", "1", "-i", "2", "-w", "1s", "-r", "1s"]
        args += timing
        with open(os.path.join(out_dir, "jmh-%s.log" % b), "w") as lf:
            p = subprocess.run(args, cwd=ROOT, stdout=lf, stderr=subprocess.STDOUT)
        if p.returncode != 0 or not os.path.exists(out):
            res[b] = {"error": "see jmh-%s.log" % b}
            continue
        rows = []
        for r in json.load(open(out)):
            pm = r["primaryMetric"]
            rows.append({"benchmark": r["benchmark"].split(".")[-1], "params": r.get("params", {}),
                         "score": number(pm["score"]), "error": number(pm["scoreError"]),
                         "unit": pm["scoreUnit"],
                         "secondary": {k: number(v["score"]) for k, v in
                                       r.get("secondaryMetrics", {}).items()}})
        res[b] = rows
        log("jmh %s: %d results" % (b, len(rows)))
    return res


# Where a sample's time goes: the first marker found in its stack names it (most specific first).
PROFILE_PARTS = [
    ("merge", "SegmentMerger"), ("segment flush", "DocumentsWriterPerThread.flush"),
    ("highlighting", "uhighlight/"), ("quoting posts lookup", "Searcher.quotingPosts"),
    ("facets", "Facets"), ("query building", "QueryBuilder"),
    ("Kuromoji", "analysis/ja/"), ("Kuromoji", "analysis/morph/"),
    ("kirinuki analysis (normalisation, grams, readings)", "io/kirinuki/analysis/"),
    ("Lucene inversion", "IndexingChain"), ("search and scoring", "IndexSearcher.search"),
    ("stored fields", "StoredFields"), ("parsing pages", "io/kirinuki/corpus/"),
    ("JSON", "jackson"), ("HTTP (Jetty, Javalin)", "org/eclipse/jetty"),
]


def number(x):
    """A JMH figure, None when JMH wrote NaN (too few iterations for an error)."""
    try:
        x = float(x)
    except (TypeError, ValueError):
        return None
    return None if x != x else round(x, 3)


def jfr_top(path, limit=25):
    """Sample shares per part, per thread, per method (self and total) of a JFR recording."""
    p = subprocess.run([JFR, "print", "--json", "--stack-depth", "1024", "--events",
                        "jdk.ExecutionSample", path], stdout=subprocess.PIPE, text=True)
    events = json.loads(p.stdout)["recording"]["events"]
    self_c, total_c, parts, threads, n = {}, {}, {}, {}, 0
    for e in events:
        frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
        if not frames:
            continue
        n += 1
        names = ["%s.%s" % (f["method"]["type"]["name"], f["method"]["name"]) for f in frames]
        self_c[names[0]] = self_c.get(names[0], 0) + 1
        for m in set(names):
            total_c[m] = total_c.get(m, 0) + 1
        stack = "\n".join(names)
        part = next((name for name, marker in PROFILE_PARTS if marker in stack), "other")
        thread = re.sub(r"-?\d+$", "", e["values"]["sampledThread"].get("javaName") or "?")
        parts[part] = parts.get(part, 0) + 1
        threads[thread + ": " + part] = threads.get(thread + ": " + part, 0) + 1
    top = lambda c: [(m, round(100 * v / n, 1)) for m, v in
                     sorted(c.items(), key=lambda kv: -kv[1])[:limit]]
    return {"samples": n, "parts": top(parts), "threads": top(threads), "self": top(self_c),
            "total": top(total_c)}


# ---------------------------------------------------------------- main

def main():
    global LOG
    # a stopped run still stops the servers it started (the finally blocks run on SystemExit)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,100,1000", help="corpus sizes in MB (quick: 10)")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--steps", default="limit,index,groonga,grep,http,jmh")
    ap.add_argument("--out")
    ap.add_argument("--classpath", required=True)
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--clients", default="1,2,4,8")
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument("--profile", action="store_true")
    cfg = ap.parse_args()
    if cfg.quick and "--sizes" not in sys.argv:
        cfg.sizes = "10"
    cfg.sizes = [int(s) for s in cfg.sizes.split(",")]
    cfg.steps = cfg.steps.split(",")
    cfg.clients = [int(c) for c in cfg.clients.split(",")]
    cfg.index_threads = [1, 2]
    cfg.groonga_tokenizers = ["mecab", "bigram"]
    cfg.limit_configs = ["tokenize", "analysis"]
    cfg.limit_forks, cfg.limit_runs, cfg.warmup_mb = 2, 3, 20
    cfg.index_reps, cfg.groonga_reps, cfg.grep_runs = 3, 3, 5
    cfg.coldstart_reps, cfg.latency_reps, cfg.warmup_s = 3, 5, 10
    if cfg.quick:
        cfg.duration, cfg.repeats, cfg.warmup_s = min(cfg.duration, 3), 1, 3
        cfg.limit_forks, cfg.limit_runs, cfg.warmup_mb = 1, 1, 2
        cfg.index_reps, cfg.groonga_reps, cfg.grep_runs = 1, 1, 1
        cfg.coldstart_reps, cfg.latency_reps = 1, 1
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    out_dir = cfg.out or os.path.join(WORK, "runs", stamp + ("-quick" if cfg.quick else ""))
    os.makedirs(out_dir, exist_ok=True)
    LOG = open(os.path.join(out_dir, "run.log"), "w")
    t_start = time.time()
    argv = sys.argv[1:]
    if "--classpath" in argv:
        del argv[argv.index("--classpath"):argv.index("--classpath") + 2]
    results = {"machine": machine(), "command": " ".join([".bench/run.sh"] + argv), "sizes": {},
               "config": {k: v for k, v in vars(cfg).items() if k != "classpath"},
               "queries": os.path.basename(QUERIES)}
    rows = read_mix(QUERIES)
    log("run folder %s; %d queries; sizes %s" % (out_dir, len(rows), cfg.sizes))
    cfg.file_bytes = {}

    def save():
        results["elapsed_s"] = round(time.time() - t_start, 1)
        with open(os.path.join(out_dir, "results.json"), "w") as fh:
            json.dump(results, fh, ensure_ascii=False, indent=1)

    for size in cfg.sizes:
        r = results["sizes"][str(size)] = {"loadavg": {}}
        data = os.path.join(WORK, "data", "%dm" % size)
        os.makedirs(data, exist_ok=True)
        t_size = time.time()
        corpus_dir, nfiles, fbytes = make_corpus(size)
        cfg.file_bytes[size] = fbytes
        docs = parse_documents(size, corpus_dir, data)
        docs.update(files=nfiles, file_bytes=fbytes)
        r["corpus"] = docs
        log("%d MB: %d files, %.1f MB pages; %d posts, %d articles, %.1f MB title+body text" % (
            size, nfiles, fbytes / 1e6, docs["posts"], docs["articles"], docs["text_bytes"] / 1e6))
        save()
        if "limit" in cfg.steps:
            r["loadavg"]["limit"] = loadavg()
            r["limit"] = tokenizer_limit(size, data, cfg, out_dir)
            save()
        if "index" in cfg.steps:
            r["loadavg"]["index"] = loadavg()
            r["index"] = kirinuki_index(size, corpus_dir, data, docs, cfg, out_dir)
            save()
        if "groonga" in cfg.steps:
            r["loadavg"]["groonga"] = loadavg()
            r["groonga"] = groonga_build(size, data, docs, cfg, out_dir)
            save()
        grep_rows = None
        if "grep" in cfg.steps:
            r["loadavg"]["grep"] = loadavg()
            grep_rows = grep_bench(data, rows, cfg.grep_runs if size < 1000 else
                                   max(1, cfg.grep_runs // 2))
            r["grep"] = {"per_query": grep_rows,
                         "median_ms": round(median([g["ms"] for g in grep_rows]), 1),
                         "word_median_ms": round(median([g["ms"] for g in grep_rows
                                                         if g["kind"] == "word"]), 1)}
            log("grep %d MB: median %.1f ms per query" % (size, r["grep"]["median_ms"]))
            save()
        if "http" in cfg.steps:
            r["loadavg"]["http"] = loadavg()
            r["http"] = http_bench(size, data, rows, cfg, out_dir, grep_rows)
            save()
        r["elapsed_s"] = round(time.time() - t_size, 1)
        log("%d MB done in %.0f s" % (size, r["elapsed_s"]))
    if "jmh" in cfg.steps:
        results["jmh"] = jmh(cfg, out_dir)
    if cfg.profile:
        results["profiles"] = {}
        for f in sorted(os.listdir(out_dir)):
            if f.endswith(".jfr"):
                results["profiles"][f] = jfr_top(os.path.join(out_dir, f))
    results["machine"]["loadavg_end"] = open("/proc/loadavg").read().split()[:3]
    save()
    subprocess.run([sys.executable, os.path.join(HERE, "report.py"),
                    os.path.join(out_dir, "results.json")],
                   stdout=open(os.path.join(out_dir, "results.md"), "w"))
    log("done in %.0f s; results in %s/results.md" % (time.time() - t_start, out_dir))


if __name__ == "__main__":
    main()
