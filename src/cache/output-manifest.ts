// What the last build wrote into an output folder: its files in units (a page group, or one
// file), each unit with the key of what it was made from (a group's inputs, `SitePlan.key`)
// and every file with the key of its bytes. The manifest lives in the cache; the output folder
// holds only its id (BUILD_ID_FILE), a hash of every unit's paths and keys. A build whose output
// folder carries the manifest's id updates that folder in place, writing only what changed;
// any other folder (deleted, replaced by a build without the cache, cut short) is rebuilt
// whole. The id depends only on the files, their keys and how the plan groups them, so the
// same content still gives byte-identical output.

import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { codeFingerprint } from './fingerprint.js'
import { contentKey } from './hash.js'
import { writeAside } from './write-aside.js'

/** In the output folder: the id of the build that wrote it. */
export const BUILD_ID_FILE = '.archive-build'

/**
 * Files the site writer keeps or makes together: a page group's files (render/index.ts
 * PageGroup), a file keyed by its inputs (LazyFile), or one file keyed by its bytes alone. Its
 * files are `count` entries of `files` from `from`: a unit read back shares the manifest's lists
 * (making a list per unit of 107,000 took a rebuild a quarter of a second); unitPath and unitKey read them.
 */
export interface ManifestUnit {
  /** The key of what the unit is made from (the group's key, a LazyFile's inputs); null for a file keyed by its bytes. */
  readonly group: string | null
  /** A hash of the paths and keys (unitDigest): the manifest's id is made from these. */
  readonly digest: string
  readonly files: { readonly paths: readonly string[]; readonly keys: readonly string[] }
  readonly from: number
  readonly count: number
}

export interface OutputManifest {
  fingerprint: string
  id: string
  /** In the order the build made them (the plan's), which a clean build and a rebuild share. */
  units: ManifestUnit[]
}

/** The unit's `i`th file. */
export const unitPath = (unit: ManifestUnit, i: number): string => unit.files.paths[unit.from + i]!
/** The key of the unit's `i`th file. */
export const unitKey = (unit: ManifestUnit, i: number): string => unit.files.keys[unit.from + i]!
/** The unit's files, in order (a list of their own). */
export const unitPaths = (unit: ManifestUnit): string[] => unit.files.paths.slice(unit.from, unit.from + unit.count)

/**
 * As it is stored: every unit's group key ('' for none) and digest, every path and every key,
 * each list as one string, a line an entry, and each unit's file count; v8-serialised. A
 * decade's site has 180,000 files in 107,000 units. Kept whole, a unit is copied from one build's
 * manifest to the next without a lookup per file (which, with the claim of each, took a
 * no-change rebuild ~0.6 s).
 */
interface StoredManifest {
  format: number
  fingerprint: string
  id: string
  groups: string
  digests: string
  sizes: Int32Array
  paths: string
  keys: string
}

const FORMAT = 3

/** A unit's digest: changes whenever any of its files' keys, or its paths, do. */
export function unitDigest(paths: readonly string[], keys: readonly string[]): string {
  return contentKey(paths.map((file, i) => `${file}\t${keys[i]!}`).join('\n'))
}

/** A unit of a file or a group made by this build, with its digest. */
export function manifestUnit(group: string | null, paths: string[], keys: string[]): ManifestUnit {
  return { group, digest: unitDigest(paths, keys), files: { paths, keys }, from: 0, count: paths.length }
}

/** The id of a site's units, in order: changes whenever any file's key, any path, or the way files are grouped does. */
export function manifestId(units: readonly ManifestUnit[]): string {
  return contentKey(units.map((unit) => unit.digest).join('\n'))
}

/** One string of lines, or an empty list for '' (split would give one empty line). */
const lines = (text: string): string[] => (text === '' ? [] : text.split('\n'))

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
    if (stored.format !== FORMAT || stored.fingerprint !== codeFingerprint()) return null
    const id = (await readFile(path.join(outDir, BUILD_ID_FILE), 'utf8')).trim()
    const files = { paths: lines(stored.paths), keys: lines(stored.keys) }
    const groups = stored.groups.split('\n')
    const digests = stored.digests.split('\n')
    const { sizes } = stored
    // A path with a line break in it would shift every key after it: no manifest then.
    if (id !== stored.id || files.paths.length !== files.keys.length || groups.length !== sizes.length || digests.length !== sizes.length) return null
    const units: ManifestUnit[] = []
    let from = 0
    for (let i = 0; i < sizes.length; i++) {
      const count = sizes[i]!
      units.push({ group: groups[i] || null, digest: digests[i]!, files, from, count })
      from += count
    }
    return from === files.paths.length ? { fingerprint: stored.fingerprint, id: stored.id, units } : null
  } catch {
    return null
  }
}

export async function writeManifest(cacheDir: string, outDir: string, manifest: OutputManifest): Promise<void> {
  const file = manifestFile(cacheDir, outDir)
  await mkdir(path.dirname(file), { recursive: true })
  const { units } = manifest
  const paths: string[] = []
  const keys: string[] = []
  for (const unit of units) {
    for (let i = 0; i < unit.count; i++) {
      paths.push(unitPath(unit, i))
      keys.push(unitKey(unit, i))
    }
  }
  const stored: StoredManifest = {
    format: FORMAT,
    fingerprint: manifest.fingerprint,
    id: manifest.id,
    groups: units.map((unit) => unit.group ?? '').join('\n'),
    digests: units.map((unit) => unit.digest).join('\n'),
    sizes: Int32Array.from(units, (unit) => unit.count),
    paths: paths.join('\n'),
    keys: keys.join('\n'),
  }
  await writeAside(file, serialize(stored))
}
