-- Near-me requests from random positions within about 2 km of Reading town centre, signed in with the cookie in
-- HOTSPOTS_COOKIE. Like a browser, each thread takes the renewed sign-in cookie when the app sends one (the app renews
-- it when it checks the session's security stamp, once a minute), so the load is what phones send, not one old
-- cookie replayed. HOTSPOTS_DELAY_MS, when set, makes each connection wait that long after each answer (a fixed rate:
-- connections × 1000 / delay requests per second, less the time of each answer).
math.randomseed(42)
local cookie = os.getenv("HOTSPOTS_COOKIE") or ""
local pause = tonumber(os.getenv("HOTSPOTS_DELAY_MS") or "")

request = function()
  local lat = 51.4545 + (math.random() - 0.5) * 0.036
  local lon = -0.9730 + (math.random() - 0.5) * 0.058
  -- Without HOTSPOTS_COOKIE, a cookie given with wrk's -H is sent as it is.
  return wrk.format("GET", string.format("/api/hotspots/near?lat=%.6f&lon=%.6f&count=10", lat, lon), cookie ~= "" and { Cookie = cookie } or nil)
end

response = function(status, headers, body)
  local set = headers["Set-Cookie"]
  if set then
    local renewed = set:match("^(hotspots%.auth=[^;]*)")
    if renewed then cookie = cookie:gsub("hotspots%.auth=[^;]*", function() return renewed end) end
  end
end

if pause then
  delay = function() return pause end
end
