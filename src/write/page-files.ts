// Writes one page group's rendered files where the site writer asked (write/site-writer.ts),
// on the thread that rendered them: handing every page's HTML back to the main thread to
// write cost it a third of a big build's time. Synchronous, because a worker thread has
// nothing else to do meanwhile and fs/promises spends more on bookkeeping than on writing.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { safeJoin } from './safe-join.js'

/** Where a group's files go, and what is already there. */
export interface GroupTarget {
  /** The folder files are written into (a fresh build's temp folder, or the staging folder). */
  dir: string
  /** The output folder as the previous build left it, and the keys of the files it wrote; null for a fresh build. */
  previous: { dir: string; keys: Record<string, string> } | null
}

/** A page as written: its path, its key, and whether it was written (false: the previous build's copy is the same). */
export type WrittenPage = [path: string, key: string, written: boolean]

/** Writes each page unless the previous build's copy has the same key and is still there. */
export function writePageFiles(target: GroupTarget, pages: Iterable<[string, string, Uint8Array]>, folders: Set<string>): WrittenPage[] {
  const out: WrittenPage[] = []
  const previous = target.previous
  for (const [file, key, bytes] of pages) {
    if (previous && previous.keys[file] === key && existsSync(safeJoin(previous.dir, file))) {
      out.push([file, key, false])
      continue
    }
    const to = safeJoin(target.dir, file)
    const dir = path.dirname(to)
    if (!folders.has(dir)) {
      mkdirSync(dir, { recursive: true })
      folders.add(dir)
    }
    writeFileSync(to, bytes)
    out.push([file, key, true])
  }
  return out
}
