import { describe, expect, it } from "vitest";
import { BodyTooLarge, BodyTooSlow, readBytesWithLimit } from "@/lib/http/read-body";

// A body counted as it arrives: cut off past its size limit, and past its time limit when one is given.

function request(body: ReadableStream<Uint8Array>, length: number): Request {
  return new Request("http://localhost/upload", { method: "POST", body, duplex: "half", headers: { "content-length": String(length) } } as RequestInit);
}

// Sends one piece at once, then nothing more until cancelled (a client on a line that has stalled).
function stalled(): { stream: ReadableStream<Uint8Array>; cancelled: () => boolean } {
  let sent = false;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sent) controller.enqueue(new Uint8Array(1024));
      sent = true;
      return new Promise(() => {});
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, cancelled: () => cancelled };
}

describe("reading a body with limits", () => {
  it("gives up on a body that has not arrived within its time, and stops reading it", async () => {
    const { stream, cancelled } = stalled();
    await expect(readBytesWithLimit(request(stream, 4096), 8192, 100)).rejects.toBeInstanceOf(BodyTooSlow);
    expect(cancelled()).toBe(true);
  });

  it("reads a body that arrives in time whole", async () => {
    const body = new Blob([new Uint8Array(3000).fill(7)]).stream();
    const bytes = await readBytesWithLimit(request(body, 3000), 8192, 5_000);
    expect([bytes.length, bytes[2999]]).toEqual([3000, 7]);
  });

  it("refuses a body longer than the limit, whatever it declared", async () => {
    const body = new Blob([new Uint8Array(9000)]).stream();
    await expect(readBytesWithLimit(request(body, 100), 8192, 5_000)).rejects.toBeInstanceOf(BodyTooLarge);
  });
});
