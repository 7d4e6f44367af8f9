-- wrk script: a signed Web PubSub user event (CloudEvents binary mode) echoed as text by the webhook under test.
-- The signature is computed by run-load.sh (HMAC-SHA256 of the connection id with the access key). wrk counts
-- non-2xx answers itself; run-load.sh checks the echoed body with curl before each run.
wrk.method = "POST"
wrk.body = "hello from a benchmark client"
wrk.headers["Content-Type"] = "text/plain; charset=utf-8"
wrk.headers["ce-specversion"] = "1.0"
wrk.headers["ce-awpsversion"] = "1.0"
wrk.headers["ce-type"] = "azure.webpubsub.user.message"
wrk.headers["ce-source"] = "/hubs/bench/client/" .. os.getenv("BENCH_CONNECTION_ID")
wrk.headers["ce-id"] = "1"
wrk.headers["ce-time"] = "2026-12-04T00:00:00Z"
wrk.headers["ce-hub"] = "bench"
wrk.headers["ce-connectionId"] = os.getenv("BENCH_CONNECTION_ID")
wrk.headers["ce-eventName"] = "message"
wrk.headers["ce-userId"] = "user-42"
wrk.headers["ce-signature"] = os.getenv("BENCH_SIGNATURE")
wrk.headers["WebHook-Request-Origin"] = os.getenv("BENCH_ORIGIN")

