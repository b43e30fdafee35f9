import type { PageLine } from '../types.js'
import { displayWidth, gapBefore } from './line-features.js'
import { KICKER } from './patterns.js'

/** A headline part this long gets a line of its own when a one-line headline is split. */
const OWN_LINE_PART = 8
/** A column label is a short phrase. */
const MAX_COLUMN_WIDTH = 14

/** `奋战“一季度”冲刺“开门红”S`: a lone Latin letter after Chinese is a decoration the extraction read as text. */
const STRAY_LETTER = /(?<=[\p{Script=Han}”」）])[A-Za-z]$/u

export function stripStrayLetter(text: string): string {
  return text.replace(STRAY_LETTER, '')
}

export interface HeadlineParts {
  column: string | null
  columnLine: number | null
  headline: string[]
  /** Stray letters taken off the lines, with their line: kept as page fragments so no text is lost. */
  strays: { text: string; line: number }[]
}

/**
 * Separates a column label from the headline lines printed with it and applies the
 * one-line rule. The label stands first, set apart from the headline by a wider gap
 * than the page uses inside a paragraph, or above a kicker (`…时强调`).
 */
export function splitHeadlineLines(lines: PageLine[], normalGap: number): HeadlineParts {
  const texts = lines.map((l) => stripStrayLetter(l.text))
  const strays = lines.flatMap((l, k) => (texts[k] === l.text ? [] : [{ text: l.text.slice((texts[k] as string).length), line: l.line }]))
  let column: string | null = null
  let columnLine: number | null = null
  const [first, second] = lines
  if (first && second && displayWidth(texts[0] as string) <= MAX_COLUMN_WIDTH) {
    const setApart = gapBefore(second) > normalGap
    const aboveKicker = KICKER.test(texts[1] as string) && !KICKER.test(texts[0] as string)
    if (setApart || aboveKicker) {
      column = texts[0] as string
      columnLine = first.line
      texts.shift()
    }
  }
  return { column, columnLine, headline: texts.length === 1 ? splitOneLineHeadline(texts[0] as string) : texts, strays }
}

/**
 * A whole headline block that came out as one line (`主题 副题 副题`) is split at
 * its gaps: a part of 8 or more characters is a line of its own, consecutive shorter
 * parts stay together on one line joined by a space.
 */
export function splitOneLineHeadline(text: string): string[] {
  const parts = text.split(' ').filter(Boolean)
  const lines: string[] = []
  let short: string[] = []
  for (const part of parts) {
    if ([...part].length >= OWN_LINE_PART) {
      if (short.length) lines.push(short.join(' '))
      short = []
      lines.push(part)
    } else short.push(part)
  }
  if (short.length) lines.push(short.join(' '))
  return lines
}

/** The main line of a headline: not the kicker that introduces it. */
export function mainTitle(headline: string[]): string {
  const index = headline.findIndex((line, k) => {
    const more = k < headline.length - 1
    return !(more && (KICKER.test(line) || [...line].length <= 4))
  })
  return headline[index === -1 ? 0 : index] ?? ''
}
