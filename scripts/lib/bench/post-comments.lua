-- wrk script for the comment benchmarks (scripts/lib/bench/ceiling.ts): each request posts a new comment whose
-- body and Idempotency-Key carry a marker unique to the run, the thread and the request, so that the rows stored
-- can be counted afterwards. Arguments: the run's marker prefix, the article id and, to send posts from addresses
-- other than the load tool's (the bench's server trusts one proxy's X-Forwarded-For), a first octet that no other
-- run of the last minute used; then, optionally, how many clients each thread stands for (their addresses taken in
-- turn). Without that count, each post comes from an address of its own, as from many readers.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  run = args[1]
  article = args[2]
  octet = tonumber(args[3])
  clients = tonumber(args[4])
  n = 0
end

function request()
  n = n + 1
  local marker = run .. "t" .. tid .. "x" .. n
  local body = '{"articleId":' .. article .. ',"name":"Load Reader","email":"load-' .. marker ..
    '@example.com","body":"Submitted under load, number ' .. marker .. '. The hotline should be tested every month."}'
  local headers = { ["Content-Type"] = "application/json", ["Idempotency-Key"] = marker }
  if octet then
    local client = clients and (n % clients) or n
    headers["X-Forwarded-For"] = (octet + tid) .. "." .. (math.floor(client / 65536) % 256) .. "." .. (math.floor(client / 256) % 256) .. "." .. (client % 256)
  end
  return wrk.format("POST", "/api/comments", headers, body)
end
