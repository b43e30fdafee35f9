import { VFile } from 'vfile'
import { normalizePage } from '../normalize/index.js'
import { segmentPage } from '../segment/index.js'
import { addDays, datesIn } from '../tag/event-date.js'
import type { RawPage } from '../types.js'

export interface DateEvidence {
  date: string | null
  /** Where the date came from, in words, for the importer's report. */
  evidence: string
  /** Datelines far from the chosen date, worth a look. */
  doubts: string[]
}

/** `2022年6月7日 星期二`: the date a masthead or page header prints. */
const PRINTED_DATE = /(?<year>\d{4})\s*年\s*(?<month>\d{1,2})\s*月\s*(?<day>\d{1,2})\s*日/u
/** `第1版`, `A2版`, `02版`: the page number a page header prints. */
const PRINTED_PAGE = /第\s*(?<page>\d{1,2})\s*版|^(?<alone>\d{1,2})\s*(?:版|$)/u
/** A page header is in the first lines of the page. */
const HEADER_LINES = 12

const pad = (n: number): string => String(n).padStart(2, '0')

function headerLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, HEADER_LINES)
}

/** The issue date printed in the page header, if any. */
export function printedDate(text: string): string | null {
  for (const line of headerLines(text)) {
    const m = PRINTED_DATE.exec(line.replace(/\s+/gu, ''))
    if (m?.groups && /星期|周[一二三四五六日天]|农历|^\d{4}年\d{1,2}月\d{1,2}日$/u.test(line.replace(/\s+/gu, ''))) {
      return `${m.groups.year}-${pad(Number(m.groups.month))}-${pad(Number(m.groups.day))}`
    }
  }
  return null
}

/** The page number printed in the page header, if any. */
export function printedPage(text: string): number | null {
  for (const line of headerLines(text)) {
    const m = PRINTED_PAGE.exec(line)
    const n = Number(m?.groups?.page ?? m?.groups?.alone)
    if (m && n >= 1) return n
  }
  return null
}

/**
 * The issue date from the datelines of a page's reports: a daily reports the day
 * before, so the latest dateline + 1 day. Datelines print no year: it comes from
 * `year` (a December dateline next to January ones belongs to the year before).
 */
export function dateFromDatelines(text: string, year: number): DateEvidence {
  const raw: RawPage = { meta: { paper: '', date: `${year}-12-31`, page: 1, source: null }, contentPath: 'import.txt', displayPath: 'import.txt', text, firstLine: 1 }
  const page = segmentPage(normalizePage(raw), new VFile())
  const leads = page.stories.filter((s) => s.continuedFrom === null).map((s) => s.paragraphs[0]?.text ?? '')
  // read every dateline in the year given; relative days (昨天) say nothing here
  let days = leads.flatMap((lead) => datesIn(lead.replace(/昨天|昨日|前天|前日/gu, ''), `${year}-12-31`))
  if (days.some((d) => d.slice(5, 7) === '12') && days.some((d) => d.slice(5, 7) === '01')) {
    days = days.map((d) => (d.slice(5, 7) === '12' ? `${year - 1}${d.slice(4)}` : d))
  }
  if (days.length === 0) return { date: null, evidence: 'no dateline with a month and day in any report', doubts: [] }
  const latest = [...days].sort().at(-1) as string
  const date = addDays(latest, 1)
  const doubts = days.filter((d) => d < addDays(latest, -7)).map((d) => `dateline ${d} is more than a week before ${latest}`)
  return { date, evidence: `latest dateline ${latest} of ${days.length} in ${leads.length} report(s), + 1 day`, doubts }
}
