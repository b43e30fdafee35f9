// Reads the emitted search/*.js files the way the page does (by running them) but from
// memory, so tests exercise the real file format without a browser.

import vm from 'node:vm'
import type { SearchSource } from '../../../src/search/engine.js'
import { REGISTRY_GLOBAL, SEARCH_DIR, SEARCH_ENTRY_FILE, type SearchEntry } from '../../../src/search/format.js'
import type { OutputFile } from '../../../src/types.js'

/** Runs one registering script and returns what it registered. */
export function runRegisteringScript(contents: string): { name: string; data: unknown } {
  const sandbox: Record<string, unknown> = {}
  sandbox.self = sandbox
  vm.runInNewContext(contents, sandbox)
  // The script created the queue shape documented in script-file.ts.
  const registry = sandbox[REGISTRY_GLOBAL] as { q: Array<[string, unknown]> }
  const [entry] = registry.q
  if (!entry || registry.q.length !== 1) throw new Error('Expected the script to register exactly one file')
  return { name: entry[0], data: entry[1] }
}

export function memorySource(files: readonly OutputFile[]): SearchSource & { loaded: string[] } {
  const byPath = new Map(files.map((file) => [file.path, file.contents]))
  const read = (name: string) => {
    const contents = byPath.get(`${SEARCH_DIR}/${name}`)
    if (contents === undefined) throw new Error(`No search file ${name}`)
    const registered = runRegisteringScript(typeof contents === 'string' ? contents : new TextDecoder().decode(contents))
    if (registered.name !== name) throw new Error(`${name} registered itself as ${registered.name}`)
    return registered.data
  }
  const loaded: string[] = []
  return {
    entry: read(SEARCH_ENTRY_FILE) as SearchEntry,
    loaded,
    load: async (name) => {
      loaded.push(name)
      return read(name)
    },
  }
}
