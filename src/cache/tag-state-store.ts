// The archive-wide tagging pass's state (tag/tag-state.ts), kept in the cache for the next
// build: one file in V8's serialization, its maps of names as text and its pages as two lists
// (5 MB at 60,000 stories, read back in ~50 ms), stamped with the code's fingerprint (other code
// may tag otherwise). Anything unreadable is no state: every story is then tagged afresh.

import { mkdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { knownOf, namesText, rolesOf, seenOf, seenText, type TagState } from '../tag/tag-state.js'
import { codeFingerprint } from './fingerprint.js'
import { writeAside } from './write-aside.js'

const file = (cacheDir: string): string => path.join(cacheDir, 'tag-state.v8')

interface Stored {
  fingerprint: string
  v8: string
  registry: string
  /** namesText of `known` and of `roles`. */
  known: string
  roles: string
  /** The pages' cache keys, and each page's people in the same order. */
  keys: string[]
  pages: string[]
  /** seenText of `seen`, when the state has it. */
  seen?: string
}

export async function readTagState(cacheDir: string): Promise<TagState | null> {
  try {
    const stored = deserialize(await readFile(file(cacheDir))) as Stored
    if (stored.fingerprint !== codeFingerprint() || stored.v8 !== process.versions.v8 || stored.keys.length !== stored.pages.length) return null
    const pages = new Map<string, string>()
    stored.keys.forEach((key, i) => pages.set(key, stored.pages[i]!))
    return { registry: stored.registry, known: knownOf(stored.known), roles: rolesOf(stored.roles), pages, ...(typeof stored.seen === 'string' ? { seen: seenOf(stored.seen) } : {}) }
  } catch {
    return null
  }
}

/** Keeps the state for the next build; a state whose names its text cannot carry (tag-state.ts namesText) is not kept, and the last one is removed. */
export async function writeTagState(cacheDir: string, state: TagState): Promise<void> {
  await mkdir(cacheDir, { recursive: true })
  const known = namesText(state.known)
  const roles = namesText(state.roles)
  if (known === null || roles === null) return rm(file(cacheDir), { force: true })
  // A tally the text cannot carry is left out: the next build then tallies every page.
  const seen = state.seen && seenText(state.seen)
  const stored: Stored = {
    fingerprint: codeFingerprint(),
    v8: process.versions.v8,
    registry: state.registry,
    known,
    roles,
    keys: [...state.pages.keys()],
    pages: [...state.pages.values()],
    ...(typeof seen === 'string' ? { seen } : {}),
  }
  await writeAside(file(cacheDir), serialize(stored))
}
