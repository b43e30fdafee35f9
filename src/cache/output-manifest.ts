// What the last build wrote into an output folder: for every file, the key of what it was
// made from (render/index.ts `SitePlan.key`) and its size and modification time as written.
// The next build into the same folder links a page whose key is unchanged instead of
// rendering it again — but only if the file is still exactly as written (same size and
// time), so a file edited or deleted by hand is rendered afresh.

import { readFile, rename, writeFile, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { codeFingerprint } from './fingerprint.js'
import { contentKey } from './hash.js'

export interface WrittenFile {
  key: string
  size: number
  mtimeMs: number
}

export interface OutputManifest {
  fingerprint: string
  files: Record<string, WrittenFile>
}

function manifestFile(cacheDir: string, outDir: string): string {
  return path.join(cacheDir, 'outputs', `${contentKey(path.resolve(outDir))}.json`)
}

/** The manifest of the last build into `outDir`, or null (none, unreadable, or written by other code). */
export async function readManifest(cacheDir: string, outDir: string): Promise<OutputManifest | null> {
  try {
    const manifest = JSON.parse(await readFile(manifestFile(cacheDir, outDir), 'utf8')) as OutputManifest
    return manifest.fingerprint === codeFingerprint() ? manifest : null
  } catch {
    return null
  }
}

export async function writeManifest(cacheDir: string, outDir: string, files: Record<string, WrittenFile>): Promise<void> {
  const file = manifestFile(cacheDir, outDir)
  await mkdir(path.dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  await writeFile(temp, JSON.stringify({ fingerprint: codeFingerprint(), files } satisfies OutputManifest))
  await rename(temp, file)
}
