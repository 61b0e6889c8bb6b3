import type { IncomingMessage, ServerResponse } from "node:http";

export type PageCache = {
  serve(request: IncomingMessage, response: ServerResponse): boolean;
  keeperFor(request: IncomingMessage, response: ServerResponse): ((body: Buffer) => void) | undefined;
  expire(): void;
  readonly size: { entries: number; bytes: number };
};

export function createPageCache(options: { maxBytes: number; personalCookie: string; now?: () => number }): PageCache;
