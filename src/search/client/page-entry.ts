// The index's entry (format.ts SearchEntry) as the search page carries it: a JSON data block
// in its head (render/pages/fixed.ts), so the page can ask for a query's files without first
// loading search/entry.js. The early script (early.ts) reads it and leaves it in the registry
// queue; the main script takes it from there, or reads the block itself if that did not run.

import { REGISTRY_GLOBAL, SEARCH_DIR, SEARCH_ENTRY_ELEMENT_ID, SEARCH_ENTRY_FILE, type SearchEntry } from '../format.js'
import type { GlobalRegistry } from './registry.js'

/** The entry in the page's data block; undefined when the block is missing or not JSON. */
export function readEntryBlock(doc: Document = document): SearchEntry | undefined {
  const text = doc.getElementById(SEARCH_ENTRY_ELEMENT_ID)?.textContent
  if (!text) return undefined
  try {
    // Our own build wrote it (render/pages/fixed.ts).
    return JSON.parse(text) as SearchEntry
  } catch {
    return undefined
  }
}

/** Hands `entry` to the registry as entry.js would have (script-file.ts writes that queue). */
export function registerEntry(entry: SearchEntry, scope: object = self): void {
  const slot = scope as Record<string, GlobalRegistry | undefined>
  slot[REGISTRY_GLOBAL] ??= { q: [], add(name, data) { this.q.push([name, data]) } }
  slot[REGISTRY_GLOBAL].add(SEARCH_ENTRY_FILE, entry)
}

/** The URL that search file names are relative to: the page's `search/` folder. */
export function searchBaseUrl(): string {
  return new URL(`${SEARCH_DIR}/${SEARCH_ENTRY_FILE}`, document.baseURI).href
}
