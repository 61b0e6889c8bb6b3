import type { ServerResponse } from "node:http";

export function frameworkScriptHashes(html: string): string[];
export function addSharedPageHeaders(response: ServerResponse): void;
