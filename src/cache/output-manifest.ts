// What the last build wrote into an output folder: for every file, the key of what it was
// made from (a page's inputs, `SitePlan.key`; for other files a hash of their bytes). The
// manifest lives in the cache; the output folder holds only its id (BUILD_ID_FILE), a hash
// of all the keys. A build whose output folder carries the manifest's id updates that folder
// in place, writing only what changed; any other folder (deleted, replaced by a build
// without the cache, cut short) is rebuilt whole. The id depends only on the files' keys,
// so the same content still gives byte-identical output.

import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { codeFingerprint } from './fingerprint.js'
import { contentKey } from './hash.js'
import { writeAside } from './write-aside.js'

/** In the output folder: the id of the build that wrote it. */
export const BUILD_ID_FILE = '.archive-build'

export interface OutputManifest {
  fingerprint: string
  id: string
  /** Output path → key. */
  files: Map<string, string>
  /** Keys of the page groups written (render/index.ts PageGroup): a group whose key is here kept its pages. */
  groups: string[]
}

/**
 * As it is stored: the paths and the keys each as one string, a line a file, v8-serialised.
 * A decade's site has 180,000 files: as a JSON object they took ~330 ms to read and ~300 ms
 * to write each build, as two lists of strings ~330 and ~150 ms, as two strings ~170 ms
 * (most of it making the Map) and ~100 ms.
 */
interface StoredManifest {
  fingerprint: string
  id: string
  paths: string
  keys: string
  groups: string[]
}

/** The id of a set of files: changes whenever any file's key, or the set of paths, does. */
export function manifestId(files: ReadonlyMap<string, string>): string {
  // One line per file: a site has hundreds of thousands, too many to pass as arguments.
  return contentKey(
    [...files.keys()]
      .sort()
      .map((file) => `${file}\t${files.get(file)!}`)
      .join('\n'),
  )
}

function manifestFile(cacheDir: string, outDir: string): string {
  return path.join(cacheDir, 'outputs', `${contentKey(path.resolve(outDir))}.v8`)
}

/**
 * The manifest of the build that wrote `outDir` as it is now, or null: none kept, written
 * by other code, or the folder no longer carries its id.
 */
export async function readManifest(cacheDir: string, outDir: string): Promise<OutputManifest | null> {
  try {
    const stored = deserialize(await readFile(manifestFile(cacheDir, outDir))) as StoredManifest
    if (stored.fingerprint !== codeFingerprint()) return null
    const id = (await readFile(path.join(outDir, BUILD_ID_FILE), 'utf8')).trim()
    const paths = stored.paths === '' ? [] : stored.paths.split('\n')
    const keys = stored.keys === '' ? [] : stored.keys.split('\n')
    // A path with a line break in it would shift every key after it: no manifest then.
    if (id !== stored.id || paths.length !== keys.length) return null
    const files = new Map<string, string>()
    for (let i = 0; i < paths.length; i++) files.set(paths[i]!, keys[i]!)
    return { fingerprint: stored.fingerprint, id: stored.id, files, groups: stored.groups }
  } catch {
    return null
  }
}

export async function writeManifest(cacheDir: string, outDir: string, manifest: OutputManifest): Promise<void> {
  const file = manifestFile(cacheDir, outDir)
  await mkdir(path.dirname(file), { recursive: true })
  const stored: StoredManifest = { fingerprint: manifest.fingerprint, id: manifest.id, paths: [...manifest.files.keys()].join('\n'), keys: [...manifest.files.values()].join('\n'), groups: manifest.groups }
  await writeAside(file, serialize(stored))
}
