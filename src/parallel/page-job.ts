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
import { packPageLines, pageForTransit, pageFromTransit, type PageInTransit } from '../segment/packed-lines.js'
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

/** A result as a page worker posts it: the page with its lines packed (segment/packed-lines.ts), not an object per line. */
export type PageResultInTransit = Omit<PageResult, 'page'> & { page: PageInTransit | null }

/**
 * Packed on the worker, the page crosses as one string and one Int32Array instead of an
 * object per line, and the main thread (which would pack it anyway, pipeline.ts settlePage)
 * neither reads those objects back nor packs them.
 */
export function resultForTransit(result: PageResult): PageResultInTransit {
  return { ...result, page: result.page && pageForTransit(packPageLines(result.page)) }
}

export function resultFromTransit(sent: PageResultInTransit): PageResult {
  return { ...sent, page: sent.page && pageFromTransit(sent.page) }
}
