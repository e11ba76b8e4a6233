-- wrk: POST /api/v1/payments with a unique merchant reference per request.
-- KASSA_KEY: the project's API key.
local thread_count = 0
function setup(thread)
  thread:set("tid", thread_count)
  thread_count = thread_count + 1
end
function init(args)
  counter = 0
  math.randomseed(os.time() * 1000 + tid)  -- unseeded, every run would repeat the references of the last
  prefix = "w" .. tid .. "-" .. tostring(math.random(1, 1000000000))
  key = os.getenv("KASSA_KEY")
end
function request()
  counter = counter + 1
  local body = '{"amount":1999,"currency":"EUR","merchant_reference":"' .. prefix .. "-" .. counter ..
    '","method":"card","card":{"number":"4242424242424242","exp_month":12,"exp_year":2035,"cvc":"123"},' ..
    '"customer":{"email":"bench@example.com","country":"DE"}}'
  return wrk.format("POST", "/api/v1/payments", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key}, body)
end
