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

/** A diagnostic as plain data, so it can cross a thread boundary. */
export interface PlainMessage {
  reason: string
  line: number
  column: number
  ruleId: string | undefined
  source: string | undefined
  /** true an error, false a warning, null a note (vfile's `info`) */
  fatal: boolean | null
}

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
    messages: file.messages.map((m) => ({
      reason: m.reason,
      line: m.line ?? 1,
      column: m.column ?? 1,
      ruleId: m.ruleId,
      source: m.source,
      fatal: m.fatal ?? null,
    })),
  }
}

/** Puts a job's messages back on the page's file. */
export function replayMessages(file: VFile, messages: PlainMessage[]): void {
  for (const p of messages) {
    const options = { place: { line: p.line, column: p.column }, ...(p.ruleId ? { ruleId: p.ruleId } : {}), ...(p.source ? { source: p.source } : {}) }
    if (p.fatal === null) file.info(p.reason, options)
    else file.message(p.reason, options).fatal = p.fatal
  }
}
