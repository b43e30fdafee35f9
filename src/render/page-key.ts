import { contentKey } from '../cache/hash.js'
import type { SiteConfig } from '../types.js'
import type { PageSpec } from './document.js'
import { KEEP } from './slots.js'
import type { Templates } from './templates.js'

/** The slot value that keeps a template's own content is a symbol, which JSON would drop. */
const keyReplacer = (_key: string, value: unknown): unknown => (value === KEEP ? '\u0000keep' : value)

/** Names everything a page's file is made from (its spec, the templates, the site settings): same key, same bytes. */
export function pageKey(templates: Templates, config: SiteConfig, spec: PageSpec): string {
  return contentKey(templates.fingerprint, JSON.stringify(config), JSON.stringify(spec, keyReplacer))
}
