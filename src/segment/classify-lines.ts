import { surnameScore } from '../lexicon/surnames.js'
import type { PageLine, SegmentHints } from '../types.js'
import { strongFurniture, weakFurniture, type FurnitureKind } from './furniture.js'
import { displayWidth, endsTerminal, gapBefore, hasSentencePunct, layoutProfile, type LayoutProfile } from './line-features.js'
import {
  BRIEF_BULLET,
  BYLINE_LINE,
  CONTINUED_FROM,
  continuedOn,
  END_ROLE_CREDIT,
  NAME_ONLY,
  REPORT_MARKER,
  matchEndBracketCredit,
  matchPhotoCredit,
} from './patterns.js'

export type LineClass = 'furniture' | 'heading' | 'prose' | 'byline' | 'credit' | 'photo-credit' | 'continuation'

/** How a prose line opens a story, if it does. */
export type StoryStart = 'report' | 'brief' | 'continued' | 'forced'

export interface ClassifiedLine {
  line: PageLine
  cls: LineClass
  furniture?: FurnitureKind
  starts?: StoryStart
}

/** Words that end place and unit names, which a lone short line must not be taken for a name by. */
const NOT_A_NAME_END = /[镇乡村县市区省路街站馆院所局委会部处办队园场厂司]$/u

/** `周小红`, `孙红`: a short line that reads as a personal name. */
export function looksLikeName(text: string): boolean {
  if (!NAME_ONLY.test(text) || NOT_A_NAME_END.test(text)) return false
  return surnameScore(text) > 0
}

const wholeMatch = (re: RegExp, text: string): boolean => {
  const m = re.exec(text)
  return m !== null && m.index === 0
}

/**
 * Classifies every non-blank line of a page: furniture, headline material, running
 * text (prose), or one of the printed markers around a story. Running text is
 * recognised by its punctuation and by paragraphs that are still open (a line that
 * does not end a sentence continues on the next line, across blank lines).
 */
export function classifyLines(lines: PageLine[], paper: string, layout: LayoutProfile = layoutProfile(lines), hints?: SegmentHints): ClassifiedLine[] {
  const out: ClassifiedLine[] = []
  let paragraph = '' // running text of the open paragraph, '' when none is open

  const set = (i: number, cls: LineClass, extra: Partial<ClassifiedLine> = {}): void => {
    out[i] = { line: lines[i] as PageLine, cls, ...extra }
  }
  const prose = (i: number, text: string, starts?: StoryStart): void => {
    set(i, 'prose', starts ? { starts } : {})
    paragraph = starts ? text : paragraph + text
    if (endsTerminal(paragraph)) paragraph = ''
  }

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as PageLine
    const t = line.text
    const prev = out[i - 1]

    // Markers that open a story win over everything, even an open paragraph.
    if (REPORT_MARKER.test(t)) {
      prose(i, t, 'report')
      continue
    }
    if (BYLINE_LINE.test(t)) {
      set(i, 'byline')
      paragraph = ''
      continue
    }
    if (prev?.cls === 'byline' && gapBefore(line) <= 1 && /^[\p{Script=Han} ]{2,12}$/u.test(t) && t.split(' ').every(looksLikeName)) {
      set(i, 'byline') // `■通讯员 王一鸣` / `  张华强`: the byline wraps onto a second line
      continue
    }
    if (CONTINUED_FROM.test(t)) {
      prose(i, t, 'continued')
      continue
    }
    if (BRIEF_BULLET.test(t)) {
      prose(i, t, 'brief')
      continue
    }
    if (continuedOn(t)?.index === 0) {
      set(i, 'continuation')
      paragraph = ''
      continue
    }
    if (matchPhotoCredit(t)?.index === 0 && (paragraph === '' || !hasSentencePunct(t))) {
      set(i, 'photo-credit')
      paragraph = ''
      continue
    }

    const strong = strongFurniture(t, paper)
    if (paragraph !== '') {
      // An open paragraph runs on; only unmistakable furniture can interrupt it.
      if (strong && !hasSentencePunct(t)) set(i, 'furniture', { furniture: strong })
      else prose(i, t)
      continue
    }
    if (strong) {
      set(i, 'furniture', { furniture: strong })
      continue
    }
    if (hasSentencePunct(t)) {
      if (punctuatedHeadline(lines, i)) set(i, 'heading')
      else prose(i, t)
      continue
    }
    const weak = weakFurniture(t, paper)
    if (weak) {
      set(i, 'furniture', { furniture: weak })
      continue
    }
    const afterProse = prev?.cls === 'prose'
    if (afterProse && (matchEndBracketCredit(t)?.index === 0 || wholeMatch(END_ROLE_CREDIT, t) || looksLikeName(t))) {
      set(i, 'credit')
      continue
    }
    if (!afterProse && wholeMatch(END_ROLE_CREDIT, t) && REPORT_MARKER.test(lines[i + 1]?.text ?? '')) {
      set(i, 'byline')
      continue
    }
    if (prev?.cls === 'photo-credit' && endsWithInlineCredit(lines[i + 1]?.text ?? '')) {
      prose(i, t) // in a strip of photo captions, the text between two credits is caption text (`…大户石` / `小军将…摄`)
      continue
    }
    if (afterProse && gapBefore(line) === 0) {
      prose(i, t) // a paragraph's first line glued to the previous paragraph (`村民王小` / `军介绍，…`)
      continue
    }
    if (startsParagraph(lines, i, layout.normalGap[i] ?? 0, layout.width[i] ?? 16)) prose(i, t)
    else set(i, 'heading')
  }
  propagateFurniture(out)
  if (hints) applyHints(out, hints)
  return out
}

/** An editor's word beats the shapes: marked lines are furniture, a forced split opens a story. */
function applyHints(out: ClassifiedLine[], hints: SegmentHints): void {
  for (const c of out) {
    if (hints.furniture.some(([from, to]) => c.line.line >= from && c.line.line <= to)) {
      c.cls = 'furniture'
      c.furniture = 'ad'
      delete c.starts
    } else if (hints.splitBefore.includes(c.line.line)) {
      if (c.cls !== 'prose') c.cls = 'prose'
      c.starts ??= 'forced'
    }
  }
}

/** Where a punctuated line may still be a headline: it is short and does not end in punctuation. */
const MAX_PUNCTUATED_HEADLINE = 24
const ENDS_IN_PUNCT = /[，。；、！？…：”」）]$/u

/**
 * `聚焦重点，全力推进` above 本报讯: a headline may carry a comma. Such a line is a
 * headline only where it cannot be running text: it ends without punctuation (a
 * paragraph never does, and a wrapped line runs on into running text, not into a
 * story marker) and only headline lines stand between it and the next story marker.
 */
function punctuatedHeadline(lines: PageLine[], i: number): boolean {
  const t = (lines[i] as PageLine).text
  if (ENDS_IN_PUNCT.test(t) || displayWidth(t) > MAX_PUNCTUATED_HEADLINE) return false
  // skip unpunctuated headline lines below it; what comes then must open a story
  let j = i + 1
  while (j < lines.length && !hasSentencePunct((lines[j] as PageLine).text) && displayWidth((lines[j] as PageLine).text) <= MAX_PUNCTUATED_HEADLINE && !isStoryMarker((lines[j] as PageLine).text)) j++
  return j < lines.length && isStoryMarker((lines[j] as PageLine).text)
}

const isStoryMarker = (text: string): boolean => REPORT_MARKER.test(text) || BYLINE_LINE.test(text)

function endsWithInlineCredit(text: string): boolean {
  const m = matchPhotoCredit(text)
  return m !== null && m.index > 0
}

/**
 * A line without punctuation after a finished paragraph is a paragraph's first line
 * (rather than a headline) when running text follows at the usual spacing and the
 * line is about as wide as the column (an indented first line is a little shorter).
 */
function startsParagraph(lines: PageLine[], i: number, normalGap: number, width: number): boolean {
  const bodyWide = (l: PageLine): boolean => {
    const w = displayWidth(l.text)
    return w >= width - 4.5 && w <= width + 1.5
  }
  if (!bodyWide(lines[i] as PageLine)) return false
  // A paragraph may open with a few unpunctuated full lines (`会议审议《…》` / `《关于…的实施意`).
  let j = i + 1
  while (j < lines.length && j - i <= 3) {
    const next = lines[j] as PageLine
    if (gapBefore(next) > normalGap || REPORT_MARKER.test(next.text) || BRIEF_BULLET.test(next.text)) return false
    if (hasSentencePunct(next.text)) return true
    if (!bodyWide(next)) return false
    j++
  }
  return false
}

/** Short unpunctuated lines printed in one block with furniture (an ad's slogan, a page header's section name) are furniture too. */
function propagateFurniture(out: ClassifiedLine[]): void {
  let start = 0
  for (let i = 0; i <= out.length; i++) {
    const atBlockStart = i === out.length || (i > start && (out[i] as ClassifiedLine).line.blankBefore > 0)
    if (!atBlockStart) continue
    const block = out.slice(start, i)
    const kind = block.find((c) => c.cls === 'furniture')?.furniture
    if (kind) {
      for (const c of block) {
        if ((c.cls === 'heading' || (c.cls === 'prose' && !c.starts)) && !hasSentencePunct(c.line.text) && [...c.line.text].length <= 12) {
          c.cls = 'furniture'
          c.furniture = kind
        }
      }
    }
    start = i
  }
}
