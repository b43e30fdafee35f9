// Segmented pages kept between builds, one small file per page under the cache folder,
// named by the hash of everything that goes into segmenting it (the page as read, the
// editors' cuts for it, the code fingerprint). An unchanged page is read back instead of
// being normalized and segmented again; entries no build asked for are removed at the end.

import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import pMap from 'p-map'
import type { PageResult } from '../parallel/page-job.js'
import type { RawPage } from '../types.js'
import { codeFingerprint } from './fingerprint.js'
import { contentKey } from './hash.js'

const IO_CONCURRENCY = 16

/** Entries are named by pageKey. */
export interface PageCache {
  /** Results for `keys` in order, undefined where the cache has none. */
  read(keys: readonly string[]): Promise<(PageResult | undefined)[]>
  /** Stores fresh results (in the same order as `keys`). */
  write(keys: readonly string[], results: readonly PageResult[]): Promise<void>
  /** Removes entries that this build did not read or write. */
  prune(): Promise<void>
}

/**
 * A page's cached result depends on the page as read and on `context`: whatever else the
 * page job reads (the topic taxonomy), given as one string.
 */
export function pageKey(page: RawPage, context: string): string {
  return contentKey(codeFingerprint(), context, JSON.stringify(page))
}

export function pageCache(dir: string): PageCache {
  const root = path.join(dir, 'pages')
  const used = new Set<string>()
  const fileOf = (key: string): string => path.join(root, key.slice(0, 2), `${key}.json`)
  return {
    async read(keys) {
      return pMap(
        keys,
        async (key) => {
          used.add(key)
          try {
            return JSON.parse(await readFile(fileOf(key), 'utf8')) as PageResult
          } catch {
            // Missing or unreadable (e.g. cut short by a crash): segment it again.
            return undefined
          }
        },
        { concurrency: IO_CONCURRENCY },
      )
    },
    async write(keys, results) {
      await pMap(
        keys,
        async (key, i) => {
          used.add(key)
          const file = fileOf(key)
          await mkdir(path.dirname(file), { recursive: true })
          // Written aside and renamed, so a reader never sees half a file.
          const temp = `${file}.${process.pid}.tmp`
          await writeFile(temp, JSON.stringify(results[i]))
          await rename(temp, file)
        },
        { concurrency: IO_CONCURRENCY },
      )
    },
    async prune() {
      let dirs: string[]
      try {
        dirs = await readdir(root)
      } catch {
        return
      }
      for (const sub of dirs) {
        for (const name of await readdir(path.join(root, sub))) {
          if (!used.has(name.replace(/\.json$/u, ''))) await rm(path.join(root, sub, name), { force: true })
        }
      }
    },
  }
}
