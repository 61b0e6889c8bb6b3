// @ts-check
// Who the client is, given the socket's peer and the X-Forwarded-For header. With no trusted proxies the header is
// ignored: anyone can write it. With N trusted proxies, each appended the address it saw, so the address the
// outermost trusted proxy saw is N places from the right of the chain (header entries, then the socket peer).
// IPv4 addresses written as IPv6 (::ffff:203.0.113.9) are given in their IPv4 form.
/**
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {number} trustedProxies
 * @returns {string}
 */
export function clientAddress(socketAddress, forwardedFor, trustedProxies) {
  return unmapIpv4(pickAddress(socketAddress, forwardedFor, trustedProxies));
}

/** @param {string} address */
function unmapIpv4(address) {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
}

/**
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {number} trustedProxies
 * @returns {string}
 */
function pickAddress(socketAddress, forwardedFor, trustedProxies) {
  const peer = socketAddress || "unknown";
  if (!(trustedProxies > 0)) return peer;
  const forwarded = String(forwardedFor ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  // A chain shorter than the trusted proxies means a proxy is missing: its first entry could be anyone's words.
  if (chain.length <= trustedProxies) return peer;
  return chain[chain.length - 1 - trustedProxies] ?? peer;
}
