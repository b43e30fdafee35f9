import matter from 'gray-matter'
import { z } from 'zod'
import type { VFile } from 'vfile'
import type { PageMeta } from '../types.js'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** YAML turns `2022-06-07` into a UTC timestamp; read it back as the calendar date it was. */
function toIsoDate(value: unknown): unknown {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10)
  return value
}

export function isValidIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}

const FrontMatter = z.object({
  paper: z.string().trim().min(1).optional(),
  date: z.preprocess(toIsoDate, z.string().refine(isValidIsoDate, 'expected a calendar date YYYY-MM-DD')).optional(),
  page: z.coerce.number().int().positive().optional(),
  source: z.union([z.string(), z.number()]).transform(String).optional(),
})

const KNOWN_KEYS = new Set(['paper', 'date', 'page', 'source'])

export interface ParsedFrontMatter {
  meta: Partial<PageMeta>
  /** The text after the front matter. */
  body: string
  /** 1-based file line where `body` starts. */
  firstLine: number
}

/**
 * gray-matter's data and content of a page, handing it the front-matter block alone: given
 * the whole page it turns the page into a Buffer and looks it up in its cache (~0.3 s of a
 * 12,000-page build's reading, first run); the block is read the same (the same first
 * closing `---`), and the content cut after it as gray-matter cuts it (one \r, then one \n).
 * Options are passed: that turns off gray-matter's cache, which would hand equal pages one shared object.
 */
function readMatter(text: string): { data: Record<string, unknown>; content: string } {
  const close = text.indexOf('\n---', 3)
  if (close === -1) {
    const whole = matter(text, {})
    return { data: whole.data, content: whole.content }
  }
  const end = close + 4
  const block = matter(text.slice(0, end), {})
  let content = text.slice(end)
  if (content[0] === '\r') content = content.slice(1)
  if (content[0] === '\n') content = content.slice(1)
  return { data: block.data, content }
}

/**
 * Splits and validates the gray-matter block of a page. Problems are reported on
 * `file`; a block that cannot be parsed at all is fatal (`file.fail` throws).
 */
export function parseFrontMatter(text: string, file: VFile): ParsedFrontMatter {
  if (!/^---[ \t]*\n/.test(text)) {
    file.message('Unexpected page without front matter, expected a `---` block with paper, date and page', {
      place: { line: 1, column: 1 },
      ruleId: 'front-matter-missing',
      source: 'ingest',
    })
    return { meta: {}, body: text, firstLine: 1 }
  }
  let parsed: { data: Record<string, unknown>; content: string }
  try {
    parsed = readMatter(text)
  } catch (error) {
    const mark = (error as { mark?: { line?: number; column?: number } }).mark
    const reason = ((error as Error).message.split('\n')[0] ?? '').replace(/ \(\d+:\d+\)$| at line \d+, column \d+:?$/u, '')
    file.fail(`Cannot parse front matter: ${reason}`, {
      place: { line: (mark?.line ?? 0) + 2, column: (mark?.column ?? 0) + 1 },
      ruleId: 'front-matter-syntax',
      source: 'ingest',
    })
  }
  const headerLines = text.length - parsed.content.length
  const firstLine = text.slice(0, headerLines).split('\n').length
  const data: Record<string, unknown> = parsed.data ?? {}
  const lineOf = (key: string): number => {
    const index = text.slice(0, headerLines).split('\n').findIndex((l) => l.startsWith(`${key}:`))
    return index === -1 ? 1 : index + 1
  }
  for (const key of Object.keys(data).sort()) {
    if (!KNOWN_KEYS.has(key)) {
      file.message(`Unexpected front-matter key \`${key}\`, expected one of paper, date, page, source`, {
        place: { line: lineOf(key), column: 1 },
        ruleId: 'front-matter-unknown-key',
        source: 'ingest',
      })
    }
  }
  const meta: Partial<PageMeta> = {}
  // YAML reads 2023-02-30 as a timestamp and rolls it over to March: check the date as written.
  const writtenDate = /^date:[ \t]*['"]?(?<date>[^'"\s#]+)/mu.exec(text.slice(0, headerLines))?.groups?.date
  for (const key of KNOWN_KEYS) {
    if (data[key] === undefined || data[key] === null) continue
    const value = key === 'date' && data[key] instanceof Date && writtenDate ? writtenDate : data[key]
    const field = FrontMatter.shape[key as keyof typeof FrontMatter.shape].safeParse(value)
    if (field.success) {
      ;(meta as Record<string, unknown>)[key] = field.data
    } else {
      file.message(`Unexpected \`${key}: ${String(value)}\` in front matter, ${field.error.issues[0]?.message ?? 'invalid value'}`, {
        place: { line: lineOf(key), column: 1 },
        ruleId: `front-matter-${key}`,
        source: 'ingest',
      })
    }
  }
  return { meta, body: parsed.content, firstLine }
}
