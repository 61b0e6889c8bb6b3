// Reads a request body up to a limit, counting bytes as they arrive, so an oversized body is refused without
// being buffered whole (a Content-Length header can be absent or wrong).
export class BodyTooLarge extends Error {}

export async function readBodyWithLimit(request: Request, maxBytes: number): Promise<string> {
  return (await readBytesWithLimit(request, maxBytes)).toString("utf8");
}

/** The body's bytes as they are (a file upload), under the same limit. */
export async function readBytesWithLimit(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new BodyTooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
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
