// Segmented pages kept between builds, one small file per page under the cache folder,
// named by the hash of everything that goes into segmenting it (the page as read, the
// editors' cuts for it, the code fingerprint). An unchanged page is read back instead of
// being normalized and segmented again; entries no build asked for are removed at the end.
//
// Each entry is two files: `<key>.json`, the page (its lines kept packed:
// segment/packed-lines.ts), tagging hits and messages, read by every build; and
// `<key>.terms.json`, its stories' search tokens, read only for stories whose postings the
// search index did not keep from the last build (search/postings-store.ts) — usually none.

import { readFileSync } from 'node:fs'
import { mkdir, readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import pMap from 'p-map'
import type { PageResult } from '../parallel/page-job.js'
import type { DocTerms } from '../search/doc-terms.js'
import { restorePage, storePage, type StoredPage } from '../segment/packed-lines.js'
import { textKeyOf } from '../ingest/read-content.js'
import type { RawPage, ScannedPage } from '../types.js'
import { codeFingerprint } from './fingerprint.js'
import { contentKey } from './hash.js'
import { writeAside } from './write-aside.js'

const IO_CONCURRENCY = 16

/** A page job's result as read back: its stories' search tokens are left in the cache (`terms` is empty), named by their keys. */
export interface CachedPage {
  result: PageResult
  /** The DocTerms key of each story's tokens (PageResult.terms), in order; PageCache.readTerms gives the tokens. */
  termKeys: string[]
}

/** Entries are named by pageKey. */
export interface PageCache {
  /** Results for `keys` in order, undefined where the cache has none. */
  read(keys: readonly string[]): Promise<(CachedPage | undefined)[]>
  /** The search tokens of the entry's stories, in the order of its termKeys; null when they cannot be read. */
  readTerms(key: string): DocTerms[] | null
  /** Stores fresh results (in the same order as `keys`). */
  write(keys: readonly string[], results: readonly PageResult[]): Promise<void>
  /** Removes entries that this build did not read or write. */
  prune(): Promise<void>
}

/** What `<key>.json` holds. */
interface StoredResult {
  page: StoredPage | null
  hits: PageResult['hits']
  messages: PageResult['messages']
  termKeys: string[]
}

const TERMS_SUFFIX = '.terms.json'

/**
 * A page's cached result depends on the page as read and on `context`: whatever else the
 * page job reads (the topic taxonomy), given as one string. The text stands in it by its own
 * key, so a page the content scan gave without its text has the key it had when read.
 */
export function pageKey(page: RawPage | ScannedPage, context: string): string {
  const { meta, contentPath, displayPath, firstLine, hints } = page
  return contentKey(codeFingerprint(), context, JSON.stringify({ meta, contentPath, displayPath, firstLine, hints }), textKeyOf(page))
}

export function pageCache(dir: string): PageCache {
  const root = path.join(dir, 'pages')
  const used = new Set<string>()
  const fileOf = (key: string, suffix = '.json'): string => path.join(root, key.slice(0, 2), `${key}${suffix}`)
  return {
    async read(keys) {
      // One file after another, synchronously: the entries are small, and the thread pool's
      // round trips for each (open, stat, read, close) cost more than the reads. Reading
      // 11,999 entries and parsing them took 2.3–2.4 s 16 at a time, 1.9–2.0 s this way (alternating runs).
      return keys.map((key) => {
        used.add(key)
        try {
          const stored = JSON.parse(readFileSync(fileOf(key), 'utf8')) as StoredResult
          return {
            result: { page: stored.page && restorePage(stored.page), hits: stored.hits, messages: stored.messages, terms: [] },
            termKeys: stored.termKeys,
          }
        } catch {
          // Missing or unreadable (e.g. cut short by a crash): segment it again.
          return undefined
        }
      })
    },
    readTerms(key) {
      try {
        return JSON.parse(readFileSync(fileOf(key, TERMS_SUFFIX), 'utf8')) as DocTerms[]
      } catch {
        return null
      }
    },
    async write(keys, results) {
      await pMap(
        keys,
        async (key, i) => {
          used.add(key)
          const result = results[i]!
          const file = fileOf(key)
          await mkdir(path.dirname(file), { recursive: true })
          // The tokens first: an entry whose page file exists has its tokens too, unless damaged since.
          await writeAside(fileOf(key, TERMS_SUFFIX), JSON.stringify(result.terms.map((t) => t.terms)))
          const stored: StoredResult = {
            page: result.page && storePage(result.page),
            hits: result.hits,
            messages: result.messages,
            termKeys: result.terms.map((t) => t.key),
          }
          await writeAside(file, JSON.stringify(stored))
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
          const key = name.endsWith(TERMS_SUFFIX) ? name.slice(0, -TERMS_SUFFIX.length) : name.replace(/\.json$/u, '')
          if (!used.has(key)) await rm(path.join(root, sub, name), { force: true })
        }
      }
    },
  }
}
