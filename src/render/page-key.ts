import { contentKey } from '../cache/hash.js'
import type { SiteConfig } from '../types.js'
import type { PageSpec } from './document.js'
import type { Templates } from './templates.js'

/**
 * Keys what pages are made from: a page's spec, or a page group's inputs (render/index.ts),
 * together with the templates and the site settings, so the same key means the same bytes.
 */
export function pageKeyer(templates: Templates, config: SiteConfig): (made: PageSpec | unknown) => string {
  const settings = JSON.stringify(config)
  return (made) => contentKey(templates.fingerprint, settings, JSON.stringify(made))
}
