// The production server: Next.js behind a thin node:http layer that decides who the client is. Next.js keeps a
// client-sent X-Forwarded-For as it is, so the app could not tell a real address from a forged one; here the
// address comes from the socket, or from X-Forwarded-For only as far as TRUSTED_PROXY_COUNT proxies vouch for it,
// and reaches the app in a header no client can set.
import { createServer } from "node:http";
import next from "next";

const port = Number(process.env.PORT ?? 3000);
const trustedProxies = Math.max(0, Number(process.env.TRUSTED_PROXY_COUNT ?? 0) || 0);
export const CLIENT_ADDRESS_HEADER = "x-client-address";

function clientAddress(request) {
  const socketAddress = request.socket.remoteAddress ?? "unknown";
  if (trustedProxies === 0) return socketAddress;
  const forwarded = String(request.headers["x-forwarded-for"] ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  // Each trusted proxy appended the address it saw; the one the outermost trusted proxy saw is the client.
  const chain = [...forwarded, socketAddress];
  return chain[Math.max(0, chain.length - 1 - trustedProxies)] ?? socketAddress;
}

// Next.js needs its own address to follow a server action's redirect internally.
const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddress(request);
  if (trustedProxies === 0) delete request.headers["x-forwarded-for"];
  void handle(request, response);
});
server.listen(port, () => console.log(`Serving on port ${port}`));

function shutDown() {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", shutDown);
process.on("SIGINT", shutDown);
