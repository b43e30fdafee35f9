// Segmented pages kept between builds, named by the hash of everything that goes into
// segmenting a page (the page as read, the editors' cuts for it, the code fingerprint). An
// unchanged page is read back instead of being normalized and segmented again; entries no
// build asked for are dropped when the build saves the cache.
//
// Entries live in a few large pack files under `pages/`, not a file or two per page: at
// 12,000 pages, creating 24,000 small files took a full build 4.7 s (the kernel's file
// creations, on the critical path after the page jobs) and opening them again took every
// rebuild over a second. A pack is two files written once and never changed:
//
//   pages/<pack>.pages   each entry's page, tagging hits and messages, one after another
//   pages/<pack>.terms   each entry's stories' search tokens, read only for stories whose
//                        postings the search index did not keep from the last build
//                        (search/postings-store.ts) — usually none
//   pages/index.json     key → pack and byte ranges, rewritten (aside, then renamed) on save
//
// Entries are the bytes a page worker sends (parallel/page-job.ts EncodedResult, v8's
// serialization), written as they arrive.
//
// A build appends its fresh entries to a new pack as the page jobs finish; saving drops the
// entries it did not use, moves the live entries of packs mostly dead (or of small packs, once
// there are many) into the new pack, writes the index, and then removes packs it no longer names.
// A build cut short leaves the last index, whose packs are all still there, and a pack no
// index names, removed by the next save. Files another running build is still writing are
// left to it (beingWritten); two builds on one cache cost each other cache entries, not errors.

import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs'
import { mkdir, readdir, rm } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { decodeStored, decodeTerms, type EncodedResult, type PageResult } from '../parallel/page-job.js'
import type { DocTerms } from '../search/doc-terms.js'
import { textKeyOf } from '../ingest/read-content.js'
import type { RawPage, ScannedPage } from '../types.js'
import type { StoredPacking } from '../segment/packed-lines.js'
import { codeFingerprint } from './fingerprint.js'
import { contentKey } from './hash.js'
import { writeAside } from './write-aside.js'

/** A page job's result as read back: its stories' search tokens are left in the cache (`terms` is empty), named by their keys. */
export interface CachedPage {
  result: PageResult
  /** The DocTerms key of each story's tokens (PageResult.terms), in order; PageCache.readTerms gives the tokens. */
  termKeys: string[]
}

/** Entries are named by pageKey. */
export interface PageCache {
  /** Results for `keys` in order, undefined where the cache has none (or a damaged one). */
  read(keys: readonly string[]): (CachedPage | undefined)[]
  /** Whether the cache has an entry for `key` (read may still find it damaged). */
  has(key: string): boolean
  /** The search tokens of the entry's stories, in the order of its termKeys; null when they cannot be read. */
  readTerms(key: string): DocTerms[] | null
  /** Stores a fresh result, as page-job.ts encodeResult gives it (written at once, to this build's pack). */
  put(key: string, encoded: EncodedResult): void
  /** Keeps the entries this build read or put, and only those, for the next build. */
  save(): Promise<void>
}

/** Where an entry is: its pack, and the byte ranges of its page and of its tokens. */
interface Location {
  pack: string
  page: number
  pageLength: number
  terms: number
  termsLength: number
}

/** `pages/index.json`. */
interface StoredIndex {
  format: number
  /** V8's version: entries are in its serialization format, which an older V8 may not read. */
  v8: string
  /** key, pack, page offset, page length, terms offset, terms length */
  entries: [string, string, number, number, number, number][]
}

const INDEX_FORMAT = 1
const INDEX_FILE = 'index.json'
const PAGES_SUFFIX = '.pages'
const TERMS_SUFFIX = '.terms'
/** A pack's page file is closed once it holds this many bytes (a full build of 12,000 pages makes ~200 MB of them). */
const PACK_BYTES = 64 << 20
/** A pack with less than this share of its bytes live is moved into the new pack on save. */
const LIVE_SHARE = 0.5
/** Beyond this many packs, the smallest are merged into the new pack on save (a daily rebuild makes a small pack each time). */
const MAX_PACKS = 8

/**
 * A page's cached result depends on the page as read and on `context`: whatever else the
 * page job reads (the topic taxonomy), given as one string. The text stands in it by its own
 * key, so a page the content scan gave without its text has the key it had when read.
 */
export function pageKey(page: RawPage | ScannedPage, context: string): string {
  const { meta, contentPath, displayPath, firstLine, hints } = page
  return contentKey(codeFingerprint(), context, JSON.stringify({ meta, contentPath, displayPath, firstLine, hints }), textKeyOf(page))
}

/** The index as saved, or an empty one when there is none (or it is damaged: every page is then made afresh). */
function readIndex(root: string): Map<string, Location> {
  const entries = new Map<string, Location>()
  try {
    const stored = JSON.parse(readFileSync(path.join(root, INDEX_FILE), 'utf8')) as StoredIndex
    if (stored.format !== INDEX_FORMAT || stored.v8 !== process.versions.v8 || !Array.isArray(stored.entries)) return entries
    for (const [key, pack, page, pageLength, terms, termsLength] of stored.entries) entries.set(key, { pack, page, pageLength, terms, termsLength })
  } catch {
    // Missing or unreadable: an empty cache.
  }
  return entries
}

/** Bytes of a pack read at a time. */
const WINDOW_BYTES = 4 << 20

/**
 * Reads ranges of a file, in ascending order, through one buffer that is reused: a pack is read
 * without a buffer of its whole size, whose fresh memory cost this machine ~3 ms a megabyte
 * in page faults (0.5 s for a 60,000-story archive's packs). A range is valid until the next
 * is read: what is decoded from it must not keep a view of it (parallel/page-job.ts decodeStored
 * copies, or keeps where the view lies in the file: `locate`).
 */
class RangeReader {
  readonly size: number
  private readonly fd: number
  private readonly dev: number
  private readonly ino: number
  private from = 0
  private to = 0
  constructor(
    file: string,
    public window: Buffer,
  ) {
    this.fd = openSync(file, 'r')
    const stat = fstatSync(this.fd)
    this.size = stat.size
    this.dev = stat.dev
    this.ino = stat.ino
  }
  /** What keeps the file open while pages read from it are alive (hold). */
  private held: object | null = null
  /**
   * Keeps the file open until nothing located in it (locate) is left: closed then by the
   * garbage collector's finalization, not by close(). Lines are read from it only while the
   * page they belong to is alive, which holds it open.
   */
  hold(): void {
    this.held ??= openPack(this.fd)
  }
  /** Where a view of the current range lies in the file (for a held file), or null for bytes that are not such a view. */
  locate(view: Uint8Array): StoredPacking | null {
    if (this.held === null || view.buffer !== this.window.buffer) return null
    const position = this.from + view.byteOffset - this.window.byteOffset
    if (position < this.from || position + view.length > this.to) return null
    return { fd: this.fd, position, length: view.length, dev: this.dev, ino: this.ino, file: this.held }
  }
  /** Bytes `start` … `start + length`, or null when the file is shorter. */
  range(start: number, length: number): Buffer | null {
    if (start + length > this.size) return null
    if (start < this.from || start + length > this.to) {
      if (length > this.window.length) this.window = Buffer.allocUnsafe(length)
      const read = readSync(this.fd, this.window, 0, Math.min(this.window.length, this.size - start), start)
      this.from = start
      this.to = start + read
      if (read < length) return null
    }
    return this.window.subarray(start - this.from, start - this.from + length)
  }
  close(): void {
    if (this.held === null) closeSync(this.fd)
  }
}

/** Closes a held pack's file once the object standing for it is collected. */
const packsHeld = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd)
  } catch {
    // Already closed.
  }
})

/** An object standing for an open pack file: the file is closed once nothing refers to it. */
function openPack(fd: number): object {
  const held = { fd }
  packsHeld.register(held, fd)
  return held
}

/** Bytes `from` … `from + length` of a file, in a buffer of their own, or null when it is shorter. */
function readRange(file: string, from: number, length: number): Buffer | null {
  const reader = new RangeReader(file, Buffer.allocUnsafe(length))
  try {
    return reader.range(from, length)
  } finally {
    reader.close()
  }
}

/** A pack file while it is written: named by the process writing it (see beingWritten). */
const partFile = (file: string, suffix: string): string => `${file}${suffix}.${process.pid}.tmp`

/**
 * Whether a file in the cache is being written by another build that is still running (`npm
 * run dev` rebuilding while `npm run build` runs, on the same cache): its pack or index is
 * written under a name with its process id and renamed when done, so it is left alone while
 * that process lives. A save removes every other file its index does not name, including
 * this process's own leftovers.
 */
function beingWritten(name: string): boolean {
  const pid = /\.(\d+)\.tmp$/u.exec(name)?.[1]
  if (pid === undefined || Number(pid) === process.pid) return false
  try {
    process.kill(Number(pid), 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The pack files a build writes: its entries go to one pack after another, each closed at PACK_BYTES. */
class PackWriter {
  private current: { name: string; pages: number; terms: number; pageBytes: number; termBytes: number } | null = null
  constructor(private readonly root: string) {}

  /** Appends an entry's two parts; returns where they went. */
  append(pageBytes: Uint8Array, termBytes: Uint8Array): Location {
    const pack = this.current ?? this.open()
    const at: Location = { pack: pack.name, page: pack.pageBytes, pageLength: pageBytes.length, terms: pack.termBytes, termsLength: termBytes.length }
    writeSync(pack.pages, pageBytes)
    writeSync(pack.terms, termBytes)
    pack.pageBytes += pageBytes.length
    pack.termBytes += termBytes.length
    if (pack.pageBytes >= PACK_BYTES) this.close()
    return at
  }

  /** Closes the open pack's files and removes them. */
  abandon(): void {
    const pack = this.current
    this.current = null
    if (!pack) return
    closeSync(pack.pages)
    closeSync(pack.terms)
    const file = path.join(this.root, pack.name)
    rmSync(partFile(file, TERMS_SUFFIX), { force: true })
    rmSync(partFile(file, PAGES_SUFFIX), { force: true })
  }

  /** Closes the open pack: renamed into place, under the name its entries were given. */
  close(): void {
    const pack = this.current
    if (!pack) return
    this.current = null
    closeSync(pack.pages)
    closeSync(pack.terms)
    const file = path.join(this.root, pack.name)
    // The page file last: a pack is whole once its page file is there.
    renameSync(partFile(file, TERMS_SUFFIX), `${file}${TERMS_SUFFIX}`)
    renameSync(partFile(file, PAGES_SUFFIX), `${file}${PAGES_SUFFIX}`)
  }

  private open(): NonNullable<PackWriter['current']> {
    // A new name each time: packs are never written over, so a reader holding the last index always finds its bytes.
    const name = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`
    const file = path.join(this.root, name)
    mkdirSync(this.root, { recursive: true })
    this.current = {
      name,
      pages: openSync(partFile(file, PAGES_SUFFIX), 'w'),
      terms: openSync(partFile(file, TERMS_SUFFIX), 'w'),
      pageBytes: 0,
      termBytes: 0,
    }
    return this.current
  }
}

/** The entries a save moves into the new pack: every live entry of a pack mostly dead, and of the smallest packs beyond MAX_PACKS. */
function packsToMove(live: ReadonlyMap<string, Location>, sizes: ReadonlyMap<string, number>, fresh: ReadonlySet<string>): Set<string> {
  const liveBytes = new Map<string, number>()
  for (const at of live.values()) liveBytes.set(at.pack, (liveBytes.get(at.pack) ?? 0) + at.pageLength)
  const move = new Set<string>()
  const kept: [string, number][] = []
  for (const [pack, bytes] of liveBytes) {
    if (fresh.has(pack)) continue
    if (bytes < LIVE_SHARE * (sizes.get(pack) ?? bytes)) move.add(pack)
    else kept.push([pack, bytes])
  }
  kept.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
  // The packs after the save: those kept, and this build's — at least one once anything moves into it.
  const after = (keptCount: number): number => keptCount + Math.max(fresh.size, move.size > 0 ? 1 : 0)
  for (let i = 0; i < kept.length && after(kept.length - i) > MAX_PACKS; i++) move.add(kept[i]![0])
  return move
}

export function pageCache(dir: string): PageCache {
  const root = path.join(dir, 'pages')
  const index = readIndex(root)
  /** Where each entry this build read or put is: the index the save writes. */
  const used = new Map<string, Location>()
  /** The page-file size of each pack the index names, as found when reading it. */
  const sizes = new Map<string, number>()
  let writer: PackWriter | null = null
  const writerOf = (): PackWriter => (writer ??= new PackWriter(root))
  /** The error a put met, thrown by save. */
  let failure: unknown = null
  /** The buffer packs are read through (RangeReader), kept from one pack to the next. */
  let window: Buffer | null = null
  const fileOf = (pack: string, suffix: string): string => path.join(root, `${pack}${suffix}`)

  return {
    has: (key) => index.has(key),
    read(keys) {
      // A pack's page file is read once, in order, for all the keys in it: one file instead of
      // a file per page (reading 12,000 small files took over a second of system calls).
      const byPack = new Map<string, number[]>()
      keys.forEach((key, i) => {
        const at = index.get(key)
        if (!at) return
        const list = byPack.get(at.pack)
        if (list) list.push(i)
        else byPack.set(at.pack, [i])
      })
      const out: (CachedPage | undefined)[] = keys.map(() => undefined)
      for (const [pack, positions] of [...byPack].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        let reader: RangeReader
        try {
          reader = new RangeReader(fileOf(pack, PAGES_SUFFIX), (window ??= Buffer.allocUnsafe(WINDOW_BYTES)))
        } catch {
          continue // a pack gone: its pages are made afresh
        }
        // Held open while its pages are (a save may remove the pack meanwhile: an open file is still read).
        reader.hold()
        sizes.set(pack, reader.size)
        positions.sort((a, b) => index.get(keys[a]!)!.page - index.get(keys[b]!)!.page)
        const locate = (view: Uint8Array): StoredPacking | null => reader.locate(view)
        for (const i of positions) {
          const key = keys[i]!
          const at = index.get(key)!
          try {
            const bytes = reader.range(at.page, at.pageLength)
            if (!bytes) continue
            out[i] = decodeStored(bytes, locate)
            used.set(key, at)
          } catch {
            // Damaged, cut short or unreadable: the page is segmented again.
          }
        }
        window = reader.window
      }
      return out
    },
    readTerms(key) {
      const at = used.get(key) ?? index.get(key)
      if (!at) return null
      try {
        const bytes = readRange(fileOf(at.pack, TERMS_SUFFIX), at.terms, at.termsLength)
        return bytes && decodeTerms(bytes)
      } catch {
        return null
      }
    },
    put(key, encoded) {
      // Called as each page arrives from a thread: an error here (a full disk) would escape the
      // build's promise, so it is kept and thrown by save(), as a failed write always failed the build.
      if (failure !== null) return
      try {
        used.set(key, writerOf().append(encoded.stored, encoded.terms))
      } catch (error) {
        failure = error
      }
    },
    async save() {
      if (failure !== null) {
        writer?.abandon()
        throw failure
      }
      await mkdir(root, { recursive: true })
      const fresh = new Set<string>()
      for (const at of used.values()) if (!sizes.has(at.pack)) fresh.add(at.pack)
      const move = packsToMove(used, sizes, fresh)
      if (move.size > 0) {
        const out = writerOf()
        for (const pack of [...move].sort()) {
          const keys = [...used].filter(([, at]) => at.pack === pack).map(([key]) => key)
          let pages: Buffer
          let terms: Buffer
          try {
            pages = readFileSync(fileOf(pack, PAGES_SUFFIX))
            terms = readFileSync(fileOf(pack, TERMS_SUFFIX))
          } catch {
            for (const key of keys) used.delete(key)
            continue
          }
          for (const key of keys) {
            const at = used.get(key)!
            // A pack cut short since it was read loses the entries past its end.
            if (at.page + at.pageLength > pages.length || at.terms + at.termsLength > terms.length) used.delete(key)
            else used.set(key, out.append(pages.subarray(at.page, at.page + at.pageLength), terms.subarray(at.terms, at.terms + at.termsLength)))
          }
        }
      }
      writer?.close()
      const entries: StoredIndex['entries'] = [...used]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([key, at]) => [key, at.pack, at.page, at.pageLength, at.terms, at.termsLength])
      await writeAside(path.join(root, INDEX_FILE), JSON.stringify({ format: INDEX_FORMAT, v8: process.versions.v8, entries } satisfies StoredIndex))
      // Now that the index names none of them: packs no longer used, files of builds cut short, and the per-page files of earlier versions.
      const named = new Set([...used.values()].map((at) => at.pack))
      for (const name of await readdir(root)) {
        if (name === INDEX_FILE || beingWritten(name)) continue
        const pack = name.endsWith(PAGES_SUFFIX) ? name.slice(0, -PAGES_SUFFIX.length) : name.endsWith(TERMS_SUFFIX) ? name.slice(0, -TERMS_SUFFIX.length) : null
        if (pack !== null && named.has(pack)) continue
        // A pack still open (pages read from it hold it) cannot be removed on some systems: the next save removes it.
        await rm(path.join(root, name), { recursive: true, force: true }).catch(() => {})
      }
      index.clear()
      for (const [key, at] of used) index.set(key, at)
    },
  }
}
