// The Content-Security-Policy of the built page: nothing may load from
// another origin, so a slip (a CDN link, a web font) fails loudly offline.
// The single file carries everything inline, so its policy allows no URL but
// data: and blob: — opened from file://, 'self' would be every file on the
// disk. Only frames keep 'self': the speaker view shows the deck's own file
// in its previews. Forms go nowhere and <base> is ignored. (Chromium has no
// navigate-to: a refresh or a file: URL written in a slide is refused while
// parsing, src/markdown/rules/rawHtml.ts.)
export function contentSecurityPolicy(options: { single?: boolean } = {}): string {
  if (options.single) {
    return [
      "default-src 'none'",
      "script-src 'unsafe-inline' blob:",
      "style-src 'unsafe-inline'",
      'img-src data: blob:',
      'font-src data:',
      'connect-src data: blob:',
      'media-src data: blob:',
      "frame-src 'self'",
      'worker-src blob:',
      "object-src 'none'",
      "form-action 'none'",
      "base-uri 'none'",
    ].join('; ');
  }
  return [
    "default-src 'self' data: blob:",
    "script-src 'self' 'unsafe-inline' blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' data: blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "form-action 'none'",
    "base-uri 'self'",
  ].join('; ');
}
