// Which search files a search page can ask for before its main script has run: those of a
// query that is exactly one of the archive's indexed words (a person's or a topic's name, the
// searches readers arrive with from the people and topic pages), listed by relevance — the
// word's top-cards file and its term shard. The engine asks for the same files for such a
// query (engine.ts prepare; tests/search/early-files.test.ts checks every word of an index);
// any other query gets nothing early and goes the usual way.

import { wordFiles, type SearchEntry } from './format.js'
import type { SearchState } from './client/url-state.js'

export interface EarlyFiles {
  /** The word's first page (top-cards.ts), if it has one. */
  top: string | null
  /** The word's term shard, which ranks the rest. */
  shard: string
}

/** The files `state`'s first page needs; null unless the query is exactly an indexed word, sorted by relevance. */
export function earlyFiles(entry: Pick<SearchEntry, 'words' | 'wordShards'>, state: SearchState): EarlyFiles | null {
  if (state.sort !== 'relevance') return null
  const index = entry.words.indexOf(state.query.trim())
  const ref = index === -1 ? undefined : entry.wordShards[index]
  if (!ref) return null
  const files = wordFiles(ref, index)
  return { top: files.top, shard: files.file }
}
