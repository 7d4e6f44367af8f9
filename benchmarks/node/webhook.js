// The peer in the webhook load run: @azure/web-pubsub-express echoing a user event's text.
// Usage: node webhook.js <port>
const express = require("express");
const { WebPubSubEventHandler } = require("@azure/web-pubsub-express");

const port = Number(process.argv[2] || 3000);
const handler = new WebPubSubEventHandler("bench", {
  path: "/eventhandler",
  handleUserEvent: (request, response) => response.success(request.data, "text"),
});
const app = express();
app.use(handler.getMiddleware());
app.listen(port, "127.0.0.1", () => console.log(`node peer ready on ${port}`));
