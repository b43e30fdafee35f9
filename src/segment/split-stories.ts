import type { BylineEntry, PageLine, StoryKind } from '../types.js'
import { parseByline } from './byline.js'
import type { StoryStart } from './classify-lines.js'
import type { Element, LineElement, ParagraphElement } from './paragraphs.js'
import {
  BRIEF_BULLET,
  CONTINUED_FROM,
  continuedOn,
  END_ROLE_CREDIT,
  MARKER_BYLINE,
  matchEndBracketCredit,
  matchPhotoCredit,
} from './patterns.js'

/** A paragraph of a story, with what its lines hold. */
export interface DraftParagraph {
  text: string
  lines: number[]
}

/** A story before its headline is known. */
export interface DraftStory {
  kind: StoryKind
  start: StoryStart | 'unmarked' | 'byline'
  byline: BylineEntry[]
  photographers: string[]
  paragraphs: DraftParagraph[]
  continuedOn: number | null
  continuedFrom: number | null
  /** Every source line the story consumed. */
  consumed: number[]
  /** Printed text that is neither headline nor body (see Story.apparatus). */
  apparatus: string[]
  /** Lines that hold only byline, credit or 下转 text. */
  bylineLines: number[]
  creditLines: number[]
  continuationLines: number[]
}

/** Something between stories: headline material, furniture, or a fragment. */
export interface GapItem {
  line: PageLine
  role: 'heading' | 'furniture' | 'fragment'
  furniture?: 'masthead' | 'ad'
}

export type Segment = { type: 'story'; story: DraftStory } | { type: 'gap'; item: GapItem }

const CHINESE_DIGITS = '一二三四五六七八九十'
function pageNumber(text: string | undefined): number | null {
  if (!text) return null
  if (/^\d+$/u.test(text)) return Number(text)
  // 十 alone is 10, 十二 is 12, 二十 is 20
  const [tens, units] = text.includes('十') ? text.split('十') : ['', text]
  const digit = (c: string | undefined): number => (c ? CHINESE_DIGITS.indexOf(c) + 1 : 0)
  return text.includes('十') ? (tens ? digit(tens) : 1) * 10 + digit(units) : digit(units)
}

function newStory(start: DraftStory['start'], kind: StoryKind = 'report'): DraftStory {
  return {
    kind,
    start,
    byline: [],
    photographers: [],
    consumed: [],
    apparatus: [],
    paragraphs: [],
    continuedOn: null,
    continuedFrom: null,
    bylineLines: [],
    creditLines: [],
    continuationLines: [],
  }
}

/** A scrap of unmarked running text this short is a fragment, not a story. */
const MIN_UNMARKED_STORY = 15

/**
 * Cuts the page's elements into draft stories at the printed markers: 本报讯 and a
 * byline line open a report, ■ a brief, （上接N版） a continuation; a photo credit,
 * an end credit or （下转N版） closes a story, and so does anything that is not
 * running text (headline material, furniture). Running text with no marker before
 * it opens an unmarked story.
 */
export function splitStories(elements: Element[]): Segment[] {
  const builder = new StoryBuilder(elements)
  for (const el of elements) {
    if (el.type === 'line') builder.addLine(el)
    else builder.addParagraph(el)
  }
  builder.close()
  return builder.out
}

class StoryBuilder {
  readonly out: Segment[] = []
  private cur: DraftStory | null = null
  private readonly lineByNumber = new Map<number, PageLine>()

  constructor(elements: Element[]) {
    for (const el of elements) for (const l of el.type === 'paragraph' ? el.lines : [el.line]) this.lineByNumber.set(l.line, l)
  }

  private gap(line: PageLine, role: GapItem['role'], furniture?: GapItem['furniture']): void {
    this.out.push({ type: 'gap', item: { line, role, ...(furniture ? { furniture } : {}) } })
  }

  private open(story: DraftStory): DraftStory {
    this.close()
    this.cur = story
    return story
  }

  close(): void {
    const story = this.cur
    this.cur = null
    if (!story) return
    const text = story.paragraphs.map((p) => p.text).join('')
    const scrap = story.start === 'unmarked' && story.byline.length === 0 && [...text].length < MIN_UNMARKED_STORY
    if (scrap || story.paragraphs.length === 0) {
      for (const l of [...new Set(story.consumed)].sort((a, b) => a - b)) this.gap(this.lineByNumber.get(l) as PageLine, 'fragment')
      return
    }
    this.out.push({ type: 'story', story })
  }

  /** The open story if it has text; a credit or note needs one to belong to. */
  private withText(): DraftStory | null {
    return this.cur && this.cur.paragraphs.length > 0 ? this.cur : null
  }

  addLine(el: LineElement): void {
    const cur = this.withText()
    switch (el.cls) {
      case 'furniture':
        this.close()
        this.gap(el.line, 'furniture', el.furniture)
        return
      case 'heading':
        this.close()
        this.gap(el.line, 'heading')
        return
      case 'byline': {
        const story = this.cur && this.cur.start === 'byline' && this.cur.paragraphs.length === 0 ? this.cur : this.open(newStory('byline'))
        story.byline.push(...parseByline(el.line.text))
        story.bylineLines.push(el.line.line)
        story.consumed.push(el.line.line)
        story.apparatus.push(el.line.text)
        return
      }
      case 'credit':
        if (!cur) return this.gap(el.line, 'fragment')
        cur.byline.push(...parseByline(el.line.text))
        return this.closeWith(cur, el.line, cur.bylineLines)
      case 'photo-credit':
        if (!cur) return this.gap(el.line, 'fragment')
        this.photoCredit(cur, el.line.text)
        return this.closeWith(cur, el.line, cur.creditLines)
      case 'continuation':
        if (!cur) return this.gap(el.line, 'fragment')
        cur.continuedOn = pageNumber(continuedOn(el.line.text)?.groups?.page)
        return this.closeWith(cur, el.line, cur.continuationLines)
    }
  }

  /** A line printed after the story's text (credit, 下转 note) ends the story. */
  private closeWith(story: DraftStory, line: PageLine, kindLines: number[]): void {
    kindLines.push(line.line)
    story.consumed.push(line.line)
    story.apparatus.push(line.text)
    this.close()
  }

  private photoCredit(story: DraftStory, credit: string): void {
    const names = parseByline(credit)
    if (story.start !== 'report') story.kind = 'photo'
    story.byline.push(...names)
    story.photographers.push(...names.map((n) => n.name))
  }

  /** Adds one paragraph, opening or closing stories as its markers say. */
  addParagraph(p: ParagraphElement): void {
    let text = p.text
    let cur: DraftStory
    if (p.starts === 'report') {
      cur = this.cur && this.cur.start === 'byline' && this.cur.paragraphs.length === 0 ? this.cur : this.open(newStory('report'))
      cur.start = 'report'
      const m = MARKER_BYLINE.exec(text)
      if (m) {
        if (m.groups?.byline) cur.byline.push(...parseByline(m.groups.byline))
        cur.apparatus.push(m[0].trim())
        text = text.slice(m[0].length)
      }
    } else if (p.starts === 'brief') {
      cur = this.open(newStory('brief', 'brief'))
      cur.apparatus.push((BRIEF_BULLET.exec(text)?.[0] ?? '').trim())
      text = text.replace(BRIEF_BULLET, '')
    } else if (p.starts === 'continued') {
      cur = this.open(newStory('continued'))
      const m = CONTINUED_FROM.exec(text)
      cur.continuedFrom = pageNumber(m?.groups?.page)
      cur.apparatus.push((m?.[0] ?? '').trim())
      text = text.slice(m?.[0].length ?? 0)
    } else if (p.starts === 'forced') {
      cur = this.open(newStory('unmarked'))
    } else {
      cur = this.cur ?? this.open(newStory('unmarked'))
    }

    cur.consumed.push(...p.lines.map((l) => l.line))
    let ended = false
    const tail: string[] = [] // printed after the body, in page order
    const on = continuedOn(text)
    if (on) {
      cur.continuedOn = pageNumber(on.groups?.page)
      tail.unshift(on[0].trim())
      text = text.slice(0, on.index)
      ended = true
    }
    const photo = ended ? null : matchPhotoCredit(text)
    if (photo) {
      const body = text.slice(0, photo.index).trimEnd()
      if (cur.paragraphs.length > 0 && cur.start === 'unmarked' && body !== '') {
        // An inline credit closes a one-paragraph caption: the text before it is another story.
        cur = this.open(newStory('unmarked'))
      }
      this.photoCredit(cur, photo.groups?.credit ?? '')
      if (body === '') cur.creditLines.push(...p.lines.map((l) => l.line))
      tail.unshift(text.slice(body.length).trim())
      text = body
      ended = true
    }
    // a reporter bracket may stand before a 下转 note, but not after a photo credit
    const roleCredit = END_ROLE_CREDIT.exec(text)
    const credit = photo ? null : (matchEndBracketCredit(text) ?? (roleCredit ? { index: roleCredit.index, text: roleCredit[0], byline: roleCredit.groups?.byline ?? '' } : null))
    if (credit && (credit.index > 0 || cur.paragraphs.length > 0)) {
      cur.byline.push(...parseByline(credit.byline))
      if (credit.index === 0) cur.bylineLines.push(...p.lines.map((l) => l.line))
      tail.unshift(text.slice(credit.index).trim())
      text = text.slice(0, credit.index)
      ended = true
    }
    text = text.trim()
    if (text !== '') cur.paragraphs.push({ text, lines: p.lines.map((l) => l.line) })
    cur.apparatus.push(...tail.filter(Boolean))
    if (ended) this.close()
  }
}
