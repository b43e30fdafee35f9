import { dateFromDatelines, printedDate, printedPage, type DateEvidence } from './infer-date.js'

export interface ImportOptions {
  date?: string
  year?: number
  page?: number
  paper?: string
}

export interface ImportPlan {
  date: string
  page: number
  /** Content path of the new page, relative to the content folder. */
  path: string
  /** The file to write: front matter, then the text byte for byte. */
  contents: Buffer
  /** What was found, and from which evidence, one line each. */
  report: string[]
}

export class ImportRefusal extends Error {}

/** `2022年`: a year printed in the text, the most frequent one. */
function printedYear(text: string): number | null {
  const counts = new Map<number, number>()
  for (const m of text.matchAll(/(?<![\d])((?:19|20)\d{2})\s*年/gu)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1)
  const best = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]
  return best ? best[0] : null
}

/**
 * Works out where a raw page belongs: the date from --date, else the masthead date,
 * else the datelines (+ 1 day) with the year from --year or printed in the text; the
 * page from --page, else the page header, else 1. Refuses when the date cannot be told.
 */
export function planImport(bytes: Buffer, text: string, source: string, options: ImportOptions): ImportPlan {
  const report: string[] = []
  let date = options.date ?? null
  if (date) report.push(`date ${date}: given with --date`)
  if (!date) {
    date = printedDate(text)
    if (date) report.push(`date ${date}: printed in the page header`)
  }
  if (!date) {
    const year = options.year ?? printedYear(text)
    if (!year) throw new ImportRefusal(`${source}: cannot tell the issue date: no date in the page header and no year; give --date YYYY-MM-DD or --year YYYY`)
    const found: DateEvidence = dateFromDatelines(text, year)
    if (!found.date) throw new ImportRefusal(`${source}: cannot tell the issue date (${found.evidence}); give --date YYYY-MM-DD`)
    date = found.date
    report.push(`date ${date}: ${found.evidence}; year ${year} ${options.year ? 'from --year' : 'printed in the text'}`)
    for (const d of found.doubts) report.push(`  check: ${d}`)
  }
  let page = options.page ?? null
  if (page) report.push(`page ${page}: given with --page`)
  else {
    page = printedPage(text)
    report.push(page ? `page ${page}: printed in the page header` : 'page 1: no page number printed (use --page)')
    page ??= 1
  }
  const front = [
    '---',
    ...(options.paper ? [`paper: ${options.paper}`] : []),
    `date: ${date}`,
    `page: ${page}`,
    `source: ${JSON.stringify(source)}`,
    '---',
    '',
  ].join('\n')
  const path = `${date.slice(0, 4)}/${date}/page-${String(page).padStart(2, '0')}.txt`
  return { date, page, path, contents: Buffer.concat([Buffer.from(front, 'utf8'), bytes]), report }
}
