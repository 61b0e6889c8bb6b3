// @ts-check
// The cookie that marks a reader whose own comment waits: their article pages are rendered for them alone. Shared by
// the app and the server's page cache (scripts/serve.mjs), which must never hand such a reader the shared page.
export const PENDING_COOKIE_NAME = /** @type {const} */ ("pending_comments");
