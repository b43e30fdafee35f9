// Reads the emitted search/*.js files the way the page does (by running them) but from
// memory, so tests exercise the real file format without a browser.

import vm from 'node:vm'
import type { SearchSource } from '../../../src/search/engine.js'
import { REGISTRY_GLOBAL, SEARCH_DIR, SEARCH_ENTRY_FILE, type SearchEntry } from '../../../src/search/format.js'
import type { OutputFile } from '../../../src/types.js'

/** Runs a registering script and returns everything it registered, in order. */
export function runRegisteringScripts(contents: string): Array<{ name: string; data: unknown }> {
  const sandbox: Record<string, unknown> = {}
  sandbox.self = sandbox
  vm.runInNewContext(contents, sandbox)
  // The script created the queue shape documented in script-file.ts.
  const registry = sandbox[REGISTRY_GLOBAL] as { q: Array<[string, unknown]> }
  return registry.q.map(([name, data]) => ({ name, data }))
}

/** Runs one registering script and returns what it registered. */
export function runRegisteringScript(contents: string): { name: string; data: unknown } {
  const registered = runRegisteringScripts(contents)
  const [entry] = registered
  if (!entry || registered.length !== 1) throw new Error('Expected the script to register exactly one file')
  return entry
}

/**
 * The search files in memory, loaded as the page's script loader loads them: a file some
 * earlier script registered (a top-cards file registers cards) is served without a load;
 * `loaded` lists the files that were really read, in order.
 */
export function memorySource(files: readonly OutputFile[]): SearchSource & { loaded: string[] } {
  const byPath = new Map(files.map((file) => [file.path, file.contents]))
  const registered = new Map<string, unknown>()
  const read = (name: string) => {
    const contents = byPath.get(`${SEARCH_DIR}/${name}`)
    if (contents === undefined) throw new Error(`No search file ${name}`)
    const all = runRegisteringScripts(typeof contents === 'string' ? contents : new TextDecoder().decode(contents))
    const last = all[all.length - 1]
    if (last?.name !== name) throw new Error(`${name} registered itself as ${last?.name}`)
    for (const { name: other, data } of all) registered.set(other, data)
    return last.data
  }
  const loaded: string[] = []
  return {
    entry: read(SEARCH_ENTRY_FILE) as SearchEntry,
    loaded,
    load: async (name) => {
      if (registered.has(name)) return registered.get(name)
      loaded.push(name)
      return read(name)
    },
  }
}
