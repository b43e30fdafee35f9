import type { PageLine } from '../types.js'
import { BYLINE_LINE, REPORT_MARKER, SENTENCE_PUNCT, continuedOn, endsSentence, matchEndBracketCredit, matchPhotoCredit } from './patterns.js'

/** Display width: a Chinese character is 1, an ASCII character half of one. */
export function displayWidth(text: string): number {
  let w = 0
  for (const c of text) w += c.charCodeAt(0) < 0x2e80 && c !== '“' && c !== '”' && c !== '‘' && c !== '’' ? 0.5 : 1
  return w
}

export function hasSentencePunct(text: string): boolean {
  return SENTENCE_PUNCT.test(text)
}

/** The line closes a sentence (or a credit or a 下转 note), so a new paragraph may follow. */
export function endsTerminal(text: string): boolean {
  return endsSentence(text) || matchPhotoCredit(text) !== null || continuedOn(text) !== null || matchEndBracketCredit(text) !== null || text === '摄'
}

/** Blank lines before a line, counting an indented line as set apart like one blank line. */
export function gapBefore(line: PageLine): number {
  return line.blankBefore + (/^\s/u.test(line.raw) ? 1 : 0)
}

/** The most frequent value (the smallest of those tied), or `fallback` when there is none. Sorts `values` in place. */
function mode(values: number[], fallback: number): number {
  if (values.length === 0) return fallback
  // Sorted, equal values stand together: the longest run wins, the first of equals. Runs for
  // every line of every page over a dozen or two values, where a Map per call cost more.
  values.sort((a, b) => a - b)
  let best = fallback
  let bestCount = 0
  for (let i = 0; i < values.length; ) {
    let j = i + 1
    while (j < values.length && values[j] === values[i]) j++
    if (j - i > bestCount) {
      best = values[i] as number
      bestCount = j - i
    }
    i = j
  }
  return best
}

export interface LayoutProfile {
  /** Usual number of blank lines inside a paragraph near each line (0 single-spaced, 1 double-spaced). */
  normalGap: number[]
  /** Usual width of a full body line near each line. */
  width: number[]
}

const WINDOW = 12

/**
 * Learns the page's local layout from lines that certainly run on into the next one
 * (they have sentence punctuation but do not end a sentence). Pages mix single- and
 * double-spaced stories, so both figures are taken from nearby lines only.
 */
export function layoutProfile(lines: PageLine[]): LayoutProfile {
  const samples: { index: number; gap: number; width: number }[] = []
  lines.forEach((l, i) => {
    const next = lines[i + 1]
    if (!next || !hasSentencePunct(l.text) || endsTerminal(l.text)) return
    if (!/[\p{Script=Han}，、；]$/u.test(l.text)) return
    // a line that runs into a story marker is not running text (a punctuated headline)
    if (REPORT_MARKER.test(next.text) || BYLINE_LINE.test(next.text)) return
    samples.push({ index: i, gap: next.blankBefore, width: Math.round(displayWidth(l.text)) })
  })
  const globalGap = mode(samples.map((s) => s.gap), 0)
  const globalWidth = mode(samples.map((s) => s.width), 16)
  const normalGap: number[] = []
  const width: number[] = []
  // samples are in line order: slide a window over them instead of filtering for every line
  let from = 0
  let to = 0
  // Neighbouring lines mostly see the same samples (from … to): their figures are worked out once.
  let seenFrom = -1
  let seenTo = -1
  let gap = globalGap
  let lineWidth = globalWidth
  lines.forEach((_, i) => {
    while (from < samples.length && (samples[from] as { index: number }).index < i - WINDOW) from++
    while (to < samples.length && (samples[to] as { index: number }).index <= i + WINDOW) to++
    if (from !== seenFrom || to !== seenTo) {
      seenFrom = from
      seenTo = to
      const near = samples.slice(from, to)
      gap = near.length >= 3 ? mode(near.map((s) => s.gap), globalGap) : globalGap
      lineWidth = near.length >= 3 ? mode(near.map((s) => s.width), globalWidth) : globalWidth
    }
    normalGap.push(gap)
    width.push(lineWidth)
  })
  return { normalGap, width }
}
