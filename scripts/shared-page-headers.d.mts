import type { IncomingMessage, ServerResponse } from "node:http";

export function frameworkScriptHashes(html: string): string[];
export function addSharedPageHeaders(request: IncomingMessage, response: ServerResponse, onComplete?: (body: Buffer) => void): void;
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean;
export function addVary(response: ServerResponse, name: string): void;
