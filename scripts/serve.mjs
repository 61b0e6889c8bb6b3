// The production server: Next.js behind a thin node:http layer that decides who the client is. Next.js keeps a
// client-sent X-Forwarded-For as it is, so the app could not tell a real address from a forged one; here the
// address comes from the socket, or from X-Forwarded-For only as far as TRUSTED_PROXY_COUNT proxies vouch for it,
// and reaches the app in a header no client can set.
import { createServer } from "node:http";
import next from "next";
import { clientAddress } from "./client-address.mjs";

const port = Number(process.env.PORT ?? 3000);
const trustedProxies = Math.max(0, Number(process.env.TRUSTED_PROXY_COUNT ?? 0) || 0);
const CLIENT_ADDRESS_HEADER = "x-client-address";

// Next.js needs its own address to follow a server action's redirect internally.
const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], trustedProxies);
  if (trustedProxies === 0) delete request.headers["x-forwarded-for"];
  void handle(request, response);
});
server.listen(port, () => console.log(`Serving on port ${port}`));

// Finish the requests in flight (and the work they scheduled with after()), then exit.
function shutDown() {
  server.close(async () => {
    await app.close();
    process.exit(0);
  });
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", shutDown);
process.on("SIGINT", shutDown);
