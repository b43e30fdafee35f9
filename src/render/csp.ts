// The Content-Security-Policy every page carries in a <meta http-equiv> (a static site has no
// headers of its own, and pages opened from file:// have none at all). Nothing is allowed
// unless named: scripts, styles and images only from the site itself ('self' also covers
// file:// in Chromium), no inline script or style, no plugins, no <base>, forms only to our
// own search page. frame-ancestors, report-uri and sandbox are not honoured in a <meta>
// policy, so they are left out rather than written and ignored.

export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  // data: for the empty favicon (`<link rel="icon" href="data:,">`), which keeps browsers from asking for /favicon.ico.
  ['img-src', "'self' data:"],
  ['base-uri', "'none'"],
  ['form-action', "'self'"],
]

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ')
