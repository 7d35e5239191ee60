-- wrk script: each thread posts batches of 50 pings to its own patrol, with increasing client sequence numbers.
-- Arguments (after --): for each patrol "id,started-ms,lat,lon,cookie-file-line,csrf" separated by spaces; see run.sh.
local threads = {}
local count = 0

function setup(thread)
  count = count + 1
  thread:set("index", count)
  table.insert(threads, thread)
end

function init(args)
  local spec = args[((index - 1) % #args) + 1]
  local fields = {}
  for field in string.gmatch(spec, "([^|]+)") do table.insert(fields, field) end
  patrol, started, lat, lon, cookie, csrf = fields[1], tonumber(fields[2]), tonumber(fields[3]), tonumber(fields[4]), fields[5], fields[6]
  -- Threads sharing a patrol take disjoint sequence ranges.
  seq = index * 100000000
  path = "/api/patrols/" .. patrol .. "/pings"
  headers = { ["Content-Type"] = "application/json", ["Cookie"] = cookie, ["X-CSRF-TOKEN"] = csrf }
  base = started - 50000
  sent = 0
end

function request()
  local parts = {}
  for i = 1, 50 do
    seq = seq + 1
    sent = sent + 1
    parts[i] = string.format('{"seq":%d,"t":%d,"lat":%.6f,"lon":%.6f,"acc":6}', seq, base + sent,
      lat + (sent % 7) * 0.000001, lon + (sent % 5) * 0.000001)
  end
  return wrk.format("POST", path, headers, '{"pings":[' .. table.concat(parts, ",") .. ']}')
end

function done(summary, latency, requests)
  io.write(string.format("requests=%d non2xx=%d errors_connect=%d errors_read=%d errors_timeout=%d duration_us=%d\n",
    summary.requests, summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.timeout, summary.duration))
  io.write(string.format("latency_ms p50=%.2f p90=%.2f p99=%.2f max=%.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
