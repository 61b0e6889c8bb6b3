// Who the client is, given the socket's peer and the X-Forwarded-For header. With no trusted proxies the header is
// ignored: anyone can write it. With N trusted proxies, each appended the address it saw, so the address the
// outermost trusted proxy saw is N places from the right of the chain (header entries, then the socket peer).
export function clientAddress(socketAddress, forwardedFor, trustedProxies) {
  const peer = socketAddress || "unknown";
  if (!(trustedProxies > 0)) return peer;
  const forwarded = String(forwardedFor ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - trustedProxies)] ?? peer;
}
