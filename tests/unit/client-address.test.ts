import { describe, expect, it } from "vitest";
import { clientAddress } from "../../scripts/client-address.mjs";

describe("clientAddress", () => {
  it("ignores X-Forwarded-For when no proxy is trusted, so a client cannot choose its address", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1", 0)).toBe("203.0.113.9");
  });

  it("takes the address the outermost trusted proxy saw", () => {
    // client 198.51.100.7 → proxy A (appends it) → proxy B (appends A) → app sees B as peer
    expect(clientAddress("10.0.0.2", "198.51.100.7, 10.0.0.1", 2)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.1", "198.51.100.7", 1)).toBe("198.51.100.7");
  });

  it("is not fooled by addresses a client put in front of the chain", () => {
    expect(clientAddress("10.0.0.1", "1.2.3.4, 198.51.100.7", 1)).toBe("198.51.100.7");
  });

  it("falls back to the peer when the chain is shorter than the trusted proxies", () => {
    expect(clientAddress("10.0.0.1", undefined, 3)).toBe("10.0.0.1");
    expect(clientAddress("10.0.0.1", "6.6.6.6", 2)).toBe("10.0.0.1");
  });

  it("gives IPv4 addresses in IPv4 form", () => {
    expect(clientAddress("::ffff:203.0.113.9", undefined, 0)).toBe("203.0.113.9");
  });
});
