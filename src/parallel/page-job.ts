import { VFile } from 'vfile'
import { normalizePage } from '../normalize/index.js'
import { segmentPage } from '../segment/index.js'
import { docTerms, docTermsKey, type DocTerms } from '../search/doc-terms.js'
import { SEARCH_FIELDS } from '../search/format.js'
import { storySearchFields } from '../search/search-docs.js'
import { tagStory } from '../tag/index.js'
import type { PersonHit } from '../tag/people.js'
import type { Taxonomy } from '../tag/types.js'
import type { RawPage, SegmentedPage } from '../types.js'
import { plainMessages, type PlainMessage } from '../messages.js'

export interface PageResult {
  page: SegmentedPage | null
  /** Per story, the people its own text shows (tag/index.ts `tagStory`), for the archive-wide pass. */
  hits: PersonHit[][]
  /** Per story, its search index terms under their cache key (search/doc-terms.ts). */
  terms: { key: string; terms: DocTerms }[]
  messages: PlainMessage[]
}

/** A story's search terms, made here because tokenizing grows with the archive's text and parallelizes like segmenting. */
function storyTerms(story: SegmentedPage['stories'][number]): { key: string; terms: DocTerms } {
  const fields = storySearchFields(story)
  const texts = SEARCH_FIELDS.map((field) => fields[field])
  return { key: docTermsKey(texts), terms: docTerms(texts) }
}

/** normalize → segment → the story-local part of tagging, for one page, with its diagnostics as plain data. Never throws. */
export function runPageJob(raw: RawPage, taxonomy: Taxonomy): PageResult {
  const file = new VFile({ path: raw.displayPath })
  let page: SegmentedPage | null = null
  let hits: PersonHit[][] = []
  let terms: PageResult['terms'] = []
  try {
    const segmented = segmentPage(normalizePage(raw), file)
    hits = segmented.stories.map((story) => tagStory(story, taxonomy, file))
    terms = segmented.stories.map(storyTerms)
    page = segmented
  } catch (error) {
    const m = file.message(`Cannot segment page: ${(error as Error).message}`, {
      place: { line: raw.firstLine, column: 1 },
      ruleId: 'crash',
      source: 'segment',
    })
    m.fatal = true
  }
  return {
    page,
    hits,
    terms,
    messages: plainMessages(file),
  }
}
