-- wrk: a mix of what visitors ask, on the production stack (demo/loadtest/run.py starts it).
-- Read from the environment: LOADTEST_PATHS (GET paths, separated by "|", repeated to weigh
-- them; "{n}" in one is replaced by the request's number), LOADTEST_POST_PATH, LOADTEST_TOKEN and LOADTEST_COOKIE (a CSRF token and its cookie,
-- fetched once beforehand), LOADTEST_POST_EVERY (one request in this many is a message).
-- done() prints one JSON line: requests, latency percentiles, statuses (429s apart).

local paths = {}
for path in string.gmatch(os.getenv("LOADTEST_PATHS") or "/en/", "[^|]+") do
  table.insert(paths, path)
end
local post_path = os.getenv("LOADTEST_POST_PATH")
local post_every = tonumber(os.getenv("LOADTEST_POST_EVERY") or "0")
local token = os.getenv("LOADTEST_TOKEN") or ""
local cookie = os.getenv("LOADTEST_COOKIE") or ""

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  statuses = {}
end

function request()
  counter = counter + 1
  if post_path and post_every > 0 and counter % post_every == 0 then
    local body = "csrfmiddlewaretoken=" .. token
      .. "&name=Load+Test&email=loadtest" .. counter .. "%40example.org"
      .. "&message=Is+this+still+open%3F&consent=on&website="
    return wrk.format("POST", post_path, {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Cookie"] = cookie,
    }, body)
  end
  -- "{n}" in a path is this request's number: a search nobody asked before, never cached.
  local path = string.gsub(paths[(counter % #paths) + 1], "{n}", tostring(counter))
  return wrk.format("GET", path)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local merged = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      merged[status] = (merged[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(merged) do
    table.insert(parts, string.format('"%d": %d', status, count))
  end
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "bytes": %d, "p50_ms": %.2f, "p95_ms": %.2f, '
      .. '"p99_ms": %.2f, "max_ms": %.2f, "socket_errors": {"connect": %d, "read": %d, '
      .. '"write": %d, "timeout": %d}, "statuses": {%s}}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    errors.connect, errors.read, errors.write, errors.timeout,
    table.concat(parts, ", ")
  ))
end
