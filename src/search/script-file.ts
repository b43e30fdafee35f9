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

const REGISTRY = `self.${REGISTRY_GLOBAL}=self.${REGISTRY_GLOBAL}||{q:[],add:function(n,d){this.q.push([n,d])}}`

/** `registeringScript` for data already serialised with JSON.stringify. */
export function registeringScriptOfJson(name: string, json: string): string {
  return `(${REGISTRY}).add(${toScriptLiteral(name)},${jsonAsScriptLiteral(json)});\n`
}

/** One script registering several files, in order (top-cards.ts): the registry expression once, not per file. */
export function registeringBundle(entries: ReadonlyArray<readonly [name: string, data: unknown]>): string {
  const adds = entries.map(([name, data]) => `r.add(${toScriptLiteral(name)},${toScriptLiteral(data)});`).join('')
  return `(function(r){${adds}})(${REGISTRY});\n`
}

/**
 * What goes around the UTF-8 bytes of JSON text to make `registeringScript(name, data)` (the
 * term shards are written as bytes). Throws on JSON holding a character `toScriptLiteral`
 * escapes (`<`, U+2028, U+2029): term shards never do, their terms are letters and digits.
 */
export function registeringScriptFrame(name: string, json: Uint8Array): { before: Uint8Array; after: Uint8Array } {
  for (let i = 0; i < json.length; i++) {
    if (json[i] === 0x3c || (json[i] === 0xe2 && json[i + 1] === 0x80 && (json[i + 2] === 0xa8 || json[i + 2] === 0xa9))) {
      throw new Error(`${name}: JSON with characters a script must escape`)
    }
  }
  return { before: Buffer.from(`(${REGISTRY}).add(${toScriptLiteral(name)},`, 'utf8'), after: Buffer.from(');\n', 'utf8') }
}

/** `<prefix>-<hash>.js`: the hash is of the data, so unchanged shards keep their names (and caches). */
export function hashedName(prefix: string, data: unknown): string {
  return hashedNameOfJson(prefix, JSON.stringify(data))
}

/** `hashedName` for data already serialised with JSON.stringify (as text or as its UTF-8 bytes). */
export function hashedNameOfJson(prefix: string, json: string | Uint8Array): string {
  return `${prefix}-${jsonHash(json)}.js`
}

/** The 10 hex digits that name a file by its content (JSON text or its UTF-8 bytes). */
export function jsonHash(json: string | Uint8Array): string {
  return createHash('sha256').update(json).digest('hex').slice(0, 10)
}

/**
 * Collects content-hashed registering scripts into `files` (under the search folder):
 * `emit(prefix, data)` writes one and returns its file name.
 */
export function hashedScriptEmitter(files: { path: string; contents: string | Uint8Array }[], folder: string): (prefix: string, data: unknown) => string {
  return (prefix, data) => {
    const json = JSON.stringify(data)
    const name = hashedNameOfJson(prefix, json)
    files.push({ path: `${folder}/${name}`, contents: registeringScriptOfJson(name, json) })
    return name
  }
}
