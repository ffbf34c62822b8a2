-- wrk script of the kirinuki benchmark: every connection walks a fixed list of request paths in
-- order (wrapping around), each wrk thread from its own offset, and the run ends with one JSON line
-- of totals and latency percentiles for .bench/bench.py.
-- usage: wrk -t T -c C -d 10s -s .bench/cycle.lua http://127.0.0.1:PORT -- PATHS_FILE
-- (summary.errors.status counts answers other than 2xx/3xx.)
local counter = 0

function setup(thread)
  thread:set("offset", counter)
  counter = counter + 1
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if #line > 0 then
      paths[#paths + 1] = line
    end
  end
  -- spread the threads over the list so that they do not ask the same query at the same time
  i = math.floor(offset * #paths / 2) % #paths
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"connect":%d,"read":%d,"write":%d,"status":%d,' ..
    '"timeout":%d,"p50_us":%d,"p95_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    latency.mean))
end
