// A story's paragraphs are an object and a line-number array each: at 60,000 stories
// (~300,000 paragraphs) they were more than a third of the site model's heap (95 of 263 MB
// measured on the main thread of a rebuild), and most of what reading the page cache back
// made. packStory keeps them as one string instead — the line numbers as character codes,
// then the texts joined by \n — and gives `paragraphs` back as a getter that builds the
// (frozen) array afresh on each read: the build freezes paragraphs after segmenting (an
// issue's key stands for them by its page's cache key, render/group-job.ts), and a
// getter without a setter keeps that promise (a write throws).
//
// Hot readers do not need the objects: bodyText and leadText read the string. Across
// threads and in the page cache a packed story goes with that string as its `paragraphs`
// (storyForTransit); a structured clone would read the getter and copy every paragraph.

import type { Paragraph, Story } from '../types.js'

const PACKED = Symbol('packed paragraphs')
type PackedStory = Story & { [PACKED]: string }

/** The largest number packed as one character code (below the surrogates): a line number past it leaves the story unpacked. */
const MAX_NUMBER = 0xd7ff

/**
 * The packing: character 0 holds the header's length h; characters 1…h the paragraph
 * count, then per paragraph its line count and lines; after them the texts joined by \n.
 */
function pack(paragraphs: readonly Paragraph[]): string | null {
  const numbers = [paragraphs.length]
  for (const p of paragraphs) {
    if (p.text.includes('\n') || Object.keys(p).join(',') !== 'text,lines') return null
    numbers.push(p.lines.length, ...p.lines)
  }
  if (numbers.length > MAX_NUMBER || numbers.some((n) => !Number.isInteger(n) || n < 0 || n > MAX_NUMBER)) return null
  return String.fromCharCode(numbers.length, ...numbers) + paragraphs.map((p) => p.text).join('\n')
}

function unpack(packed: string): Paragraph[] {
  const head = packed.charCodeAt(0)
  const texts = packed.slice(head + 1).split('\n')
  const count = packed.charCodeAt(1)
  const out: Paragraph[] = []
  let at = 2
  for (let k = 0; k < count; k++) {
    const n = packed.charCodeAt(at++)
    const lines: number[] = []
    for (let j = 0; j < n; j++) lines.push(packed.charCodeAt(at++))
    out.push(Object.freeze({ text: texts[k]!, lines: Object.freeze(lines) as number[] }))
  }
  return Object.freeze(out) as Paragraph[]
}

/** The texts part of a packing. */
const textsOf = (packed: string): string => packed.slice(packed.charCodeAt(0) + 1)

/** One getter shared by every packed story: a getter made per story would give each story a hidden class of its own. */
const PARAGRAPHS: PropertyDescriptor = {
  get(this: PackedStory) {
    return unpack(this[PACKED])
  },
  enumerable: true,
  configurable: true,
}

function withPacking(fields: Record<string, unknown>, packed: string): Story {
  const out = {} as Record<string, unknown>
  // The same keys in the same order, so JSON of the story (page and issue keys) is unchanged.
  for (const key of Object.keys(fields)) {
    if (key === 'paragraphs') Object.defineProperty(out, key, PARAGRAPHS)
    else out[key] = fields[key]
  }
  ;(out as unknown as PackedStory)[PACKED] = packed
  return out as unknown as Story
}

/** Whether the story holds its paragraphs packed. */
export function isPackedStory(story: Story): boolean {
  return typeof (story as Partial<PackedStory>)[PACKED] === 'string' && Object.getOwnPropertyDescriptor(story, 'paragraphs')?.get !== undefined
}

/** The story with its paragraphs packed (see above); the same story when they are packed already or not of the plain shape. */
export function packStory(story: Story): Story {
  if (isPackedStory(story)) return story
  const packed = pack(story.paragraphs)
  return packed === null ? story : withPacking(story as unknown as Record<string, unknown>, packed)
}

/** The paragraphs' texts joined by `separator`, without making the paragraphs of a packed story. */
export function bodyText(story: Story, separator: string): string {
  if (!isPackedStory(story)) return story.paragraphs.map((p) => p.text).join(separator)
  const texts = textsOf((story as PackedStory)[PACKED])
  // Texts hold no \n of their own (pack), so every \n is a break; a function keeps a `$` in the separator literal.
  return separator === '\n' ? texts : texts.replaceAll('\n', () => separator)
}

/** The first paragraph's text ('' for none), without making the paragraphs of a packed story. */
export function leadText(story: Story): string {
  if (!isPackedStory(story)) return story.paragraphs[0]?.text ?? ''
  const packed = (story as PackedStory)[PACKED]
  if (packed.charCodeAt(1) === 0) return ''
  const texts = textsOf(packed)
  const end = texts.indexOf('\n')
  return end === -1 ? texts : texts.slice(0, end)
}

/** A story as it crosses to another thread or into the page cache: a packed one with its packing as its `paragraphs`. */
export type StoryInTransit = Omit<Story, 'paragraphs'> & { paragraphs: Paragraph[] | string }

export function storyForTransit(story: Story): StoryInTransit {
  if (!isPackedStory(story)) return story
  const fields: Record<string, unknown> = {}
  for (const key of Object.keys(story)) fields[key] = key === 'paragraphs' ? (story as PackedStory)[PACKED] : story[key as keyof Story]
  return fields as unknown as StoryInTransit
}

/** The story storyForTransit sent: packed again when it was packed. */
export function storyFromTransit(sent: StoryInTransit): Story {
  return typeof sent.paragraphs === 'string' ? withPacking(sent as unknown as Record<string, unknown>, sent.paragraphs) : (sent as Story)
}
