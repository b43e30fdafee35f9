// The plain answer search results are checked against: stories whose normalised title or
// body text contains the normalised query, found by scanning, with no index involved.

import { collectSearchDocs } from '../../../src/search/search-docs.js'
import { normalizeText } from '../../../src/search/tokenizer.js'
import type { DocCard } from '../../../src/search/format.js'
import type { SiteModel } from '../../../src/types.js'

export function storiesContaining(model: SiteModel, query: string): DocCard[] {
  const needle = normalizeText(query)
  return collectSearchDocs(model)
    .map((doc) => doc.card)
    .filter((card) => normalizeText(card.titleText).includes(needle) || normalizeText(card.body).includes(needle))
}
