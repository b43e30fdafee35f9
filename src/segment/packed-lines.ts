// A segmented page keeps its printed lines (`lines`, `lineRoles`) for its page view. As one
// object per line (two, with its role) they were nearly half of the site model's memory —
// 87 of 191 MB at 20,000 stories — held for the whole build. packPageLines keeps them as one
// string and one Int32Array instead, and gives `lines` and `lineRoles` back as getters that
// build the arrays afresh on each read. Every reader (the page view, the build report,
// JSON.stringify for page keys) sees the same plain data as before; nothing writes to them
// after segmenting. Between threads and in the page cache a page goes packed as it is
// (pageForTransit): a structured clone (or v8.serialize) would read the getters and copy an
// object per line.

import { fstatSync, readSync } from 'node:fs'
import { deserialize, serialize } from 'node:v8'
import type { BlockKind, LineRole, PageLine, SegmentedPage } from '../types.js'
import { storyForTransit, storyFromTransit, type StoryInTransit } from './packed-paragraphs.js'

const LINE_KEYS = 'line,raw,text,blankBefore'
const ROLE_KEYS = 'line,kind,story'

export interface Packed {
  /** Every line's raw text, joined by \n. */
  raw: string
  /** Lines whose text differs from their raw text: index, text. */
  texts: Array<[number, string]>
  /** Per line: number, blankBefore; then per role: line, kind (index into `kinds`), story (-1: none). */
  numbers: Int32Array
  kinds: BlockKind[]
  lineCount: number
  roleCount: number
}

/** Whether the page's lines and roles are exactly the plain shapes packing restores (anything else stays as it is). */
function packable(page: SegmentedPage): boolean {
  for (const l of page.lines) {
    if (Object.keys(l).join(',') !== LINE_KEYS || l.raw.includes('\n') || !Number.isInteger(l.line) || !Number.isInteger(l.blankBefore)) return false
    if (typeof l.text !== 'string') return false
  }
  for (const r of page.lineRoles) {
    if (Object.keys(r).join(',') !== ROLE_KEYS || !Number.isInteger(r.line) || (r.story !== null && !(Number.isInteger(r.story) && r.story >= 0))) return false
  }
  return true
}

function pack(page: SegmentedPage): Packed {
  const lines = page.lines
  const roles = page.lineRoles
  const kinds: BlockKind[] = []
  const numbers = new Int32Array(lines.length * 2 + roles.length * 3)
  const texts: Array<[number, string]> = []
  lines.forEach((l, i) => {
    numbers[i * 2] = l.line
    numbers[i * 2 + 1] = l.blankBefore
    if (l.text !== l.raw) texts.push([i, l.text])
  })
  const base = lines.length * 2
  roles.forEach((r, i) => {
    let kind = kinds.indexOf(r.kind)
    if (kind === -1) kind = kinds.push(r.kind) - 1
    numbers[base + i * 3] = r.line
    numbers[base + i * 3 + 1] = kind
    numbers[base + i * 3 + 2] = r.story ?? -1
  })
  return { raw: lines.map((l) => l.raw).join('\n'), texts, numbers, kinds, lineCount: lines.length, roleCount: roles.length }
}

function unpackLines(p: Packed): PageLine[] {
  if (p.lineCount === 0) return []
  const raws = p.raw.split('\n')
  const lines = raws.map((raw, i): PageLine => ({ line: p.numbers[i * 2]!, raw, text: raw, blankBefore: p.numbers[i * 2 + 1]! }))
  for (const [i, text] of p.texts) lines[i]!.text = text
  return lines
}

function unpackRoles(p: Packed): LineRole[] {
  const base = p.lineCount * 2
  return Array.from({ length: p.roleCount }, (_, i): LineRole => {
    const story = p.numbers[base + i * 3 + 2]!
    return { line: p.numbers[base + i * 3]!, kind: p.kinds[p.numbers[base + i * 3 + 1]!]!, story: story === -1 ? null : story }
  })
}

/**
 * Where a page's sealed packing (sealPacked's bytes) lies in a file held open by the page cache
 * (cache/page-cache.ts), read when a line is first wanted. A descriptor is the process's, so a
 * render thread reads it as well as the main thread; the file's inode is checked on each read,
 * so a descriptor closed and reused for another file is an error, never another page's lines.
 */
export interface StoredPacking {
  fd: number
  position: number
  length: number
  dev: number
  ino: number
  /** What holds the file open while this is alive (cache/page-cache.ts openPack); a copy sent to another thread holds nothing. */
  file?: object
}

/**
 * A packing, its bytes (v8.serialize, sealPacked), or where its bytes are (StoredPacking), until a
 * line is first read: a page read back from the page cache, or sent by a page worker, keeps its
 * lines as bytes or on disk, and most such pages never show their lines in a build (an unchanged
 * issue is not rendered again; the render threads decode their own). At 12,000 pages that was
 * 0.3 s of decoding and 70 MB of strings on the main thread's heap; copying the bytes of every
 * page read back from the cache into memory of its own was another 0.4 s (170 MB).
 */
type PackedSource = Packed | Uint8Array | StoredPacking

const isStored = (source: PackedSource): source is StoredPacking => typeof (source as StoredPacking).fd === 'number'

/** The bytes a StoredPacking names, read now. */
function storedBytes(at: StoredPacking): Uint8Array {
  let same = false
  try {
    const stat = fstatSync(at.fd)
    same = stat.dev === at.dev && stat.ino === at.ino
  } catch {
    // Closed: same stays false.
  }
  if (!same) throw new Error("A page's lines were read after the page cache let go of the file they are in")
  const bytes = new Uint8Array(at.length)
  if (readSync(at.fd, bytes, 0, at.length, at.position) !== at.length) throw new Error("A page's lines were cut short in the page cache")
  return bytes
}

// The packing of each packed page, so it crosses to other threads and the page cache packed (pageForTransit).
const packings = new WeakMap<SegmentedPage, PackedSource>()

/** The page's packing, decoded now if it was held as bytes. */
function packingOf(page: SegmentedPage): Packed {
  const held = packings.get(page)!
  if (!(held instanceof Uint8Array) && !isStored(held)) return held
  const packed = deserialize(held instanceof Uint8Array ? held : storedBytes(held)) as Packed
  // A copy: v8 hands typed arrays back as views into the bytes read.
  packed.numbers = packed.numbers.slice()
  packings.set(page, packed)
  return packed
}

/** Turns a packed field into a plain one holding `value`, as a write to a plain object would. */
function plain(page: SegmentedPage, key: 'lines' | 'lineRoles', value: unknown): void {
  Object.defineProperty(page, key, { value, enumerable: true, writable: true, configurable: true })
}

/**
 * The getters and setters of the packed fields, one pair shared by every packed page: a pair
 * made per page (closures over it) gave each page a hidden class of its own, and defining
 * every field through defineProperty left 12,000 pages read back from the cache in V8's slow
 * dictionary mode (0.4 s of a rebuild's main thread in making them).
 */
function packedField(key: 'lines' | 'lineRoles', unpack: (packed: Packed) => unknown): PropertyDescriptor {
  return {
    get(this: SegmentedPage) {
      return unpack(packingOf(this))
    },
    // A write (none in the build) replaces the getter with the value written, as on a plain object.
    set(this: SegmentedPage, value: unknown) {
      plain(this, key, value)
    },
    enumerable: true,
    configurable: true,
  }
}
const PACKED_FIELDS = { lines: packedField('lines', unpackLines), lineRoles: packedField('lineRoles', unpackRoles) }

/** A page whose lines and roles read from `packed`, its other fields those of `fields`, in their order. */
function withPacked(fields: Record<string, unknown>, packed: PackedSource): SegmentedPage {
  const out = {} as Record<string, unknown>
  // Same keys in the same order, so JSON of the page (page keys) is unchanged.
  for (const key of Object.keys(fields)) {
    if (key === 'lines' || key === 'lineRoles') Object.defineProperty(out, key, PACKED_FIELDS[key])
    else out[key] = fields[key]
  }
  const page = out as unknown as SegmentedPage
  packings.set(page, packed)
  return page
}

/** The page with its lines and their roles held packed (see above); the same page when they are not of the plain shapes or already packed. */
export function packPageLines(page: SegmentedPage): SegmentedPage {
  if (isPacked(page) || !packable(page)) return page
  return withPacked(page as unknown as Record<string, unknown>, pack(page))
}

/** Whether the page holds its lines and roles packed, as packPageLines left them (not written to since). */
export function isPacked(page: SegmentedPage): boolean {
  if (!packings.has(page)) return false
  const lines = Object.getOwnPropertyDescriptor(page, 'lines')
  const roles = Object.getOwnPropertyDescriptor(page, 'lineRoles')
  return lines?.get !== undefined && roles?.get !== undefined
}

/**
 * A page as it crosses to another thread (postMessage): a packed page goes as its packing — one
 * string and one Int32Array — instead of an object per line, which the structured clone would
 * make by reading the getters. The 4,800 issues of a 60,000-story archive: 261 MB of render
 * jobs to clone instead of 163 MB, 3.7 s against 2.1 s of the main thread.
 */
export interface PageInTransit {
  /** The page's fields in order; `lines` and `lineRoles` null when `packed` holds them, `stories` as they travel (packed-paragraphs.ts storyForTransit). */
  page: Record<string, unknown>
  /** The packing, or its bytes (sealPacked). */
  packed?: PackedSource
}

export function pageForTransit(page: SegmentedPage): PageInTransit {
  const packed = isPacked(page) ? packings.get(page) : undefined
  const fields: Record<string, unknown> = {}
  for (const key of Object.keys(page) as Array<keyof SegmentedPage>) {
    if (key === 'stories') fields[key] = page.stories.map(storyForTransit)
    else fields[key] = packed && (key === 'lines' || key === 'lineRoles') ? null : page[key]
  }
  return packed ? { page: fields, packed } : { page: fields }
}

/** The page pageForTransit sent: its lines and its stories' paragraphs packed again when they were packed. */
export function pageFromTransit(sent: PageInTransit): SegmentedPage {
  const fields = { ...sent.page, stories: (sent.page.stories as StoryInTransit[]).map(storyFromTransit) }
  return sent.packed ? withPacked(fields, sent.packed) : (fields as unknown as SegmentedPage)
}

/**
 * A page in transit with its packing as bytes, for a page kept as bytes itself (the page
 * cache, parallel/page-job.ts encodeResult): read back, its lines are decoded only when first read.
 */
export function sealPacked(sent: PageInTransit): PageInTransit {
  const packed = sent.packed
  if (!packed || packed instanceof Uint8Array) return sent
  return { page: sent.page, packed: isStored(packed) ? storedBytes(packed) : serialize(packed) }
}

/**
 * The page a sealed transit (sealPacked) read back from larger bytes holds, its packing's bytes
 * copied into a buffer of their own: v8.deserialize hands a Uint8Array back as a view, which
 * would keep the bytes it was read from (a cache pack, a batch of pages from a thread) alive,
 * or see them reused, and a structured clone of a view copies its whole buffer.
 */
export function unsealedPage(sent: PageInTransit, locate?: (view: Uint8Array) => StoredPacking | null): SegmentedPage {
  const packed = sent.packed
  if (!(packed instanceof Uint8Array)) return pageFromTransit(sent)
  // Where the bytes came from a file held open (the page cache), the page keeps their place instead of a copy.
  // new Uint8Array copies; slice would not, as v8 reads a Buffer back as a Buffer, whose slice is a view.
  return pageFromTransit({ page: sent.page, packed: locate?.(packed) ?? new Uint8Array(packed) })
}
