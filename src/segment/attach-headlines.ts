import type { PageLine } from '../types.js'
import { gapBefore } from './line-features.js'
import { KICKER } from './patterns.js'
import type { DraftStory, GapItem } from './split-stories.js'

/** Where a story's headline lines were printed. */
export interface HeadlineAssignment {
  lines: PageLine[]
  side: 'before' | 'after'
  /** How well the headline's words match the story's lead (0–1). */
  similarity: number
}

export interface GapLines {
  /** Items between the previous story (or page top) and the next story (or page end), in page order. */
  items: GapItem[]
}

/** Printed before the body is the usual layout; after it is common in some papers. */
const SIDE_BONUS = { before: 0.6, after: 0.3 } as const
const PHOTO_AFTER_BONUS = -0.3
/**
 * Word overlap a headline needs before it counts in favour of a story. A headline
 * printed after the text needs more evidence: page-foot lines are often not headlines.
 */
const SIMILARITY_FLOOR = { before: 0.15, after: 0.3 } as const
const SIMILARITY_WEIGHT = 3
/** Each headline line a story takes; leaving printed headline lines to no story is unlikely. */
const LINE_BONUS = 0.4
const LEAD_WINDOW = 200

/** A character as a small number: ASCII and U+3000–U+9FFF (nearly every Han character) below 28,800, others -1. */
function compactCode(cp: number): number {
  return cp < 0x80 ? cp : cp >= 0x3000 && cp < 0xa000 ? cp - 0x3000 + 0x80 : -1
}
const COMPACT_CODES = 0x80 + 0xa000 - 0x3000

/**
 * The text's pairs of neighbouring Han characters, letters and digits (others left out), each
 * as a number: the DP compares them by the thousand on every page, and a small integer is
 * made and hashed far faster than a two-character string (a pair of rarer characters takes a
 * negative number of its two code points).
 */
function hanBigrams(text: string): number[] {
  const out: number[] = []
  let previous = -1
  for (const c of text.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '')) {
    const cp = c.codePointAt(0) as number
    if (previous !== -1) {
      const a = compactCode(previous)
      const b = compactCode(cp)
      out.push(a !== -1 && b !== -1 ? a * COMPACT_CODES + b : -(previous * 0x110000 + cp) - 1)
    }
    previous = cp
  }
  return out
}

interface StoryGrams {
  lead: Set<number>
  body: Set<number>
}

/** A story's pairs, each story's computed once: the DP asks about the same story many times. */
type GramsOf = (story: DraftStory) => StoryGrams

/**
 * One page's memo of its stories' pairs, let go with the page. A module-wide WeakMap keyed by
 * the story did the same, but V8's young-generation collections keep a WeakMap's values alive
 * until a full collection: every page's sets were copied into the old generation (166 of 2,520 MB
 * allocated over 3,000 pages, 27 MB without) and segmenting a page took 30–40 % longer.
 */
function pageGrams(): GramsOf {
  const made = new Map<DraftStory, StoryGrams>()
  return (story) => {
    let grams = made.get(story)
    if (!grams) {
      const body = story.paragraphs.map((p) => p.text).join('')
      grams = { lead: new Set(hanBigrams(body.slice(0, LEAD_WINDOW))), body: new Set(hanBigrams(body)) }
      made.set(story, grams)
    }
    return grams
  }
}

/** Share of the headline's character pairs found in the story's lead (or, discounted, anywhere in its body). */
export function headlineSimilarity(headline: string, story: DraftStory, gramsOf: GramsOf = pageGrams()): number {
  const grams = hanBigrams(headline)
  if (grams.length === 0) return 0
  const { lead, body } = gramsOf(story)
  const inLead = grams.filter((g) => lead.has(g)).length / grams.length
  const inBody = grams.filter((g) => body.has(g)).length / grams.length
  return Math.max(inLead, 0.6 * inBody)
}

function gain(story: DraftStory | undefined, lines: PageLine[], side: 'before' | 'after', gramsOf: GramsOf): number {
  if (!story || lines.length === 0) return 0
  // A subtitle often shares no words with the lead; the block is judged by its best evidence.
  const sim = Math.max(headlineSimilarity(lines.map((l) => l.text).join(''), story, gramsOf), ...lines.map((l) => headlineSimilarity(l.text, story, gramsOf)))
  // A photo's title stands above the picture; a line after its credit is something else.
  const sideBonus = story.kind === 'photo' && side === 'after' ? PHOTO_AFTER_BONUS : SIDE_BONUS[side]
  return sideBonus + SIMILARITY_WEIGHT * (sim - SIMILARITY_FLOOR[side]) + LINE_BONUS * lines.length
}

/**
 * Splitting a run of headline lines at a gap clearly wider than the gaps inside the
 * two blocks is more plausible; splitting at a narrower one less. (A column label is
 * set apart from its headline by one blank line, so one line more is no evidence.)
 */
function splitBonus(run: PageLine[], at: number): number {
  if (at <= 0 || at >= run.length) return 0
  const boundary = gapBefore(run[at] as PageLine)
  const inner = Math.max(0, ...run.slice(1).filter((_, k) => k + 1 !== at).map(gapBefore))
  return boundary >= inner + 2 ? 0.5 : boundary < inner ? -0.5 : 0
}

interface GapRuns {
  /** Headline lines right after the previous story (no furniture in between). */
  prefix: PageLine[]
  /** Headline lines right before the next story. */
  suffix: PageLine[]
  /** Prefix and suffix are the same lines (the gap holds headline lines only). */
  shared: boolean
}

function runsOf(gap: GapItem[]): GapRuns {
  const prefix: PageLine[] = []
  for (const item of gap) {
    if (item.role !== 'heading') break
    prefix.push(item.line)
  }
  if (prefix.length === gap.length) return { prefix, suffix: prefix, shared: true }
  const suffix: PageLine[] = []
  for (let k = gap.length - 1; k >= 0; k--) {
    const item = gap[k] as GapItem
    if (item.role !== 'heading') break
    suffix.unshift(item.line)
  }
  return { prefix, suffix, shared: false }
}

interface Choice {
  after: number // lines of the gap's prefix given to the previous story
  before: number // lines of the gap's suffix given to the next story
}

/**
 * Decides which headline lines belong to which story. Each story takes at most one
 * headline block, printed either right before it or right after it; the lines of a
 * gap between two stories are split between the two. The choice maximises, over the
 * whole page, how well each block's words match its story's lead, with a small
 * preference for headlines printed before their story and for splits at wide gaps.
 * Lines no story takes are left over (returned as unattached).
 */
export function attachHeadlines(stories: DraftStory[], gaps: GapItem[][]): { headlines: (HeadlineAssignment | null)[]; unattached: PageLine[] } {
  const n = stories.length
  const gramsOf = pageGrams()
  // dp[s]: best score so far, s = whether the story before the current gap took a headline printed before it
  let dp: [number, number] = [0, Number.NEGATIVE_INFINITY]
  const back: [Choice, number][][] = [] // back[i][newState] = [choice, previous state]
  for (let i = 0; i <= n; i++) {
    const runs = runsOf(gaps[i] ?? [])
    const maxAfter = i > 0 ? runs.prefix.length : 0
    const maxBefore = i < n ? runs.suffix.length : 0
    const next: [number, number] = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY]
    const from: [Choice, number][] = []
    for (let a = 0; a <= maxAfter; a++) {
      for (let b = 0; b <= maxBefore; b++) {
        if (runs.shared && a + b > runs.prefix.length) continue
        // A kicker (`…时强调`) introduces the line after it: never cut between them.
        if (a > 0 && a < runs.prefix.length && KICKER.test(runs.prefix[a - 1]?.text ?? '')) continue
        const afterLines = runs.prefix.slice(0, a)
        const beforeLines = runs.suffix.slice(runs.suffix.length - b)
        let score = gain(stories[i - 1], afterLines, 'after', gramsOf) + gain(stories[i], beforeLines, 'before', gramsOf)
        if (runs.shared && a > 0 && b > 0) score += splitBonus(runs.prefix, a)
        for (const s of [0, 1] as const) {
          if (a > 0 && s === 1) continue
          const total = dp[s] + score
          const ns = b > 0 ? 1 : 0
          if (total > next[ns]) {
            next[ns] = total
            from[ns] = [{ after: a, before: b }, s]
          }
        }
      }
    }
    back.push(from)
    dp = next
  }
  // walk back
  const choices: Choice[] = new Array(n + 1)
  let state = dp[1] > dp[0] ? 1 : 0
  for (let i = n; i >= 0; i--) {
    const entry = back[i]?.[state]
    if (!entry) throw new Error(`headline assignment lost its way at gap ${i}`)
    choices[i] = entry[0]
    state = entry[1]
  }
  const headlines: (HeadlineAssignment | null)[] = stories.map(() => null)
  const taken = new Set<number>()
  choices.forEach((choice, i) => {
    const runs = runsOf(gaps[i] ?? [])
    if (choice.after > 0) {
      const lines = runs.prefix.slice(0, choice.after)
      const story = stories[i - 1] as DraftStory
      headlines[i - 1] = { lines, side: 'after', similarity: headlineSimilarity(lines.map((l) => l.text).join(''), story, gramsOf) }
      for (const l of lines) taken.add(l.line)
    }
    if (choice.before > 0) {
      const lines = runs.suffix.slice(runs.suffix.length - choice.before)
      const story = stories[i] as DraftStory
      headlines[i] = { lines, side: 'before', similarity: headlineSimilarity(lines.map((l) => l.text).join(''), story, gramsOf) }
      for (const l of lines) taken.add(l.line)
    }
  })
  const unattached = gaps.flat().filter((g) => g.role === 'heading' && !taken.has(g.line.line)).map((g) => g.line)
  return { headlines, unattached }
}
