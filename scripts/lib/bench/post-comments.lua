-- wrk script for the comment benchmarks (scripts/lib/bench/ceiling.ts): each request posts a new comment whose
-- body and Idempotency-Key carry a marker unique to the run, the thread and the request, so that the rows stored
-- can be counted afterwards. Arguments: the run's marker prefix, the article id.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  run = args[1]
  article = args[2]
  n = 0
end

function request()
  n = n + 1
  local marker = run .. "t" .. tid .. "x" .. n
  local body = '{"articleId":' .. article .. ',"name":"Load Reader","email":"load-' .. marker ..
    '@example.com","body":"Submitted under load, number ' .. marker .. '. The hotline should be tested every month."}'
  return wrk.format("POST", "/api/comments", { ["Content-Type"] = "application/json", ["Idempotency-Key"] = marker }, body)
end
