// The Content-Security-Policy every page carries in a <meta http-equiv> (a static site has no
// headers of its own, and pages opened from file:// have none at all). Nothing is allowed
// unless named: scripts, styles and images only from the site itself ('self' also covers
// file:// in Chromium), no inline style, no plugins, no <base>, forms only to our own search
// page. No inline script either, but for one a page of ours carries on purpose (the search
// page's head script, written into the page to spare a request before the page's first
// frame): its policy names that script's exact bytes by their hash, so nothing else, and
// nothing changed, would run. frame-ancestors, report-uri and sandbox are not honoured in a
// <meta> policy, so they are left out rather than written and ignored.

import { createHash } from 'node:crypto'

export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  // data: for the empty favicon (`<link rel="icon" href="data:,">`), which keeps browsers from asking for /favicon.ico.
  ['img-src', "'self' data:"],
  ['base-uri', "'none'"],
  ['form-action', "'self'"],
]

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy()

/** The policy, its script-src also allowing the inline scripts `inlineScripts` (their exact text). */
export function contentSecurityPolicy(inlineScripts: readonly string[] = []): string {
  const hashes = inlineScripts.map((script) => ` 'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`).join('')
  return CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}${name === 'script-src' ? hashes : ''}`).join('; ')
}
