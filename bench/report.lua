-- wrk script for bench/run-http-bench. After the run, prints one machine-readable line:
--   RESULT <path> <requests per second> <p99 latency in ms>
-- and, if any request failed or got a non-2xx/3xx status, one more:
--   ERRORS <path> connect=N read=N write=N status=N timeout=N
-- The path is the one in the URL given to wrk (BENCH_PATH overrides it).

function done(summary, latency, requests)
  local path = os.getenv("BENCH_PATH") or wrk.path
  local rps = summary.requests / summary.duration * 1e6
  local p99_ms = latency:percentile(99) / 1000
  io.write(string.format("RESULT %s %.1f %.3f\n", path, rps, p99_ms))
  local e = summary.errors
  if e.connect + e.read + e.write + e.status + e.timeout > 0 then
    io.write(string.format("ERRORS %s connect=%d read=%d write=%d status=%d timeout=%d\n", path,
                           e.connect, e.read, e.write, e.status, e.timeout))
  end
end
