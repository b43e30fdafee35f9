// What the last build wrote into an output folder: for every file, the key of what it was
// made from (a page's inputs, `SitePlan.key`; for other files a hash of their bytes). The
// manifest lives in the cache; the output folder holds only its id (BUILD_ID_FILE), a hash
// of all the keys. A build whose output folder carries the manifest's id updates that folder
// in place, writing only what changed; any other folder (deleted, replaced by a build
// without the cache, cut short) is rebuilt whole. The id depends only on the files' keys,
// so the same content still gives byte-identical output.

import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { codeFingerprint } from './fingerprint.js'
import { contentKey } from './hash.js'
import { writeAside } from './write-aside.js'

/** In the output folder: the id of the build that wrote it. */
export const BUILD_ID_FILE = '.archive-build'

export interface OutputManifest {
  fingerprint: string
  id: string
  /** Output path → key. */
  files: Record<string, string>
  /** Keys of the page groups written (render/index.ts PageGroup): a group whose key is here kept its pages. */
  groups: string[]
}

/** The id of a set of files: changes whenever any file's key, or the set of paths, does. */
export function manifestId(files: Record<string, string>): string {
  // One line per file: a site has hundreds of thousands, too many to pass as arguments.
  return contentKey(
    Object.keys(files)
      .sort()
      .map((file) => `${file}\t${files[file]!}`)
      .join('\n'),
  )
}

function manifestFile(cacheDir: string, outDir: string): string {
  return path.join(cacheDir, 'outputs', `${contentKey(path.resolve(outDir))}.json`)
}

/**
 * The manifest of the build that wrote `outDir` as it is now, or null: none kept, written
 * by other code, or the folder no longer carries its id.
 */
export async function readManifest(cacheDir: string, outDir: string): Promise<OutputManifest | null> {
  try {
    const manifest = JSON.parse(await readFile(manifestFile(cacheDir, outDir), 'utf8')) as OutputManifest
    if (manifest.fingerprint !== codeFingerprint()) return null
    const id = (await readFile(path.join(outDir, BUILD_ID_FILE), 'utf8')).trim()
    return id === manifest.id ? manifest : null
  } catch {
    return null
  }
}

export async function writeManifest(cacheDir: string, outDir: string, manifest: OutputManifest): Promise<void> {
  const file = manifestFile(cacheDir, outDir)
  await mkdir(path.dirname(file), { recursive: true })
  await writeAside(file, JSON.stringify(manifest))
}
