// @ts-check
// The Content-Security-Policy for pages, used by the proxy (pages rendered per request) and by the server
// (scripts/serve.mjs, for pages served from the page cache). Scripts run only when this response vouches for them,
// so an injected <script> or event handler does nothing; no plugins, no <base> tag, forms post only to this site,
// and only this site may frame it. Styles allow inline attributes, which next/image uses for its placeholders;
// styles cannot run code.
const FIXED_DIRECTIVES = [
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
];

/** @param {string} scriptSources */
function policy(scriptSources) {
  return ["default-src 'self'", `script-src ${scriptSources}`, ...FIXED_DIRECTIVES].join("; ");
}

// A page rendered for this request: its scripts carry this response's nonce ('strict-dynamic' lets them load the
// app's own chunks).
/**
 * @param {string} nonce
 * @param {boolean} development
 * @returns {string}
 */
export function contentSecurityPolicy(nonce, development) {
  return policy(`'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`);
}

// A page rendered once and served to many: a nonce would be the same for everybody, so the policy names the
// SHA-256 of each inline script the page holds, and the app's own files by origin.
/**
 * @param {readonly string[]} scriptHashes
 * @returns {string}
 */
export function hashedContentSecurityPolicy(scriptHashes) {
  return policy(["'self'", ...[...new Set(scriptHashes)].map((hash) => `'sha256-${hash}'`)].join(" "));
}
