// What one lunr index over the whole archive answers for a query, asked the way the search
// page asks: every token covering each word is REQUIRED (src/search/phrase.ts coverTokens),
// and equal scores put the newest story (the higher doc number) first, as the page does —
// lunr leaves their order to its internals.
import lunr from 'lunr'
import { coverTokens } from '../../../src/search/phrase.js'
import { tokenizeQuery } from '../../../src/search/tokenizer.js'
import { NO_WORDS, type WordSet } from '../../../src/search/words.js'

/** `words`: the whole words `index` was built with (buildLunrIndex), which the query is tokenized with too. */
export function lunrResults(index: lunr.Index, query: string, words: WordSet = NO_WORDS): lunr.Index.Result[] {
  const terms = [...new Set(query.split(' ').flatMap((part) => coverTokens(tokenizeQuery(part, words)).map((t) => t.term)))]
  const results = index.query((q) => {
    for (const term of terms) q.term(term, { presence: lunr.Query.presence.REQUIRED, usePipeline: false })
  })
  return results.sort((a, b) => b.score - a.score || Number(b.ref) - Number(a.ref))
}
