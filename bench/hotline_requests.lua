-- wrk script for bench/run-hotline-bench: the hotline's routing through the API with a person's
-- session. Each request is POST /api/v1/hotline/routing with a situation drawn at random: a
-- municipality from the file BENCH_MUNICIPALITIES (one code per line: all of them), a topic and a
-- form of exploitation, an age group, a citizenship group with or without a residence permit, a
-- gender, and the facts routing weighs (immediate danger, consent, a wish to report or to return,
-- a need for shelter, for a child what social services decided). Cookie and X-CSRF-Token come
-- from wrk's -H options. Prints bench/report.lua's RESULT/ERRORS lines after the run.
dofile((os.getenv("BENCH_DIR") or "bench") .. "/report.lua")

local codes = {}
for line in io.lines(os.getenv("BENCH_MUNICIPALITIES")) do
  if line:match("^%d%d%d%d$") then
    codes[#codes + 1] = line
  end
end

local topics = { "suspected_trafficking", "human_exploitation", "prostitution", "child", "demand",
  "method_advice", "other" }
local forms = { "sexual", "labour", "forced_begging", "forced_criminality", "domestic_servitude",
  "forced_marriage" }
local ages = { "adult", "adult", "adult", "child", "unknown" }
local groups = { "swedish", "eu_eea", "outside_eu", "outside_eu", "unknown" }
local genders = { "female", "male", "female", "male", "other", "unknown" }
local permits = { "true", "false", "null" }

-- wrk.format replaces wrk.headers (the -H options) by the table it is given: copy them.
local function json_headers()
  local h = {}
  for k, v in pairs(wrk.headers) do
    h[k] = v
  end
  h["Content-Type"] = "application/json"
  return h
end

local function pick(list)
  return list[math.random(#list)]
end

local function flag(p)
  return math.random() < p and "true" or "false"
end

function init(args)
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
end

function request()
  local age = pick(ages)
  local involve = "null"
  if age == "child" and math.random() < 0.5 then
    involve = flag(0.5)
  end
  local form_list = ""
  if math.random() < 0.7 then
    form_list = '"' .. pick(forms) .. '"'
  end
  local body = '{"municipality_code":"' .. pick(codes) .. '","topic":"' .. pick(topics) ..
    '","forms":[' .. form_list .. '],"age_group":"' .. age .. '","citizenship":"' .. pick(groups) ..
    '","holds_residence_permit":' .. pick(permits) ..
    ',"wants_to_report_to_police":' .. flag(0.2) .. ',"wish_to_return":' .. flag(0.15) ..
    ',"gender":"' .. pick(genders) .. '","needs_shelter":' .. flag(0.3) ..
    ',"immediate_danger":' .. flag(0.1) .. ',"consents_to_sharing":' .. flag(0.5) ..
    ',"social_services_involve_police":' .. involve .. '}'
  return wrk.format("POST", "/api/v1/hotline/routing", json_headers(), body)
end
