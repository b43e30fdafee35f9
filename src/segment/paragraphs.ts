import { joinLines } from '../normalize/index.js'
import type { PageLine } from '../types.js'
import type { ClassifiedLine, LineClass, StoryStart } from './classify-lines.js'
import type { FurnitureKind } from './furniture.js'
import { displayWidth, endsTerminal, gapBefore, layoutProfile, type LayoutProfile } from './line-features.js'

export interface ParagraphElement {
  type: 'paragraph'
  lines: PageLine[]
  text: string
  starts?: StoryStart
}

export interface LineElement {
  type: 'line'
  cls: Exclude<LineClass, 'prose'>
  line: PageLine
  furniture?: FurnitureKind
}

export type Element = ParagraphElement | LineElement

/**
 * Groups running-text lines into paragraphs and leaves every other line as an element
 * of its own, in page order. A paragraph goes on while its text has not ended a
 * sentence (across blank lines and even across an ad printed in its way); after a
 * finished sentence, a short line or a wider gap than usual starts a new paragraph.
 */
export function buildElements(classified: ClassifiedLine[], layout: LayoutProfile = layoutProfile(classified.map((c) => c.line))): Element[] {
  const elements: Element[] = []
  let open: ParagraphElement | null = null
  let openIndex = -1 // index in `classified` of the open paragraph's last line
  const pending: LineElement[] = [] // furniture met while a paragraph was still open

  const flush = (): void => {
    if (open) elements.push(open)
    elements.push(...pending)
    pending.length = 0
    open = null
  }

  classified.forEach((c, i) => {
    if (c.cls !== 'prose') {
      const el: LineElement = { type: 'line', cls: c.cls, line: c.line, ...(c.furniture ? { furniture: c.furniture } : {}) }
      if (open && c.cls === 'furniture' && !endsTerminal(open.text)) pending.push(el)
      else {
        flush()
        elements.push(el)
      }
      return
    }
    if (open && !c.starts && continuesParagraph(open, openIndex, c, i, layout.normalGap[i] ?? 0, layout.width[openIndex] ?? 16, pending.length > 0)) {
      open.lines.push(c.line)
      open.text = joinLines([open.text, c.line.text])
    } else {
      flush()
      open = { type: 'paragraph', lines: [c.line], text: c.line.text, ...(c.starts ? { starts: c.starts } : {}) }
    }
    openIndex = i
  })
  flush()
  return elements
}

function continuesParagraph(
  open: ParagraphElement,
  openIndex: number,
  next: ClassifiedLine,
  nextIndex: number,
  normalGap: number,
  width: number,
  furnitureBetween: boolean,
): boolean {
  if (!endsTerminal(open.text)) return true
  if (furnitureBetween || nextIndex !== openIndex + 1) return false
  if (gapBefore(next.line) > normalGap) return false
  const last = open.lines[open.lines.length - 1] as PageLine
  // A sentence that ends exactly at the end of a full line may go on in the same paragraph.
  return displayWidth(last.text) >= width - 1.5
}
