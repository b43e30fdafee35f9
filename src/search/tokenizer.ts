// The one place where text becomes search terms. The build imports it to index stories and
// esbuild bundles the very same module into the search page, so index and query can never
// disagree. It must stay pure: no Node imports, no built-in dictionary, no Intl.Segmenter (ICU
// data differs between Node and browsers). The only words it knows are the ones the index
// was built with (words.ts), passed in by the caller.

import type { WordSet } from './words.js'

/**
 * Bump whenever normalisation or the shape of tokens changes: the search page refuses an
 * index written by another version instead of silently missing matches.
 */
export const TOKENIZER_VERSION = 1

/**
 * `word`: a run of letters/digits outside CJK; `char`: one CJK character; `bigram`: two
 * adjacent CJK characters; `cjkWord`: an indexed word of three or more CJK characters (words.ts).
 */
export type TokenKind = 'word' | 'char' | 'bigram' | 'cjkWord'

export interface Token {
  term: string
  /** `[start, length]` in UTF-16 code units of the normalised text. */
  position: [number, number]
  kind: TokenKind
}

export interface NormalizedText {
  text: string
  /** For each code unit of `text`, where the source cluster it came from starts in the input. */
  sourceStart: number[]
  /** For each code unit of `text`, where that source cluster ends (exclusive) in the input. */
  sourceEnd: number[]
}

// Scripts written without spaces between words; each character is searchable on its own.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u
const WORD_START = /[\p{L}\p{N}]/u
// Combining marks continue a word (a decomposed accent must not split it).
const WORD_PART = /[\p{L}\p{N}\p{M}]/u
const MARK = /\p{M}/u
const SPACE = /\s/u

// Nearly every character of a Chinese newspaper is a CJK Unified Ideograph, printable ASCII
// or Chinese punctuation. Those are told apart by their code unit, without a Unicode property
// regex or String#normalize per character (a cold search page spent most of its snippet time
// in those, the first normalize call loading ICU's tables); every other character takes the
// general path. tests/search/tokenizer.test.ts checks each of these units against it.

/** A CJK Unified Ideograph of the Basic Multilingual Plane's main block. */
export function isIdeographUnit(unit: number): boolean {
  return unit >= 0x4e00 && unit <= 0x9fff
}

/**
 * A unit that NFKC and lower-casing leave as it is and that is no combining mark: the main
 * ideographs, printable ASCII but A–Z, the CJK brackets and marks 、。《》「」【】… (U+3001–3029)
 * and the dashes and quotes ‒–—―‖‘’‚‛“”„‟†‡•‣ (U+2012–2016, U+2018–2023).
 */
export function isStableUnit(unit: number): boolean {
  return (
    isIdeographUnit(unit) ||
    (unit >= 0x20 && unit < 0x7f && !(unit >= 0x41 && unit <= 0x5a)) ||
    (unit >= 0x3001 && unit <= 0x3029) ||
    (unit >= 0x2012 && unit <= 0x2016) ||
    (unit >= 0x2018 && unit <= 0x2023)
  )
}

/** A full-width form of printable ASCII (，：；！？（） and the rest, U+FF01–FF5E), which NFKC makes that ASCII character. */
function isFullwidthAsciiUnit(unit: number): boolean {
  return unit >= 0xff01 && unit <= 0xff5e
}

/** Whether `unit`'s fold is known from its code unit (foldedUnit); such a unit is no combining mark. */
function hasKnownFold(unit: number): boolean {
  return isStableUnit(unit) || isFullwidthAsciiUnit(unit)
}

/** What NFKC and lower-casing make of `unit` standing alone, when its code unit tells; null when only the general path can. */
export function foldedUnit(unit: number): string | null {
  if (isStableUnit(unit)) return String.fromCharCode(unit)
  if (!isFullwidthAsciiUnit(unit)) return null
  const ascii = unit - 0xfee0
  return String.fromCharCode(ascii >= 0x41 && ascii <= 0x5a ? ascii + 0x20 : ascii)
}

export function isCjk(char: string): boolean {
  return (char.length === 1 && isIdeographUnit(char.charCodeAt(0))) || CJK.test(char)
}

/** A character that belongs to a `word` token (letters, digits, marks outside CJK). */
export function isWordChar(char: string): boolean {
  return WORD_PART.test(char) && !CJK.test(char)
}

// Most characters repeat (a few thousand hanzi cover a newspaper), so normalising each
// distinct cluster once keeps indexing large archives cheap.
const clusterCache = new Map<string, string>()

function normalizeCluster(cluster: string): string {
  let out = clusterCache.get(cluster)
  if (out === undefined) {
    out = cluster.normalize('NFKC').toLowerCase()
    if (clusterCache.size < 100_000) clusterCache.set(cluster, out)
  }
  return out
}

/**
 * NFKC + lower case, applied per cluster (a code point and its combining marks) so every
 * output code unit can be traced back to the input, which snippets need for highlighting
 * the original text.
 */
function foldClusters(input: string): NormalizedText {
  const text: string[] = []
  const sourceStart: number[] = []
  const sourceEnd: number[] = []
  let i = 0
  while (i < input.length) {
    const start = i
    const unit = input.charCodeAt(i)
    i += input.codePointAt(i)! > 0xffff ? 2 : 1
    // A unit whose fold is known is no combining mark, so it starts the next cluster.
    while (i < input.length && !hasKnownFold(input.charCodeAt(i))) {
      const next = String.fromCodePoint(input.codePointAt(i)!)
      if (!MARK.test(next)) break
      i += next.length
    }
    const folded = (i === start + 1 ? foldedUnit(unit) : null) ?? normalizeCluster(input.slice(start, i))
    for (let k = 0; k < folded.length; k++) {
      text.push(folded[k]!)
      sourceStart.push(start)
      sourceEnd.push(i)
    }
  }
  return { text: text.join(''), sourceStart, sourceEnd }
}

function lastCodePoint(s: string[]): string {
  const last = s[s.length - 1]
  if (last === undefined) return ''
  // A trailing low surrogate belongs to an astral character (CJK extension B and up).
  if (s.length >= 2 && /[\udc00-\udfff]/.test(last)) return s[s.length - 2]! + last
  return last
}

/**
 * Whitespace rules: a blank line (two or more line breaks) is a paragraph break and stays as
 * one `\n`; any other whitespace between two CJK characters disappears (extracted text is
 * hard-wrapped mid-word); elsewhere it becomes one space. Leading and trailing whitespace go.
 */
function foldWhitespace(folded: NormalizedText): NormalizedText {
  const src = folded.text
  const text: string[] = []
  const sourceStart: number[] = []
  const sourceEnd: number[] = []
  let i = 0
  const isSpace = (at: number) => {
    const unit = src.charCodeAt(at)
    return unit < 0x80 ? unit === 0x20 || (unit >= 0x09 && unit <= 0x0d) : !isIdeographUnit(unit) && SPACE.test(src[at]!)
  }
  while (i < src.length) {
    if (!isSpace(i)) {
      text.push(src[i]!)
      sourceStart.push(folded.sourceStart[i]!)
      sourceEnd.push(folded.sourceEnd[i]!)
      i++
      continue
    }
    const runStart = i
    let breaks = 0
    while (i < src.length && isSpace(i)) {
      if (src[i] === '\n') breaks++
      i++
    }
    if (text.length === 0 || i === src.length) continue
    const next = String.fromCodePoint(src.codePointAt(i)!)
    let replacement: string
    if (breaks >= 2) replacement = '\n'
    else if (isCjk(lastCodePoint(text)) && isCjk(next)) continue
    else replacement = ' '
    text.push(replacement)
    sourceStart.push(folded.sourceStart[runStart]!)
    sourceEnd.push(folded.sourceEnd[i - 1]!)
  }
  return { text: text.join(''), sourceStart, sourceEnd }
}

/** Normalise text for searching and keep the way back to the input for every code unit. */
export function normalizeWithOffsets(input: string): NormalizedText {
  return foldWhitespace(foldClusters(input))
}

/** The normalised text that token positions refer to. */
export function normalizeText(input: string): string {
  return normalizeWithOffsets(input).text
}

/**
 * Walk normalised text and emit tokens in position order. `coveredChars` decides whether a
 * CJK character that is already inside a bigram is emitted on its own too: the index wants
 * it (so one-character queries work), a query does not (the bigrams already require it).
 */
function scan(text: string, coveredChars: boolean, words: WordSet | undefined): Token[] {
  const tokens: Token[] = []
  let run: Array<[number, string]> = []

  const flushRun = () => {
    for (let k = 0; k < run.length; k++) {
      const [start, char] = run[k]!
      if (coveredChars || run.length === 1) tokens.push({ term: char, position: [start, char.length], kind: 'char' })
      const next = run[k + 1]
      if (next) tokens.push({ term: char + next[1], position: [start, char.length + next[1].length], kind: 'bigram' })
      // A word's characters are all CJK, so where its text occurs it lies inside this run.
      if (next && words) for (const word of words.at(text, start)) tokens.push({ term: word, position: [start, word.length], kind: 'cjkWord' })
    }
    run = []
  }

  let i = 0
  while (i < text.length) {
    const char = String.fromCodePoint(text.codePointAt(i)!)
    if (isCjk(char)) {
      run.push([i, char])
      i += char.length
      continue
    }
    flushRun()
    if (!WORD_START.test(char)) {
      i += char.length
      continue
    }
    const start = i
    i += char.length
    while (i < text.length) {
      const part = String.fromCodePoint(text.codePointAt(i)!)
      if (!isWordChar(part)) break
      i += part.length
    }
    tokens.push({ term: text.slice(start, i), position: [start, i - start], kind: 'word' })
  }
  flushRun()
  return tokens
}

/**
 * Tokens for the index: every CJK character, every CJK bigram, every word, and every
 * occurrence of an indexed word of `words`, with positions in `normalizeText(input)`.
 */
export function tokenize(input: string, words?: WordSet): Token[] {
  return scan(normalizeText(input), true, words)
}

/**
 * Tokens for one query term (text without spaces between terms): like `tokenize`, but a CJK
 * character inside a longer run is left to its bigrams.
 */
export function tokenizeQuery(input: string, words?: WordSet): Token[] {
  return scan(normalizeText(input), false, words)
}

// The build's fast path: the same terms and starts as `tokenize`, without a Token object per
// term or offset arrays per code unit. Classes and folds of BMP code units are looked up in
// tables filled on first sight; anything else (surrogates, combining marks) takes the slow
// functions above. tests/search/tokenizer.test.ts checks both paths agree.

const KNOWN = 1
const C_CJK = 2
const C_WORD_START = 4
const C_WORD_PART = 8
const C_MARK = 16
const C_SPACE = 32
const unitClass = new Uint8Array(0x10000)
const unitFold: Array<string | undefined> = new Array<string | undefined>(0x10000)

function classOf(unit: number): number {
  let c = unitClass[unit]!
  if (c === 0) {
    const char = String.fromCharCode(unit)
    c = KNOWN
    if (CJK.test(char)) c |= C_CJK
    if (WORD_START.test(char)) c |= C_WORD_START
    if (WORD_PART.test(char)) c |= C_WORD_PART
    if (MARK.test(char)) c |= C_MARK
    if (SPACE.test(char)) c |= C_SPACE
    unitClass[unit] = c
  }
  return c
}

/** Class flags of the code point at `i` (astral ones computed each time; they are rare). */
function pointClass(text: string, i: number): number {
  const unit = text.charCodeAt(i)
  if (unit < 0xd800 || unit > 0xdbff || i + 1 >= text.length) return classOf(unit)
  const char = String.fromCodePoint(text.codePointAt(i)!)
  if (char.length === 1) return classOf(unit)
  let c = KNOWN
  if (CJK.test(char)) c |= C_CJK
  if (WORD_START.test(char)) c |= C_WORD_START
  if (WORD_PART.test(char)) c |= C_WORD_PART
  if (MARK.test(char)) c |= C_MARK
  return c
}

/** `normalizeText(input)`, computed without offsets. */
export function normalizeTextFast(input: string): string {
  // foldClusters
  let folded = ''
  let i = 0
  while (i < input.length) {
    const start = i
    const unit = input.charCodeAt(i)
    i += input.codePointAt(i)! > 0xffff ? 2 : 1
    if (i - start === 1 && (i >= input.length || (pointClass(input, i) & C_MARK) === 0)) {
      let out = unitFold[unit]
      if (out === undefined) unitFold[unit] = out = String.fromCharCode(unit).normalize('NFKC').toLowerCase()
      folded += out
      continue
    }
    while (i < input.length && (pointClass(input, i) & C_MARK) !== 0) i += input.codePointAt(i)! > 0xffff ? 2 : 1
    folded += normalizeCluster(input.slice(start, i))
  }
  // foldWhitespace
  let text = ''
  let lastCjk = false
  i = 0
  while (i < folded.length) {
    const unit = folded.charCodeAt(i)
    if ((classOf(unit) & C_SPACE) === 0) {
      text += folded[i]
      // Whether the last code point written is CJK: a low surrogate completes an astral character.
      if (unit >= 0xdc00 && unit <= 0xdfff && text.length >= 2) lastCjk = isCjk(lastCodePoint([text[text.length - 2]!, text[text.length - 1]!]))
      else lastCjk = (classOf(unit) & C_CJK) !== 0
      i++
      continue
    }
    let breaks = 0
    while (i < folded.length && (classOf(folded.charCodeAt(i)) & C_SPACE) !== 0) {
      if (folded.charCodeAt(i) === 10) breaks++
      i++
    }
    if (text.length === 0 || i === folded.length) continue
    if (breaks >= 2) text += '\n'
    else if (lastCjk && (pointClass(folded, i) & C_CJK) !== 0) continue
    else text += ' '
    lastCjk = false
  }
  return text
}

/**
 * Calls `emit(term, start)` for each of `tokenize(input)`'s tokens, in the same order. With
 * `emitCjk`, a CJK character or bigram made of BMP code units goes there instead, as code
 * units (`second` is -1 for a single character), so the caller need not build its string.
 */
export function forEachIndexToken(
  input: string,
  emit: (term: string, start: number) => void,
  emitCjk?: (first: number, second: number, start: number) => void,
): void {
  const text = normalizeTextFast(input)
  // The previous CJK character of the current run ('' when none) and where it starts.
  let previous = ''
  let previousStart = 0
  let i = 0
  while (i < text.length) {
    const unit = text.charCodeAt(i)
    const length = unit >= 0xd800 && unit <= 0xdbff && text.codePointAt(i)! > 0xffff ? 2 : 1
    const c = length === 1 ? classOf(unit) : pointClass(text, i)
    if ((c & C_CJK) !== 0) {
      const char = length === 1 ? text[i]! : text.slice(i, i + 2)
      if (emitCjk !== undefined && length === 1) {
        if (previous.length === 1) emitCjk(previous.charCodeAt(0), unit, previousStart)
        else if (previous !== '') emit(previous + char, previousStart)
        emitCjk(unit, -1, i)
      } else {
        if (previous !== '') emit(previous + char, previousStart)
        emit(char, i)
      }
      previous = char
      previousStart = i
      i += length
      continue
    }
    previous = ''
    if ((c & C_WORD_START) === 0) {
      i += length
      continue
    }
    const start = i
    i += length
    while (i < text.length) {
      const part = pointClass(text, i)
      if ((part & C_WORD_PART) === 0 || (part & C_CJK) !== 0) break
      i += text.codePointAt(i)! > 0xffff ? 2 : 1
    }
    emit(text.slice(start, i), start)
  }
}
