-- wrk script: appointment checks (POST /api/v1/checks/appointment) for persons read from persons.txt
-- (one ID number per line). CREDGRAPH_KEY: the API key; CREDGRAPH_DISTINCT: how many different persons to ask about
-- (a small number gives cache hits; the whole file and several dates give misses).
local key = os.getenv("CREDGRAPH_KEY")
local distinct = tonumber(os.getenv("CREDGRAPH_DISTINCT") or "0")
local persons = {}
for line in io.lines(os.getenv("CREDGRAPH_PERSONS") or "persons.txt") do
  persons[#persons + 1] = line
end
if distinct > 0 and distinct < #persons then
  for i = #persons, distinct + 1, -1 do persons[i] = nil end
end
local roles = {"LEGAL_REP", "DIRECTOR", "SUPERVISOR", "SENIOR_MANAGER"}
local days = {"2024-03-01", "2024-09-15", "2025-06-01", "2026-11-27"}
local counter = 0

init = function(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

request = function()
  counter = counter + 1
  local p = persons[math.random(#persons)]
  local role = roles[(counter % #roles) + 1]
  local day = days[(counter % #days) + 1]
  if distinct > 0 then role = "LEGAL_REP"; day = "2025-06-01" end
  local body = '{"person":{"idNumber":"' .. p .. '"},"role":"' .. role .. '","asOf":"' .. day .. '"}'
  return wrk.format("POST", "/api/v1/checks/appointment",
    {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json"}, body)
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests/s=%.0f p50=%.2fms p99=%.2fms errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
