import { undoLetterSpacing } from './letter-spacing.js'
import { normalizePunctuation } from './punctuation.js'

const HAN = '\\p{Script=Han}'
/** A space between Chinese text and a number is an extraction artefact: `12 月 9日` → `12月9日`. */
const SPACE_NEXT_TO_DIGIT = new RegExp(`(?<=[${HAN}（）“”，。、])\\s+(?=\\d)|(?<=\\d)\\s+(?=[${HAN}（）“”，。、%])`, 'gu')

/** One printed line → its normalised text (letter-spacing undone, punctuation full-width, trimmed). */
export function normalizeLine(raw: string): string {
  let text = raw.replace(/[\t\f\v]/gu, ' ').trim()
  text = normalizePunctuation(text)
  text = undoLetterSpacing(text)
  text = text.replace(SPACE_NEXT_TO_DIGIT, '')
  return text.replace(/ {2,}/gu, ' ')
}

/**
 * Joins the lines of one paragraph. Chinese needs no space at a line break, and
 * neither do digits broken by a wrap (`20` / `18年`); Latin words do.
 */
export function joinLines(texts: string[]): string {
  let out = ''
  for (const t of texts) {
    if (t === '') continue
    if (out && /[A-Za-z]$/u.test(out) && /^[A-Za-z]/u.test(t)) out += ' '
    out += t
  }
  return out
}
