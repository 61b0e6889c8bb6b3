// The Content-Security-Policy for pages. Scripts run only with this response's nonce ('strict-dynamic' lets them
// load the app's own chunks), so an injected <script> or event handler does nothing; no plugins, no <base> tag,
// forms post only to this site, and only this site may frame it. Styles allow inline attributes, which next/image
// uses for its placeholders; styles cannot run code.
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join("; ");
}
