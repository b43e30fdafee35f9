// The search page's head script, right after search/entry.js; both run before the rest of
// the page is parsed. For a query that is one indexed word it adds the scripts of the word's
// first page and postings at once (early-files.ts), where the page's main script, deferred
// until the page is parsed and then evaluated, would ask for them a good 100 ms later on a
// cold page. The main script's loader adopts these scripts (script-loader.ts).

import { earlyFiles } from '../early-files.js'
import { REGISTRY_GLOBAL, SEARCH_ENTRY_FILE, SEARCH_FORMAT_VERSION, type SearchEntry } from '../format.js'
import { searchScript } from './script-loader.js'
import { stateFromUrl } from './url-state.js'

function start(): void {
  // The queue entry.js has just added to (script-file.ts writes it).
  const slot = (self as unknown as Record<string, { q?: Array<[string, unknown]> } | undefined>)[REGISTRY_GLOBAL]
  const entry = slot?.q?.find(([name]) => name === SEARCH_ENTRY_FILE)?.[1] as SearchEntry | undefined
  const entryScript = document.querySelector<HTMLScriptElement>('script[data-search-entry]')
  if (!entry || !entryScript || entry.format !== SEARCH_FORMAT_VERSION) return
  const files = earlyFiles(entry, stateFromUrl())
  if (!files) return
  if (files.top !== null) {
    const top = searchScript(files.top, entryScript.src)
    // The main script draws the first page as it starts when this small file is there, so
    // the first frame waits for it too (render-blocking, which a script added while the head
    // is still being read may ask for) and shows the results. A failed load stops the wait.
    top.setAttribute('blocking', 'render')
    document.head.append(top)
  }
  document.head.append(searchScript(files.shard, entryScript.src))
}

start()
