/** ASCII punctuation that the extraction sometimes emits inside Chinese text. */
const FULL_WIDTH: Record<string, string> = { ',': '，', '(': '（', ')': '）', '!': '！', ':': '：', ';': '；', '?': '？' }

const CJK = /[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘’《》]/u

const ASCII_ALNUM = /[A-Za-z0-9]/u

/** What the function changes; most lines hold none of it and are returned as they are (this runs on every line of the archive). */
const ANY_CHANGE = /[,()!:;?\u3000\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/u

/**
 * Turns ASCII `, ( ) ! : ; ?` into their full-width forms in Chinese text, and
 * full-width Latin letters and digits into ASCII, so that `会议,传达` and `会议，传达`
 * read the same. A line with Chinese in it is Chinese text, even where a mark stands
 * at a line break (`)1月17日`), except between two Latin letters or digits (`1,000`).
 */
export function normalizePunctuation(line: string): string {
  if (!ANY_CHANGE.test(line)) return line
  const chars = [...line.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/gu, (c) => c.normalize('NFKC')).replace(/\u3000/gu, ' ')]
  const chinese = chars.some((c) => CJK.test(c))
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string
    const full = FULL_WIDTH[c]
    if (!full) continue
    const betweenLatin = ASCII_ALNUM.test(chars[i - 1] ?? '') && ASCII_ALNUM.test(chars[i + 1] ?? '')
    if (isCjkNeighbour(chars, i, -1) || isCjkNeighbour(chars, i, 1) || (chinese && !betweenLatin)) chars[i] = full
  }
  return chars.join('')
}

function isCjkNeighbour(chars: string[], i: number, step: 1 | -1): boolean {
  for (let j = i + step; j >= 0 && j < chars.length; j += step) {
    const c = chars[j] as string
    if (c === ' ') continue
    if (FULL_WIDTH[c]) continue // `),` or `(（` chains: look past them
    return CJK.test(c)
  }
  return false
}
