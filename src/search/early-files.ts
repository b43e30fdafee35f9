// Which search files a search page can ask for before its main script has run: those of a
// query that is exactly one of the archive's indexed words (a person's or a topic's name, the
// searches readers arrive with from the people and topic pages), listed by relevance — the
// word's top-cards file and its term shard in each tier. The engine asks for the same files for such a
// query (engine.ts prepare; tests/search/early-files.test.ts checks every word of an index);
// any other query gets nothing early and goes the usual way.

import { wordFiles, wordTopFile, type SearchEntry } from './format.js'
import type { SearchState } from './client/url-state.js'

export interface EarlyFiles {
  /** The word's first page (top-cards.ts), if it has one. */
  top: string | null
  /** The word's term shards (one per tier holding it), which rank the rest. */
  shards: string[]
}

/** The files `state`'s first page needs; null unless the query is exactly an indexed word, sorted by relevance. */
export function earlyFiles(entry: Pick<SearchEntry, 'words' | 'tiers' | 'wordTops'>, state: SearchState): EarlyFiles | null {
  if (state.sort !== 'relevance') return null
  const index = entry.words.indexOf(state.query.trim())
  if (index === -1) return null
  const shards = entry.tiers.flatMap((tier, t) => {
    const ref = tier.wordShards[index]
    return ref ? [wordFiles(ref, t).file] : []
  })
  if (shards.length === 0) return null
  return { top: wordTopFile(entry, index), shards }
}
