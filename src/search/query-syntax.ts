// Reads what a reader typed into the search box. Pure and shared by the search page and the
// tests. lunr's own query parser is never used: it splits on lunr's separator and treats
// `* ~ ^ : + -` as operators, which would both mangle Chinese and crash on stray symbols.

export interface DateRange {
  /** Inclusive lower bound, `YYYY-MM-DD`. */
  from: string
  /** Inclusive upper bound, `YYYY-MM-DD` (day 31 stands for "end of month"; dates compare as strings). */
  to: string
}

export interface ParsedQuery {
  /** Words and quoted phrases, combined with AND; each must occur as written. */
  terms: string[]
  /** `person:NAME` filters, combined with AND. */
  people: string[]
  /** `topic:NAME` filters, combined with AND. */
  topics: string[]
  /** `org:NAME` filters (the story's organizations), combined with AND. */
  organizations: string[]
  /** Intersection of all `date:` and `year:` filters, or null when there is none. */
  dateRange: DateRange | null
  /** Parts of the query that could not be used, worded for the reader. */
  problems: string[]
}

const FILTER = /^(?<key>person|topic|org|date|year):(?<value>.*)$/isu
const YEAR = /^\d{4}$/u
const DATE_END = /^(?<year>\d{4})(?:-(?<month>\d{1,2})(?:-(?<day>\d{1,2}))?)?$/u
const OPENING_QUOTES = new Set(['"', '“', '「'])
const CLOSING_QUOTE: Record<string, string> = { '"': '"', '“': '”', '「': '」' }
const SPACE = /\s/u

interface Lexeme {
  text: string
  quoted: boolean
  /** Where the lexeme sits in the query, quotes included. */
  start: number
  end: number
}

/** Split on whitespace, keeping quoted phrases (and `key:"quoted value"`) together. An unbalanced quote runs to the end. */
function lex(query: string): Lexeme[] {
  const out: Lexeme[] = []
  let i = 0
  while (i < query.length) {
    const char = query[i]!
    if (SPACE.test(char)) {
      i++
      continue
    }
    if (OPENING_QUOTES.has(char)) {
      const close = query.indexOf(CLOSING_QUOTE[char]!, i + 1)
      const end = close === -1 ? query.length : close
      out.push({ text: query.slice(i + 1, end), quoted: true, start: i, end: Math.min(end + 1, query.length) })
      i = end + 1
      continue
    }
    let end = i
    while (end < query.length && !SPACE.test(query[end]!)) {
      // `person:"张 三"`: a quote right after the colon opens the value.
      if (query[end] === ':' && end + 1 < query.length && OPENING_QUOTES.has(query[end + 1]!)) {
        const open = query[end + 1]!
        const close = query.indexOf(CLOSING_QUOTE[open]!, end + 2)
        const valueEnd = close === -1 ? query.length : close
        out.push({ text: query.slice(i, end + 1) + query.slice(end + 2, valueEnd), quoted: true, start: i, end: Math.min(valueEnd + 1, query.length) })
        end = valueEnd + 1
        i = end
        break
      }
      end++
    }
    if (i < end) {
      out.push({ text: query.slice(i, end), quoted: false, start: i, end })
      i = end
    }
  }
  return out
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** One end of a date range, widened to the first (`'start'`) or last (`'end'`) day it covers. */
export function parseDateEnd(text: string, side: 'start' | 'end'): string | null {
  const match = DATE_END.exec(text)
  if (!match?.groups) return null
  const year = Number(match.groups.year)
  const month = match.groups.month === undefined ? null : Number(match.groups.month)
  const day = match.groups.day === undefined ? null : Number(match.groups.day)
  if (month !== null && (month < 1 || month > 12)) return null
  if (month !== null && day !== null && (day < 1 || day > daysInMonth(year, month))) return null
  const pad = (n: number) => String(n).padStart(2, '0')
  const m = month ?? (side === 'start' ? 1 : 12)
  const d = day ?? (side === 'start' ? 1 : daysInMonth(year, m))
  return `${year}-${pad(m)}-${pad(d)}`
}

/** `A..B`, `A..`, `..B` or a single `A` (the whole year, month or day). */
export function parseDateRange(text: string): DateRange | null {
  const [fromText, toText, ...rest] = text.split('..')
  if (rest.length > 0 || fromText === undefined) return null
  if (toText === undefined) {
    const from = parseDateEnd(fromText, 'start')
    const to = parseDateEnd(fromText, 'end')
    return from && to ? { from, to } : null
  }
  if (fromText === '' && toText === '') return null
  const from = fromText === '' ? '0000-01-01' : parseDateEnd(fromText, 'start')
  const to = toText === '' ? '9999-12-31' : parseDateEnd(toText, 'end')
  if (!from || !to) return null
  // A reversed range is almost certainly a slip; searching it the right way round helps more than an empty page.
  return from <= to ? { from, to } : { from: parseDateEnd(toText, 'start')!, to: parseDateEnd(fromText, 'end')! }
}

function intersect(a: DateRange | null, b: DateRange): DateRange {
  if (!a) return b
  return { from: a.from > b.from ? a.from : b.from, to: a.to < b.to ? a.to : b.to }
}

export interface QueryPart {
  /** The part as typed (after NFKC), quotes included: joining parts with spaces gives a query. */
  source: string
  /** The filter key (`person`, `topic`, `org`, `date`, `year`), or null for a word or phrase. */
  filter: string | null
  /** The word, phrase or filter value without quotes. */
  value: string
}

/** The query cut into its words, phrases and filters, for building other queries from it. */
export function queryParts(query: string): QueryPart[] {
  const normalized = query.normalize('NFKC')
  return lex(normalized).map(({ text, start, end }) => {
    const filter = FILTER.exec(text)
    return {
      source: normalized.slice(start, end),
      filter: filter?.groups ? filter.groups.key!.toLowerCase() : null,
      value: filter?.groups ? filter.groups.value!.trim() : text.trim(),
    }
  })
}

/** `key:value` as a query part, quoted when the value holds a space or a quote. */
export function filterPart(key: string, value: string): string {
  return /[\s"“”「」]/u.test(value) ? `${key}:"${value.replace(/"/g, '')}"` : `${key}:${value}`
}

export function parseQuery(query: string): ParsedQuery {
  // NFKC first so full-width `：` and `＂` typed with a Chinese keyboard work as syntax.
  const lexemes = lex(query.normalize('NFKC'))
  const parsed: ParsedQuery = { terms: [], people: [], topics: [], organizations: [], dateRange: null, problems: [] }
  for (const { text, quoted } of lexemes) {
    const filter = FILTER.exec(text)
    if (!filter?.groups) {
      if (text.trim() !== '') parsed.terms.push(quoted ? text.trim() : text)
      continue
    }
    const key = filter.groups.key!.toLowerCase()
    const value = filter.groups.value!.trim()
    if (value === '') {
      parsed.problems.push(`“${key}:”后面缺少内容`)
      continue
    }
    if (key === 'person') parsed.people.push(value)
    else if (key === 'topic') parsed.topics.push(value)
    else if (key === 'org') parsed.organizations.push(value)
    else if (key === 'year') {
      // `year:2022` is `date:2022`: the event date, falling back to the issue date.
      const range = YEAR.test(value) ? parseDateRange(value) : null
      if (range) parsed.dateRange = intersect(parsed.dateRange, range)
      else parsed.problems.push(`无法识别年份“${value}”，请写成 year:2022`)
    } else {
      const range = parseDateRange(value)
      if (range) parsed.dateRange = intersect(parsed.dateRange, range)
      else parsed.problems.push(`无法识别日期“${value}”，请写成 date:2022、date:2022-06 或 date:2022-01..2022-06-30`)
    }
  }
  return parsed
}
