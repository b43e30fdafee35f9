// The first screen of an indexed word's results, in one file. A query that is one indexed
// word — a person's or a topic's name, what readers type most — lists its first page of
// results from cards, one small file each (format.ts cardFile). Loading twenty of them was
// twenty requests after the term shard had arrived: on a cold page the browser's cost per
// request, not the bytes, was most of the time to the first result. So for each word the
// build writes `search/top/<word>-<hash>.js`, which registers the cards of the first
// RESULTS_PAGE_SIZE results of that word's query (rank.ts topDocs, the order the page lists
// them in) under their own card file names, and then itself. The page loads it beside the
// shard; the cards it needs are then registered already and load with no request. The
// ranking is still the page's own, from the shard; the file only brings card data early, so
// the results cannot differ from loading the cards one by one.

import type { OutputFile, SiteModel } from '../types.js'
import { SEARCH_DIR, cardFile, topCardsFile, type TopCardsData } from './format.js'
import { jsonHash, registeringBundle } from './script-file.js'
import { searchCards } from './search-docs.js'

/** The top files of `wordTops` (word, its first docs); returns each word's file hash, null for a word without one. */
export function topCardFiles(
  model: SiteModel,
  words: readonly string[],
  wordTops: ReadonlyArray<readonly [word: string, top: TopCardsData]>,
  cardFolderSize: number,
  files: OutputFile[],
): Array<string | null> {
  const cards = searchCards(model, new Set(wordTops.flatMap(([, top]) => top.docs)))
  const topOf = new Map(wordTops)
  return words.map((word, index) => {
    const top = topOf.get(word)
    if (!top || top.docs.length === 0) return null
    const entries: Array<[string, unknown]> = top.docs.map((doc) => [cardFile(doc, cardFolderSize), cards.get(doc)])
    const hash = jsonHash(JSON.stringify([entries, top]))
    const name = topCardsFile(index, hash)
    files.push({ path: `${SEARCH_DIR}/${name}`, contents: registeringBundle([...entries, [name, top]]) })
    return hash
  })
}
