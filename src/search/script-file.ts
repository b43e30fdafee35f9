// Search data ships as classic scripts that register themselves, because a page opened from
// file:// cannot fetch() anything but can always load a <script src>. Each file calls
// `self.__archiveSearch.add(name, data)`; the first file to run creates a queue that the
// search page drains when it starts, so load order does not matter.

import { createHash } from 'node:crypto'
import { REGISTRY_GLOBAL } from './format.js'

/**
 * JSON as a JavaScript expression. JSON is valid JS except that U+2028/U+2029 were line
 * terminators before ES2019; `<` is escaped too, so the text stays inert even if it were ever
 * inlined into HTML.
 */
export function toScriptLiteral(value: unknown): string {
  return jsonAsScriptLiteral(JSON.stringify(value))
}

/** `toScriptLiteral` for a value already serialised with JSON.stringify. */
export function jsonAsScriptLiteral(json: string): string {
  return json.replace(/[\u2028\u2029<]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

export function registeringScript(name: string, data: unknown): string {
  return registeringScriptOfJson(name, JSON.stringify(data))
}

/** `registeringScript` for data already serialised with JSON.stringify (the term shards are written as text). */
export function registeringScriptOfJson(name: string, json: string): string {
  const registry = `self.${REGISTRY_GLOBAL}=self.${REGISTRY_GLOBAL}||{q:[],add:function(n,d){this.q.push([n,d])}}`
  return `(${registry}).add(${toScriptLiteral(name)},${jsonAsScriptLiteral(json)});\n`
}

/** `<prefix>-<hash>.js`: the hash is of the data, so unchanged shards keep their names (and caches). */
export function hashedName(prefix: string, data: unknown): string {
  return hashedNameOfJson(prefix, JSON.stringify(data))
}

/** `hashedName` for data already serialised with JSON.stringify. */
export function hashedNameOfJson(prefix: string, json: string): string {
  const hash = createHash('sha256').update(json).digest('hex').slice(0, 10)
  return `${prefix}-${hash}.js`
}
