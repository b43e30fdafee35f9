// The search page's head script, right after the page's copy of the index's entry (a JSON
// block, page-entry.ts); both are read before the rest of the page. It leaves the entry in the
// registry for the main script and, for a query that is one indexed word, adds the scripts of
// the word's first page and postings at once (early-files.ts): the main script, deferred until
// the page is parsed and then evaluated, would ask for them a good 100 ms later on a cold
// page. The main script's loader adopts these scripts (script-loader.ts).

import { earlyFiles } from '../early-files.js'
import { SEARCH_FORMAT_VERSION } from '../format.js'
import { readEntryBlock, registerEntry, searchBaseUrl } from './page-entry.js'
import { searchScript } from './script-loader.js'
import { stateFromUrl } from './url-state.js'

function start(): void {
  const entry = readEntryBlock()
  if (!entry) return
  registerEntry(entry)
  if (entry.format !== SEARCH_FORMAT_VERSION) return
  const files = earlyFiles(entry, stateFromUrl())
  if (!files) return
  const base = searchBaseUrl()
  if (files.top !== null) {
    const top = searchScript(files.top, base)
    // The main script draws the first page as it starts when this small file is there, so
    // the first frame waits for it too (render-blocking, which a script added while the head
    // is still being read may ask for) and shows the results. A failed load stops the wait.
    top.setAttribute('blocking', 'render')
    document.head.append(top)
  }
  for (const shard of files.shards) document.head.append(searchScript(shard, base))
}

start()
