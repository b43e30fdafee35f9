// What a build keeps of an older tier of the term index (format.ts TermTier) once it has
// written its shards: their names and ranges, the tier's size and field totals (for the
// whole index's numbers, IndexStats), and its indexed words' postings (the top-cards files
// rank a word over every tier). A later build whose older tier holds the same stories, words
// and code — every daily build of a year — takes this instead of collecting and encoding the
// tier again, and keeps the tier's files as they are in the output.
//
// The state is stamped with the key of what the tier is made from (tierKey): anything else —
// another version of this file, a damaged file, another tier — is no state.

import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { contentKey } from '../cache/hash.js'
import { writeAsideSync } from '../cache/write-aside.js'
import type { PostingsStamp } from './postings-store.js'

/** Bump when the shape below changes. */
const STATE_VERSION = 1

export interface FrozenShard {
  from: string
  to: string
  /** File names under `search/` (term-index-thread.ts ShardFile). */
  name: string
  positionsName: string
}

export interface FrozenTier {
  version: number
  /** tierKey of what the tier was made from. */
  key: string
  /** Stories in the tier. */
  documents: number
  /** Each field's tokens over the tier's stories. */
  fieldTotals: number[]
  shards: FrozenShard[]
  /** Each indexed word that the tier holds, with its packed postings in the tier (format.ts ShardData). */
  words: Array<[word: string, packed: string]>
}

/** The key of a tier: its place, its first doc number, the shard budget, and the postings stamp (code, words, every story's DocTerms key). */
export function tierKey(tier: number, firstDoc: number, budget: number, stamp: PostingsStamp): string {
  return contentKey('term tier', String(STATE_VERSION), String(tier), String(firstDoc), String(budget), stamp.fingerprint, JSON.stringify(stamp.words), stamp.docs.join('\n'))
}

/** The state kept in `file` for the tier `key`, or null. */
export function readTierState(file: string, key: string): FrozenTier | null {
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as FrozenTier
    if (state.version !== STATE_VERSION || state.key !== key || !Array.isArray(state.shards) || !Array.isArray(state.words)) return null
    return state
  } catch {
    return null
  }
}

/** Writes a tier's state aside first and renames it, so a reader never sees half a file. */
export function writeTierState(file: string, state: Omit<FrozenTier, 'version'>): void {
  mkdirSync(path.dirname(file), { recursive: true })
  writeAsideSync(file, JSON.stringify({ version: STATE_VERSION, ...state }))
}
