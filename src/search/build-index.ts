// Builds one lunr index over every story with our tokenizer. lunr's default pipeline
// (trimmer, stop words, stemmer) would strip every CJK character, so both pipelines stay
// empty: the tokenizer already emits final terms. With no pipeline functions there is
// nothing to register, and `Index.load` works in the browser as is.

import lunr from 'lunr'
import type { SearchDoc } from './search-docs.js'
import { SEARCH_FIELDS, type SearchField } from './format.js'
import { tokenize } from './tokenizer.js'
import { NO_WORDS, type WordSet } from './words.js'

/** Headline words say more about a story than the same words deep in the body. */
export const FIELD_BOOST: Record<SearchField, number> = { title: 2, body: 1 }

function lunrTokenizer(words: WordSet) {
  const toLunrTokens = (value: unknown): lunr.Token[] => {
    if (typeof value !== 'string') return []
    return tokenize(value, words).map((token) => new lunr.Token(token.term, { position: token.position }))
  }
  // lunr's typings describe its tokenizer as a function with a `separator` property; ours
  // never reads it, but keeping lunr's value satisfies the type without a cast.
  return Object.assign(toLunrTokens, { separator: lunr.tokenizer.separator })
}

/** The reference index: lunr.Builder over every story, with `words` (words.ts) indexed whole. */
export function buildLunrIndex(docs: readonly SearchDoc[], words: WordSet = NO_WORDS): lunr.Index {
  const builder = new lunr.Builder()
  builder.pipeline.reset()
  builder.searchPipeline.reset()
  builder.tokenizer = lunrTokenizer(words)
  builder.metadataWhitelist = ['position']
  builder.ref('ref')
  for (const field of SEARCH_FIELDS) builder.field(field, { boost: FIELD_BOOST[field] })
  for (const doc of docs) {
    builder.add({ ref: String(doc.ref), title: doc.card.titleText, body: doc.card.body })
  }
  return builder.build()
}
