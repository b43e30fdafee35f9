// What the last build learned from each content file, keyed by the file's path and checked
// against its stat (size, modification and change times, inode), so a rebuild reads only
// the files that changed. An editor's daily build adds one issue to thousands: reading,
// decoding and parsing the front matter of every page was ~2 s of a 60,000-story rebuild.
//
// A file is trusted by its stat only when it had not been written for RACY_MS before it
// was read: a file system stamps times in ticks (a few ms here, 2 s on FAT), and a file
// written again within the tick it was read in would otherwise keep its old stat. Such a
// file is simply read again next time (as git does with "racily clean" entries).

import type { Stats } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { PlainMessage } from '../messages.js'
import type { ScannedPage } from '../types.js'
import { codeFingerprint } from './fingerprint.js'
import { writeAside } from './write-aside.js'

/** How long a file must have been left alone before it was read for its stat to be trusted. */
export const RACY_MS = 2_000

/** A page as the scan keeps it: everything the build needs of it but its text (and the path for messages, which depends on where the build runs). */
export type KnownPage = Omit<ScannedPage, 'displayPath'>

interface Entry {
  /** size, mtimeMs, ctimeMs, ino: the file as it was read. */
  stat: [number, number, number, number]
  page: KnownPage
  /** The messages reading it gave (front matter, encoding): replayed on each build. */
  messages: PlainMessage[]
}

interface Stored {
  code: string
  files: Record<string, Entry>
}

const statOf = (s: Stats): Entry['stat'] => [s.size, s.mtimeMs, s.ctimeMs, s.ino]
const sameStat = (a: Entry['stat'], b: Entry['stat']): boolean => a.every((v, i) => v === b[i])

export interface ContentScan {
  /** The page at `contentPath` (under the content folder) when its file, as `stat` finds it now, is as it was last read, with that read's messages. */
  lookup(contentPath: string, stat: Stats): { page: KnownPage; messages: PlainMessage[] } | undefined
  /** Remembers a page read afresh: `stat` taken before reading it (a change after that gives the next build another stat), `readAt` when the read began (epoch ms). */
  record(contentPath: string, stat: Stats, readAt: number, page: KnownPage, messages: PlainMessage[]): void
  /** Writes what this build saw (files it did not see are forgotten), if anything changed. */
  save(): Promise<void>
}

/**
 * The scan kept in `file` (e.g. `.cache/content-scan.json`); a missing or damaged file, or one
 * written by other code, is an empty scan. `racyMs`: RACY_MS (tests, which cannot age a
 * file's change time, pass 0).
 */
export async function contentScan(file: string, { racyMs = RACY_MS }: { racyMs?: number } = {}): Promise<ContentScan> {
  const code = codeFingerprint()
  let before: Record<string, Entry> = {}
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as Stored
    if (stored.code === code && stored.files && typeof stored.files === 'object') before = stored.files
  } catch {
    // No scan yet, or unreadable: every file is read.
  }
  const now: Record<string, Entry> = {}
  let changed = false
  return {
    lookup(contentPath, stat) {
      const entry = before[contentPath]
      if (!entry || !sameStat(entry.stat, statOf(stat))) return undefined
      now[contentPath] = entry
      return { page: entry.page, messages: entry.messages }
    },
    record(contentPath, stat, readAt, page, messages) {
      changed = true
      if (readAt - stat.mtimeMs < racyMs || readAt - stat.ctimeMs < racyMs) return
      now[contentPath] = { stat: statOf(stat), page, messages }
    },
    async save() {
      const kept = Object.keys(now)
      if (!changed && kept.length === Object.keys(before).length) return
      // Sorted, so the same files give the same bytes.
      const files: Record<string, Entry> = {}
      for (const key of kept.sort()) files[key] = now[key]!
      const stored: Stored = { code, files }
      try {
        // A first build saves the scan while the cache folder may not be made yet.
        await mkdir(path.dirname(file), { recursive: true })
        await writeAside(file, JSON.stringify(stored))
      } catch {
        // A scan that cannot be written only costs the next build its reading time.
      }
    },
  }
}

/** The scan file under a cache folder. */
export const contentScanFile = (cacheDir: string): string => path.join(cacheDir, 'content-scan.json')
