-- wrk script: sanctions checks of one enterprise each (POST /api/v1/checks/sanctions), USCCs read from
-- enterprises.txt. CREDGRAPH_KEY, CREDGRAPH_DISTINCT as in appointment.lua.
local key = os.getenv("CREDGRAPH_KEY")
local distinct = tonumber(os.getenv("CREDGRAPH_DISTINCT") or "0")
local orgs = {}
for line in io.lines(os.getenv("CREDGRAPH_ENTERPRISES") or "enterprises.txt") do
  orgs[#orgs + 1] = line
end
if distinct > 0 and distinct < #orgs then
  for i = #orgs, distinct + 1, -1 do orgs[i] = nil end
end
local days = {"2024-03-01", "2024-09-15", "2025-06-01", "2026-11-27"}
local counter = 0

init = function(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

request = function()
  counter = counter + 1
  local u = orgs[math.random(#orgs)]
  local day = distinct > 0 and "2025-06-01" or days[(counter % #days) + 1]
  local body = '{"subjects":[{"uscc":"' .. u .. '"}],"asOf":"' .. day .. '"}'
  return wrk.format("POST", "/api/v1/checks/sanctions",
    {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json"}, body)
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests/s=%.0f p50=%.2fms p99=%.2fms errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
