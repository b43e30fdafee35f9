// Finds what to mark in a result's title and snippet. Matching happens on normalised text
// (the same normalisation the index uses) and is mapped back, so the reader sees the story's
// own characters (full-width punctuation and all) with the hits marked.

import { parseQuery } from './query-syntax.js'
import { isWordChar, normalizeText, normalizeWithOffsets, tokenizeQuery, type NormalizedText } from './tokenizer.js'

export interface TextRange {
  start: number
  end: number
}

export interface Piece {
  text: string
  mark: boolean
}

function charAt(text: string, index: number): string {
  if (index < 0 || index >= text.length) return ''
  return String.fromCodePoint(text.codePointAt(index)!)
}

function charBefore(text: string, index: number): string {
  if (index <= 0) return ''
  const low = text.charCodeAt(index - 1)
  return low >= 0xdc00 && low <= 0xdfff && index >= 2 ? text.slice(index - 2, index) : text.slice(index - 1, index)
}

/** Ranges of `source` where any needle occurs; words only match whole (`art` does not mark `party`). */
export function findHighlights(source: string, needles: readonly string[]): TextRange[] {
  return rangesIn(normalizeWithOffsets(source), needles)
}

function rangesIn(normalized: NormalizedText, needles: readonly string[]): TextRange[] {
  const text = normalized.text
  const ranges: TextRange[] = []
  for (const raw of needles) {
    const needle = normalizeText(raw)
    if (needle === '') continue
    const wordStart = isWordChar(charAt(needle, 0))
    const wordEnd = isWordChar(charBefore(needle, needle.length))
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      const end = at + needle.length
      if (wordStart && isWordChar(charBefore(text, at))) continue
      if (wordEnd && isWordChar(charAt(text, end))) continue
      ranges.push({ start: normalized.sourceStart[at]!, end: normalized.sourceEnd[end - 1]! })
    }
  }
  return mergeRanges(ranges)
}

function mergeRanges(ranges: TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end)
  const merged: TextRange[] = []
  for (const range of sorted) {
    const last = merged[merged.length - 1]
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end)
    else merged.push({ ...range })
  }
  return merged
}

/** `text` cut into plain and marked pieces. */
export function toPieces(text: string, ranges: readonly TextRange[], from = 0, to = text.length): Piece[] {
  const pieces: Piece[] = []
  let at = from
  for (const range of ranges) {
    const start = Math.max(range.start, from)
    const end = Math.min(range.end, to)
    if (end <= start) continue
    if (start > at) pieces.push({ text: text.slice(at, start), mark: false })
    pieces.push({ text: text.slice(start, end), mark: true })
    at = end
  }
  if (at < to) pieces.push({ text: text.slice(at, to), mark: false })
  return pieces
}

const EXCERPT_WIDTH = 110

/**
 * A window of about `width` code units around the first hit (or the start when nothing is
 * marked), with `…` where the text was cut. Paragraph breaks read as spaces in a snippet.
 */
export function excerptPieces(text: string, ranges: readonly TextRange[], width = EXCERPT_WIDTH): Piece[] {
  const first = ranges[0]
  let from = first ? Math.max(0, first.start - Math.floor(width / 4)) : 0
  let to = Math.min(text.length, from + width)
  from = Math.max(0, Math.min(from, to - width))
  // Never cut a surrogate pair in half.
  if (from > 0 && /[\udc00-\udfff]/.test(text[from]!)) from--
  if (to < text.length && /[\udc00-\udfff]/.test(text[to]!)) to++
  const pieces = toPieces(text, ranges, from, to).map((piece) => ({ ...piece, text: piece.text.replace(/\s*\n\s*/g, ' ') }))
  if (from > 0) pieces.unshift({ text: '…', mark: false })
  if (to < text.length) pieces.push({ text: '…', mark: false })
  return pieces
}

/** Code units of text searched first for a snippet: in news the first hit is nearly always in the lead. */
const LEAD = 600

/**
 * The ranges excerptPieces needs to cut `text`'s snippet: those of findHighlights(text,
 * needles), or, when the snippet window around the first hit ends well inside the first
 * LEAD code units, those found in that lead alone — the same pieces for a fraction of the
 * work on a long story (normalising its whole text was most of drawing a result).
 */
export function snippetHighlights(text: string, needles: readonly string[], width = EXCERPT_WIDTH): TextRange[] {
  if (text.length > 2 * LEAD) {
    const lead = normalizeWithOffsets(text.slice(0, LEAD))
    // The lead normalises as the whole text does except at its very end (a cluster or a
    // run of spaces the cut goes through): matches that end two units before it are the
    // whole text's, so are all matches starting before `complete`.
    const longest = Math.max(0, ...needles.map((needle) => normalizeText(needle).length))
    const complete = lead.text.length - 2 - longest
    if (complete > 0) {
      const safe = lead.sourceStart[complete]!
      const ranges = rangesIn(lead, needles)
      // The window ends at most `width` (and a surrogate) after the first hit.
      if (ranges[0] && ranges[0].start + width + 2 <= safe) return ranges.filter((range) => range.start < safe)
    }
  }
  return findHighlights(text, needles)
}

/** What to mark for a query as typed: its words, phrases, people and organizations that hold something searchable. */
export function highlightNeedles(query: string): string[] {
  const parsed = parseQuery(query)
  return [...parsed.terms, ...parsed.people, ...parsed.organizations].filter((text) => tokenizeQuery(text).length > 0)
}
