-- wrk script for ./promostack bench telegram: posts signed, distinct updates (a user blocking the bot) to the webhook.
-- Each thread numbers its updates from its own offset so no two requests share an update_id.
local threads = {}
local counter = 0
local offset = 0
local secret = os.getenv("BENCH_WEBHOOK_SECRET")

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  -- args[1] = "1" for the warm-up run, whose ids must not collide with the measured run's (update_id stays below 2^31)
  offset = (tonumber(args[1] or "0") * 1000000000) + (id + 1) * 100000000
end

function request()
  counter = counter + 1
  local n = offset + counter
  local body = string.format(
    '{"update_id":%d,"my_chat_member":{"chat":{"id":%d,"type":"private","first_name":"U"},"from":{"id":%d,"is_bot":false,"first_name":"U"},"date":1700000000,' ..
    '"old_chat_member":{"status":"member","user":{"id":7000000001,"is_bot":true,"first_name":"bench"}},' ..
    '"new_chat_member":{"status":"kicked","user":{"id":7000000001,"is_bot":true,"first_name":"bench"},"until_date":0}}}', n, n, n)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["X-Telegram-Bot-Api-Secret-Token"] = secret }, body)
end
