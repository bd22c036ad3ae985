-- wrk script for bench/run-referral-bench: referrals through the API with people's sessions.
-- BENCH_KIND picks the request:
--   refer   POST /api/v1/cases/{case}/referrals, a (case, person) pair drawn at random from the
--           file BENCH_PAIRS ("case_id person_id" per line), to BENCH_RECIPIENT, with the
--           sections of a realistic package (identity, needs and safety, assessment, support) on
--           the basis "necessary for the sender's own task" with a justification
--   accept  POST /api/v1/referrals/{id}/accept {"version":1} into a new case, each id of the file
--           BENCH_IDS taken once (ids are dealt out between wrk's threads)
-- Cookie and X-CSRF-Token come from wrk's -H options. Prints bench/report.lua's RESULT/ERRORS
-- lines after the run.
dofile((os.getenv("BENCH_DIR") or "bench") .. "/report.lua")

local kind = os.getenv("BENCH_KIND") or "refer"
local recipient = os.getenv("BENCH_RECIPIENT") or ""
local lines = {}
local threads = {}
local next_index = 1 -- this thread's next id (accept)
local stride = 1

local source = kind == "refer" and os.getenv("BENCH_PAIRS") or os.getenv("BENCH_IDS")
for line in io.lines(source) do
  lines[#lines + 1] = line
end

-- wrk.format replaces wrk.headers (the -H options) by the table it is given: copy them.
local function json_headers()
  local h = {}
  for k, v in pairs(wrk.headers) do
    h[k] = v
  end
  h["Content-Type"] = "application/json"
  return h
end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("first", counter)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
  next_index = first or 1
  stride = tonumber(os.getenv("BENCH_THREADS") or "2")
end

function request()
  if kind == "refer" then
    local case_id, person_id = lines[math.random(#lines)]:match("^(%S+)%s+(%S+)$")
    local body = '{"person_id":"' .. person_id .. '","recipient_organisation_id":"' .. recipient ..
      '","purpose":"support","sections":["identity","needs_safety","assessment","support"],' ..
      '"basis":"own_task_necessity","justification":"The regional coordinator arranges ' ..
      'support and protection that the municipality cannot give alone."}'
    return wrk.format("POST", "/api/v1/cases/" .. case_id .. "/referrals", json_headers(), body)
  end
  local id = lines[next_index]
  next_index = next_index + stride
  if id == nil then
    -- Every id taken: read the first one instead (the run should end before this).
    return wrk.format("GET", "/api/v1/referrals/" .. lines[1])
  end
  return wrk.format("POST", "/api/v1/referrals/" .. id .. "/accept", json_headers(), '{"version":1}')
end
