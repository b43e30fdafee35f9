// sitemap.xml (sitemaps.org 0.9) and robots.txt. A sitemap lists absolute URLs, so it is
// written only when the site's address is known; robots.txt is always written and points
// at the sitemap when there is one.

import { x } from 'xastscript'
import { absoluteUrl, SITEMAP_URL } from './urls.js'
import { onePerLine, xmlDocument } from './xml.js'

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'

/** `paths` are page paths relative to the output root, listed in the order given. */
export function renderSitemap(siteUrl: string, paths: readonly string[]): string {
  return xmlDocument(x('urlset', { xmlns: SITEMAP_NS }, onePerLine(paths.map((path) => x('url', [x('loc', absoluteUrl(siteUrl, path))])))))
}

export function renderRobots(siteUrl: string | null): string {
  const lines = ['User-agent: *', 'Disallow:']
  if (siteUrl) lines.push('', `Sitemap: ${absoluteUrl(siteUrl, SITEMAP_URL)}`)
  return `${lines.join('\n')}\n`
}
