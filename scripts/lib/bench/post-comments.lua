-- wrk script for the comment benchmarks (scripts/lib/bench/ceiling.ts): each request posts a new comment whose
-- body and Idempotency-Key carry a marker unique to the run, the thread and the request, so that the rows stored
-- can be counted afterwards. Arguments: the run's marker prefix, the article id and, to send each post from an
-- address of its own (as many readers do; the bench's server trusts one proxy's X-Forwarded-For), a first octet
-- that no other run of the last minute used.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  run = args[1]
  article = args[2]
  octet = tonumber(args[3])
  n = 0
end

function request()
  n = n + 1
  local marker = run .. "t" .. tid .. "x" .. n
  local body = '{"articleId":' .. article .. ',"name":"Load Reader","email":"load-' .. marker ..
    '@example.com","body":"Submitted under load, number ' .. marker .. '. The hotline should be tested every month."}'
  local headers = { ["Content-Type"] = "application/json", ["Idempotency-Key"] = marker }
  if octet then
    headers["X-Forwarded-For"] = (octet + tid) .. "." .. (math.floor(n / 65536) % 256) .. "." .. (math.floor(n / 256) % 256) .. "." .. (n % 256)
  end
  return wrk.format("POST", "/api/comments", headers, body)
end
