import type { NormalizedPage, PageLine, RawPage } from '../types.js'
import { normalizeLine } from './normalize-line.js'

/**
 * Splits a page into its non-blank lines, each normalised and still tied to its
 * source line number. The raw text stays the source of truth: every PageLine keeps
 * `raw`, and later stages only ever point back at line numbers.
 */
export function normalizePage(page: RawPage): NormalizedPage {
  const lines: PageLine[] = []
  let blanks = 0
  page.text.split('\n').forEach((raw, i) => {
    const text = normalizeLine(raw)
    if (text === '') {
      blanks++
      return
    }
    lines.push({ line: page.firstLine + i, raw, text, blankBefore: blanks })
    blanks = 0
  })
  return { page, lines }
}

export { normalizeLine, joinLines } from './normalize-line.js'
export { undoLetterSpacing } from './letter-spacing.js'
export { normalizePunctuation } from './punctuation.js'
