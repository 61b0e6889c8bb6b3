import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/http/database-errors";

describe("isDatabaseUnavailable", () => {
  it("recognises an outage however Prisma wraps it", () => {
    expect(isDatabaseUnavailable({ code: "P1001", message: "Can't reach database server" })).toBe(true);
    expect(isDatabaseUnavailable({ code: "P2039", meta: { driverAdapterError: { message: "terminating connection due to administrator command" } } })).toBe(
      true,
    );
    expect(isDatabaseUnavailable({ code: "P2010", meta: { driverAdapterError: { cause: { code: "57P03" } } } })).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("outer"), { cause: new Error("connect ECONNREFUSED 127.0.0.1:5432") }))).toBe(true);
    // A database refusing connections (ALLOW_CONNECTIONS false), exactly as Prisma 7 with adapter-pg reports it.
    const refusing = {
      name: "PrismaClientKnownRequestError",
      code: "P2010",
      meta: {
        driverAdapterError: {
          name: "DriverAdapterError",
          cause: {
            originalCode: "55000",
            kind: "postgres",
            code: "55000",
            severity: "FATAL",
            message: 'database "news" is not currently accepting connections',
          },
        },
      },
    };
    expect(isDatabaseUnavailable(refusing)).toBe(true);
    // Every connection busy for longer than a transaction may wait for one.
    expect(isDatabaseUnavailable({ code: "P2028", message: "Transaction API error: Unable to start a transaction in the given time." })).toBe(true);
  });

  it("leaves every other error a server error", () => {
    expect(isDatabaseUnavailable({ code: "P2002", message: "Unique constraint failed" })).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
