-- Near-me requests from random positions within about 2 km of Reading town centre.
math.randomseed(42)
request = function()
  local lat = 51.4545 + (math.random() - 0.5) * 0.036
  local lon = -0.9730 + (math.random() - 0.5) * 0.058
  return wrk.format("GET", string.format("/api/hotspots/near?lat=%.6f&lon=%.6f&count=10", lat, lon))
end
