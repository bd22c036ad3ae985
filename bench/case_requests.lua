-- wrk script for bench/run-case-bench: the case routes as the benchmark reader's session.
-- BENCH_KIND picks the request:
--   read    GET /api/v1/cases/{id}, an id drawn at random from the file BENCH_IDS (one per line)
--   create  POST /api/v1/cases {"type": ...} (a new case per request)
--   search  POST /api/v1/persons/search {"name": ...}, a name drawn from a list of spellings
-- Anything else: wrk's own URL (GET). Cookie and X-CSRF-Token come from wrk's -H options.
-- Prints bench/report.lua's RESULT/ERRORS lines after the run.
dofile((os.getenv("BENCH_DIR") or "bench") .. "/report.lua")

local kind = os.getenv("BENCH_KIND") or "get"
local ids = {}
local names = {
  "Somchai", "Srisuk", "สมชาย", "Ivanova", "Йорданов", "Jordanov", "Kovalenko", "Коваленко",
  "Stefan Popescu", "Ștefan", "Turcanu", "Blessing Okafor", "Osagie", "Nguyen Thi Lan",
  "Andersson", "Wisniewska", "Zhang Wei", "Fatima Hassan", "Olena", "Georgieva",
}
local types = { "trafficking_in_human_beings", "human_exploitation" }

if kind == "read" then
  for line in io.lines(os.getenv("BENCH_IDS")) do
    ids[#ids + 1] = line
  end
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

function init(args)
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
end

function request()
  if kind == "read" then
    return wrk.format("GET", "/api/v1/cases/" .. ids[math.random(#ids)])
  elseif kind == "create" then
    local body = '{"type":"' .. types[math.random(#types)] .. '"}'
    return wrk.format("POST", "/api/v1/cases", json_headers(), body)
  elseif kind == "search" then
    local body = '{"name":"' .. names[math.random(#names)] .. '","limit":20}'
    return wrk.format("POST", "/api/v1/persons/search", json_headers(), body)
  end
  return wrk.format()
end
