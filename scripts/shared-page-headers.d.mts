import type { IncomingMessage, ServerResponse } from "node:http";

export function frameworkScriptHashes(html: string): string[];
export function addSharedPageHeaders(request: IncomingMessage, response: ServerResponse): void;
