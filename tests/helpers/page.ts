import { VFile } from 'vfile'
import { toRawPage } from '../../src/ingest/read-content.js'
import { normalizePage } from '../../src/normalize/index.js'
import { segmentPage } from '../../src/segment/index.js'
import type { SegmentedPage } from '../../src/types.js'

export interface PageOptions {
  date?: string
  paper?: string
  page?: number
}

/** A content page made from a snippet: front matter (6 lines) then the text. */
export function pageText(body: string, { date = '2023-03-03', paper = '示例日报', page = 1 }: PageOptions = {}): string {
  return `---\npaper: ${paper}\ndate: ${date}\npage: ${page}\nsource: example.txt\n---\n${body}`
}

/** Runs ingest → normalize → segment on a snippet; returns the page and its diagnostics. */
export function segmentSnippet(body: string, options: PageOptions = {}): { page: SegmentedPage; messages: string[] } {
  const date = options.date ?? '2023-03-03'
  const file = new VFile({ path: 'example.txt' })
  const raw = toRawPage(pageText(body, options), `${date.slice(0, 4)}/${date}/page-01.txt`, file)
  if (!raw) throw new Error(file.messages.map(String).join('\n'))
  const page = segmentPage(normalizePage(raw), file)
  return { page, messages: file.messages.map((m) => `${m.line}:${m.column}: ${m.reason}`) }
}

/** Body text of a story as one string. */
export const bodyOf = (s: { paragraphs: { text: string }[] }): string => s.paragraphs.map((p) => p.text).join('')
