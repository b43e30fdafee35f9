// What the last build wrote into an output folder: its files in units (a page group, or one
// file), each unit with the key of what it was made from (a group's inputs, `SitePlan.key`)
// and every file with the key of its bytes. The manifest lives in the cache; the output folder
// holds only its id (BUILD_ID_FILE), a hash of every unit's paths and keys. A build whose output
// folder carries the manifest's id updates that folder in place, writing only what changed;
// any other folder (deleted, replaced by a build without the cache, cut short) is rebuilt
// whole. The id depends only on the files, their keys and how the plan groups them, so the
// same content still gives byte-identical output.

import { mkdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { codeFingerprint } from './fingerprint.js'
import type { FolderCheck } from './folder-times.js'
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
  /** A manifest read back: the whole stored manifest its units came from or refer to (writeManifest writes what changed against it). */
  base?: StoredBase
  /** A manifest read back: its output's folders as they were when the build that wrote it ended, and those still so (cache/folder-times.ts), when kept. */
  folders?: FolderCheck
}

/** The last manifest stored whole: its id, and its units in their places there. */
export interface StoredBase {
  readonly id: string
  readonly units: readonly ManifestUnit[]
}

/** The unit's `i`th file. */
export const unitPath = (unit: ManifestUnit, i: number): string => unit.files.paths[unit.from + i]!
/** The key of the unit's `i`th file. */
export const unitKey = (unit: ManifestUnit, i: number): string => unit.files.keys[unit.from + i]!
/** The unit's files, in order (a list of their own). */
export const unitPaths = (unit: ManifestUnit): string[] => unit.files.paths.slice(unit.from, unit.from + unit.count)

/** The folders of the units' files, each once, in the order they first appear (relative, ending in `/`; '' for the output itself). */
export function unitFolders(units: readonly ManifestUnit[]): string[] {
  const seen = new Set<string>()
  let last: string | null = null
  for (const unit of units) {
    for (let i = 0; i < unit.count; i++) {
      const file = unitPath(unit, i)
      const dir = file.slice(0, file.lastIndexOf('/') + 1)
      if (dir === last) continue
      last = dir
      seen.add(dir)
    }
  }
  return [...seen]
}

/**
 * Units as they are stored: every unit's group key ('' for none) and digest, every path and
 * every key, each list as one string, a line an entry, and each unit's file count. A decade's
 * site has 180,000 files in 107,000 units. Kept whole, a unit is copied from one build's
 * manifest to the next without a lookup per file (which, with the claim of each, took a
 * no-change rebuild ~0.6 s).
 */
interface StoredUnits {
  groups: string
  digests: string
  sizes: Int32Array
  paths: string
  keys: string
}

/** The manifest stored whole (v8-serialised), its `base` for the deltas after it. */
interface StoredManifest extends StoredUnits {
  format: number
  fingerprint: string
  id: string
}

/**
 * A manifest stored as what changed since the whole one (`base`, its id): for each unit in
 * order its place among the base's units, or -1 for the next of its own units. A daily
 * build changes ~800 of 180,000 files, and writing the whole 21 MB manifest again took
 * ~0.3 s of it; the delta is a few hundred kilobytes, until it grows past DELTA_SHARE of the
 * site (or the base holds more units no longer used than used) and the whole is written again.
 */
interface StoredDelta extends StoredUnits {
  format: number
  fingerprint: string
  base: string
  id: string
  refs: Int32Array
}

/** Files of its own a delta may carry, as a share of the site's; past it the whole manifest is written. */
const DELTA_SHARE = 0.1

const FORMAT = 4

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

/** The delta beside a manifest file (StoredDelta). */
const deltaFile = (file: string): string => file.replace(/\.v8$/u, '.delta.v8')

/** The stored units as units sharing the stored lists, or null when the lists disagree (a path with a line break in it would shift every key after it). */
function unitsOf(stored: StoredUnits): ManifestUnit[] | null {
  const files = { paths: lines(stored.paths), keys: lines(stored.keys) }
  const { sizes } = stored
  // One line a unit: joined, no units and one unit of no group are both ''.
  const perUnit = (text: string): string[] => (sizes.length === 0 ? [] : text.split('\n'))
  const groups = perUnit(stored.groups)
  const digests = perUnit(stored.digests)
  if (files.paths.length !== files.keys.length || groups.length !== sizes.length || digests.length !== sizes.length) return null
  const units: ManifestUnit[] = []
  let from = 0
  for (let i = 0; i < sizes.length; i++) {
    const count = sizes[i]!
    units.push({ group: groups[i] || null, digest: digests[i]!, files, from, count })
    from += count
  }
  return from === files.paths.length ? units : null
}

/** `units` as stored. */
function storedUnits(units: readonly ManifestUnit[]): StoredUnits {
  const paths: string[] = []
  const keys: string[] = []
  for (const unit of units) {
    for (let i = 0; i < unit.count; i++) {
      paths.push(unitPath(unit, i))
      keys.push(unitKey(unit, i))
    }
  }
  return {
    groups: units.map((unit) => unit.group ?? '').join('\n'),
    digests: units.map((unit) => unit.digest).join('\n'),
    sizes: Int32Array.from(units, (unit) => unit.count),
    paths: paths.join('\n'),
    keys: keys.join('\n'),
  }
}

/** The units of a delta over `base`, or null when it is not one for it (written for another base, or damaged). */
function applyDelta(delta: StoredDelta, base: StoredManifest, baseUnits: readonly ManifestUnit[]): ManifestUnit[] | null {
  if (delta.format !== FORMAT || delta.fingerprint !== base.fingerprint || delta.base !== base.id || !(delta.refs instanceof Int32Array)) return null
  const own = unitsOf(delta)
  if (!own) return null
  const units: ManifestUnit[] = []
  let next = 0
  for (const ref of delta.refs) {
    const unit = ref === -1 ? own[next++] : baseUnits[ref]
    if (!unit) return null
    units.push(unit)
  }
  return next === own.length ? units : null
}

const readStored = async <T>(file: string): Promise<T | null> => {
  try {
    return deserialize(await readFile(file)) as T
  } catch {
    return null
  }
}

/**
 * The manifest of the build that wrote `outDir` as it is now, or null: none kept, written
 * by other code, or the folder no longer carries its id.
 */
export async function readManifest(cacheDir: string, outDir: string): Promise<OutputManifest | null> {
  try {
    const file = manifestFile(cacheDir, outDir)
    const [stored, delta, id] = await Promise.all([
      readStored<StoredManifest>(file),
      readStored<StoredDelta>(deltaFile(file)),
      readFile(path.join(outDir, BUILD_ID_FILE), 'utf8').then((text) => text.trim()),
    ])
    if (!stored || stored.format !== FORMAT || stored.fingerprint !== codeFingerprint()) return null
    const baseUnits = unitsOf(stored)
    if (!baseUnits) return null
    // A delta that does not apply leaves the base, whose id is then not the folder's (unless the folder is the base's).
    const changed = delta && applyDelta(delta, stored, baseUnits)
    const [units, storedId] = changed ? [changed, delta.id] : [baseUnits, stored.id]
    if (id !== storedId) return null
    return { fingerprint: stored.fingerprint, id: storedId, units, base: { id: stored.id, units: baseUnits } }
  } catch {
    return null
  }
}

/**
 * Keeps `manifest` for the next build: as a delta over the base of `previous` (the manifest
 * this build started from) when it changed little since that base, else whole.
 */
export async function writeManifest(cacheDir: string, outDir: string, manifest: OutputManifest, previous: OutputManifest | null = null): Promise<void> {
  const file = manifestFile(cacheDir, outDir)
  await mkdir(path.dirname(file), { recursive: true })
  const { units } = manifest
  const base = previous?.base
  if (base && previous.fingerprint === manifest.fingerprint) {
    const places = new Map(base.units.map((unit, i) => [unit, i]))
    const refs = new Int32Array(units.length)
    const own: ManifestUnit[] = []
    let ownFiles = 0
    let files = 0
    units.forEach((unit, i) => {
      const place = places.get(unit)
      files += unit.count
      if (place !== undefined) refs[i] = place
      else {
        refs[i] = -1
        own.push(unit)
        ownFiles += unit.count
      }
    })
    if (ownFiles <= files * DELTA_SHARE && (units.length - own.length) * 2 >= base.units.length) {
      const delta: StoredDelta = { format: FORMAT, fingerprint: manifest.fingerprint, base: base.id, id: manifest.id, refs, ...storedUnits(own) }
      await writeAside(deltaFile(file), serialize(delta))
      return
    }
  }
  const stored: StoredManifest = { format: FORMAT, fingerprint: manifest.fingerprint, id: manifest.id, ...storedUnits(units) }
  await writeAside(file, serialize(stored))
  // A delta over the last base no longer applies (its base id differs), and would only be read for nothing.
  await rm(deltaFile(file), { force: true })
}
