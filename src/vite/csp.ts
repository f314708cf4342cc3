// The Content-Security-Policy of the built page: nothing may load from
// another origin, so a slip (a CDN link, a web font) fails loudly offline.
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self' data: blob:",
    "script-src 'self' 'unsafe-inline' blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' data: blob:",
    "frame-src 'self'",
    "object-src 'none'",
  ].join('; ');
}
