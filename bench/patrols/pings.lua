-- wrk script: batches of 50 pings to many running patrols, one patrol after another (round robin within each thread),
-- each patrol with increasing client sequence numbers and times, as its phone would send them.
-- Arguments (after --): the number of threads, then one "id|started-ms|lat|lon|cookie|csrf" per patrol; see run.sh. Thread k takes every
-- THREADS-th patrol; with many more patrols than connections, a patrol's next batch leaves after its last one came back.
-- PINGS_ROUND (environment, default 0): a second run over the same patrols (after a warm-up run) sets 1, so that its
-- sequence numbers (from 1,000,000) and times (60 s later) follow the first run's instead of repeating them.
local count = 0
local round = tonumber(os.getenv("PINGS_ROUND") or "0")

function setup(thread)
  count = count + 1
  thread:set("index", count)
end

function init(args)
  patrols = {}
  local threads = tonumber(args[1])
  for k = 2, #args do
    local spec = args[k]
    if (k - 2) % threads == index - 1 then
      local f = {}
      for field in string.gmatch(spec, "([^|]+)") do table.insert(f, field) end
      table.insert(patrols, { path = "/api/patrols/" .. f[1] .. "/pings", base = tonumber(f[2]) - 50000 + round * 60000, lat = tonumber(f[3]),
        lon = tonumber(f[4]), headers = { ["Content-Type"] = "application/json", ["Cookie"] = f[5], ["X-CSRF-TOKEN"] = f[6] },
        seq = round * 1000000, sent = 0 })
    end
  end
  if #patrols == 0 then error("thread " .. index .. " has no patrol: give at least as many patrols as threads") end
  next_patrol = 0
end

function request()
  next_patrol = next_patrol % #patrols + 1
  local p = patrols[next_patrol]
  local parts = {}
  for i = 1, 50 do
    p.seq = p.seq + 1
    p.sent = p.sent + 1
    parts[i] = string.format('{"seq":%d,"t":%d,"lat":%.6f,"lon":%.6f,"acc":6}', p.seq, p.base + p.sent,
      p.lat + (p.sent % 7) * 0.000001, p.lon + (p.sent % 5) * 0.000001)
  end
  return wrk.format("POST", p.path, p.headers, '{"pings":[' .. table.concat(parts, ",") .. ']}')
end

function done(summary, latency, requests)
  io.write(string.format("requests=%d non2xx=%d errors_connect=%d errors_read=%d errors_timeout=%d duration_us=%d\n",
    summary.requests, summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.timeout, summary.duration))
  io.write(string.format("latency_ms p50=%.2f p90=%.2f p99=%.2f max=%.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
