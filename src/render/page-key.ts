import { contentKey } from '../cache/hash.js'
import type { SiteConfig } from '../types.js'
import type { PageSpec } from './document.js'
import { KEEP } from './slots.js'
import type { Templates } from './templates.js'

/** The slot value that keeps a template's own content is a symbol, which JSON would drop. */
const keyReplacer = (_key: string, value: unknown): unknown => (value === KEEP ? '\u0000keep' : value)

/**
 * Keys what pages are made from: a page's spec, or a page group's inputs (render/index.ts),
 * together with the templates and the site settings, so the same key means the same bytes.
 */
export function pageKeyer(templates: Templates, config: SiteConfig): (made: PageSpec | unknown) => string {
  const settings = JSON.stringify(config)
  return (made) => contentKey(templates.fingerprint, settings, JSON.stringify(made, keyReplacer))
}
