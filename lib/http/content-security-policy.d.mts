export function contentSecurityPolicy(nonce: string, development: boolean): string;
export function hashedContentSecurityPolicy(scriptHashes: readonly string[]): string;
