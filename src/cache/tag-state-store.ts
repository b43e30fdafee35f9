// The archive-wide tagging pass's state (tag/tag-state.ts), kept in the cache for the next
// build: one file in V8's serialization (its maps of names and its pages' JSON read back in
// tens of milliseconds), stamped with the code's fingerprint (other code may tag otherwise).
// Anything unreadable is no state: every story is then tagged afresh.

import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { deserialize, serialize } from 'node:v8'
import type { TagState } from '../tag/tag-state.js'
import { codeFingerprint } from './fingerprint.js'
import { writeAside } from './write-aside.js'

const file = (cacheDir: string): string => path.join(cacheDir, 'tag-state.v8')

interface Stored {
  fingerprint: string
  v8: string
  state: TagState
}

const isState = (state: unknown): state is TagState => {
  const s = state as Partial<TagState> | null
  return typeof s?.registry === 'string' && s.known instanceof Map && s.roles instanceof Map && s.pages instanceof Map
}

export async function readTagState(cacheDir: string): Promise<TagState | null> {
  try {
    const stored = deserialize(await readFile(file(cacheDir))) as Stored
    return stored.fingerprint === codeFingerprint() && stored.v8 === process.versions.v8 && isState(stored.state) ? stored.state : null
  } catch {
    return null
  }
}

export async function writeTagState(cacheDir: string, state: TagState): Promise<void> {
  await mkdir(cacheDir, { recursive: true })
  const stored: Stored = { fingerprint: codeFingerprint(), v8: process.versions.v8, state }
  await writeAside(file(cacheDir), serialize(stored))
}
