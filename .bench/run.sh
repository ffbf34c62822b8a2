#!/usr/bin/env bash
# The kirinuki benchmark (issue 6), one command from the repository root:
#
#   .bench/run.sh                      # sizes 10,100,1000 MB: about 55-75 min on 2 cores (+12 with --profile)
#   .bench/run.sh --sizes 10,100       # about 25 min
#   .bench/run.sh --quick              # smoke run: 10 MB, one short round of everything, ~6 min
#
# It builds target/kirinuki.jar and the test classes (mvn package -DskipTests), installs the
# Debian packages it needs when they are missing (groonga-bin, groonga-tokenizer-mecab,
# mecab-ipadic-utf8, mecab, wrk), generates the corpora with /work/shared/corpus/make-corpus.py
# and runs .bench/bench.py, which measures kirinuki and its baselines one after the other and
# writes results.json and results.md into /tmp/kirinuki-bench/runs/<UTC time>/ (`--out DIR`).
# Nothing it generates goes into the repository.
#
# Options (the rest go to bench.py; `.bench/run.sh --help` prints them all):
#   --sizes 10,100,1000   corpus sizes in MB          --quick        smoke run
#   --steps limit,index,groonga,grep,http,jmh         (default: all)
#   --duration 10 --repeats 3 --clients 1,2,4,8       wrk seconds per run, rounds, client counts
#   --reuse               keep indexes and Groonga databases of an earlier run (skips their timing)
#   --profile             JFR recordings of indexing and serving, top methods in results.json
#   --skip-build          use the jar and test classes as they are
#   --wait-quiet LOAD     wait (up to 60 min) for the 1-minute load average to fall below LOAD
# Environment: KIRINUKI_JDK (default /usr/lib/jvm/temurin-25-jdk-amd64).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
export KIRINUKI_JDK="${KIRINUKI_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
work=/tmp/kirinuki-bench
mkdir -p "$work"

build=1
quiet=""
pass=()
while [ $# -gt 0 ]; do
  case "$1" in
    -h | --help)
      sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
      python3 "$here/bench.py" --help | sed -n '/^options:/,$p'
      exit 0 ;;
    --skip-build) build=0 ;;
    --wait-quiet) quiet="$2"; shift ;;
    *) pass+=("$1") ;;
  esac
  shift
done

need=()
command -v groonga >/dev/null || need+=(groonga-bin)
ls /usr/lib/*/groonga/plugins/tokenizers/mecab.so >/dev/null 2>&1 || need+=(groonga-tokenizer-mecab)
[ -d /var/lib/mecab/dic/ipadic-utf8 ] || need+=(mecab-ipadic-utf8)
command -v mecab >/dev/null || need+=(mecab)
command -v wrk >/dev/null || need+=(wrk)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ "$build" = 1 ]; then
  echo "building target/kirinuki.jar and the test classes" >&2
  (cd "$root" && JAVA_HOME="$KIRINUKI_JDK" mvn -q -B -Dstyle.color=never package -DskipTests 2>&1 \
    | sed 's/\x1b\[[0-9;]*m//g' | grep -v -e '^WARNING' -e '^\s*$' || true)
  (cd "$root" && JAVA_HOME="$KIRINUKI_JDK" mvn -q -B dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt" >/dev/null 2>&1)
fi
[ -f "$root/target/kirinuki.jar" ] || { echo "no target/kirinuki.jar: the build failed" >&2; exit 1; }
[ -f "$work/classpath.txt" ] || { echo "no $work/classpath.txt: run without --skip-build" >&2; exit 1; }

if [ -n "$quiet" ]; then
  for _ in $(seq 1 360); do
    awk -v q="$quiet" '{ exit !($1 < q) }' /proc/loadavg && break
    echo "waiting for a quiet machine: load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    sleep 10
  done
fi

exec python3 "$here/bench.py" \
  --classpath "$root/target/test-classes:$root/target/classes:$(cat "$work/classpath.txt")" \
  "${pass[@]}"
