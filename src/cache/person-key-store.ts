// The person keys a build made (render/person-keys.ts), kept in the cache for the next build:
// one JSON file, stamped with the code's fingerprint (another version of the code may key
// people otherwise). Anything unreadable is no state: every key is then made afresh.

import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { PersonKeyState } from '../render/person-keys.js'
import { codeFingerprint } from './fingerprint.js'
import { writeAside } from './write-aside.js'

const file = (cacheDir: string): string => path.join(cacheDir, 'person-keys.json')

export async function readPersonKeys(cacheDir: string): Promise<PersonKeyState | null> {
  try {
    const { fingerprint, state } = JSON.parse(await readFile(file(cacheDir), 'utf8')) as { fingerprint: string; state: PersonKeyState }
    return fingerprint === codeFingerprint() ? state : null
  } catch {
    return null
  }
}

export async function writePersonKeys(cacheDir: string, state: PersonKeyState): Promise<void> {
  await mkdir(cacheDir, { recursive: true })
  await writeAside(file(cacheDir), JSON.stringify({ fingerprint: codeFingerprint(), state }))
}
