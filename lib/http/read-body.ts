// Reads a request body up to a limit, counting bytes as they arrive, so an oversized body is refused without
// being buffered whole (a Content-Length header can be absent or wrong).
export class BodyTooLarge extends Error {}

export async function readBodyWithLimit(request: Request, maxBytes: number): Promise<string> {
  return (await readBytesWithLimit(request, maxBytes)).toString("utf8");
}

/** A body that did not arrive whole within the time given to it. */
export class BodyTooSlow extends Error {}

/**
 * The body's bytes as they are (a file upload), under the same limit. With `withinMs`, a body still arriving after
 * that long is cut off: a client sending a trickle cannot hold what the upload holds (a place among the uploads
 * running at once) for as long as it likes.
 */
export async function readBytesWithLimit(request: Request, maxBytes: number, withinMs?: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new BodyTooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  let late = false;
  const deadline =
    withinMs === undefined
      ? undefined
      : setTimeout(() => {
          late = true;
          void reader.cancel().catch(() => undefined);
        }, withinMs);
  try {
    return await readAll(reader, maxBytes, () => late);
  } finally {
    clearTimeout(deadline);
  }
}

async function readAll(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes: number, late: () => boolean): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    // A cancelled read ends as if the body had: only the flag tells the two apart.
    if (late()) throw new BodyTooSlow();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
