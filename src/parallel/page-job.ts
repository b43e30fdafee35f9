import { VFile } from 'vfile'
import { normalizePage } from '../normalize/index.js'
import { segmentPage } from '../segment/index.js'
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
  messages: PlainMessage[]
}

/** normalize → segment → the story-local part of tagging, for one page, with its diagnostics as plain data. Never throws. */
export function runPageJob(raw: RawPage, taxonomy: Taxonomy): PageResult {
  const file = new VFile({ path: raw.displayPath })
  let page: SegmentedPage | null = null
  let hits: PersonHit[][] = []
  try {
    const segmented = segmentPage(normalizePage(raw), file)
    hits = segmented.stories.map((story) => tagStory(story, taxonomy, file))
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
