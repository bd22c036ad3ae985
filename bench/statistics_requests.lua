-- wrk script for bench/run-statistics-bench: GET wrk's own URL with the session headers given by
-- -H (Cookie, X-CSRF-Token). After the run prints bench/report.lua's RESULT/ERRORS lines and one
-- more: P50 <path> <median latency in ms>.
dofile((os.getenv("BENCH_DIR") or "bench") .. "/report.lua")

local report = done

function done(summary, latency, requests)
  report(summary, latency, requests)
  local path = os.getenv("BENCH_PATH") or wrk.path
  io.write(string.format("P50 %s %.3f\n", path, latency:percentile(50) / 1000))
end
