// Writes the site into the output folder, in one of two ways:
//
// - whole: into a fresh folder beside it, swapped in with two renames when everything is
//   written — the first build, or whenever the folder is not the one the cache knows;
// - in place: when the output folder is exactly what the previous build wrote (its
//   manifest, cache/output-manifest.ts), only files whose key changed are rendered, into
//   a staging folder; when all of them are done they are moved in and files the site no
//   longer has are removed. An error before that leaves the folder untouched.
//
// Pages are built, keyed and rendered a few at a time as the plan yields them, so a big
// archive's pages never sit in memory together.

import { writeFile as writeFileCallback } from 'node:fs'
import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import path from 'node:path'
import createDebug from 'debug'
import pMap from 'p-map'
import { codeFingerprint } from '../cache/fingerprint.js'
import { contentKey } from '../cache/hash.js'
import { takeFolderTimes, type FolderCheck, type FolderTimes } from '../cache/folder-times.js'
import { BUILD_ID_FILE, manifestId, manifestUnit, unitFolders, unitKey, unitPath, unitPaths, type ManifestUnit, type OutputManifest } from '../cache/output-manifest.js'
import type { PageGroup, SitePlan } from '../render/index.js'
import type { RenderPool } from '../parallel/render-pool.js'
import type { LazyFile, OutputFile } from '../types.js'
import { discardNow, leftoverFolders, workFolder, type Discard } from './discard.js'
import { writePageFiles, type GroupTarget, type WrittenPage } from './page-files.js'
import { safeJoin } from './safe-join.js'

/** Writes in flight at once; enough to keep the disk busy, few enough for any file-handle limit. */
const WRITE_CONCURRENCY = 16
/**
 * Page groups handed to the worker threads at once: they write their own files, so this
 * is no file-handle matter. Enough to keep them busy while this thread makes the search
 * index's inputs (about a second at 60,000 stories; the term shards are made on a thread of
 * their own); each group waiting in a thread's queue holds a copy of its inputs.
 */
const POOL_IN_FLIGHT = 96

const debug = createDebug('archive:build')

export interface SiteWrite {
  /** Files the site has. */
  files: number
  /** Of those, files left as the previous build wrote them. */
  unchanged: number
  /** Files of the previous build that the site no longer has, removed. */
  removed: number
  manifest: OutputManifest
  /** Whether the manifest says what the previous build's says (it need not be written again). */
  sameManifest: boolean
  /** Whether anything in the output folder changed (a rebuild with nothing changed leaves it as it was). */
  changed: boolean
  /** Folders of the output listed to find whether the files kept are there (those as the last build left them are not: cache/folder-times.ts). */
  listed: number
  /**
   * The output's folder times for the next build, taken where this build changed or listed a
   * folder and the last build's elsewhere; null when there were none to start from (then
   * every folder's must be taken).
   */
  folderTimes: FolderTimes | null
}

export { safeJoin }

/** Places files in a folder: each path once, each folder created once. */
function folderWriter(root: string): (relative: string) => Promise<string> {
  const folders = new Map<string, Promise<unknown>>()
  return async (relative) => {
    const target = safeJoin(root, relative)
    const dir = path.dirname(target)
    let ready = folders.get(dir)
    if (!ready) folders.set(dir, (ready = mkdir(dir, { recursive: true })))
    await ready
    return target
  }
}

/**
 * Whether files exist, from one listing per folder: a folder already listed is answered at
 * once, without a promise per file (a rebuild asks about each of a decade's 180,000 files).
 * Paths are relative with `/` (as the plan names them).
 *
 * Asked only about files of the last build's manifest (a kept unit's, or the first file of one
 * made again): a folder that is as that build left it (`folders`, cache/folder-times.ts)
 * holds them all, and is not listed.
 */
interface Existence {
  /** Whether every file exists: answered at once when their folders are listed, else once they are. */
  (files: readonly string[]): boolean | Promise<boolean>
  /** Lists `dirs` (relative, each ending in `/`, '' for the root) a few at a time from now on, so later questions are answered at once. */
  listAhead(dirs: readonly string[]): void
  /** The folders listed so far (the others asked about were as the last build left them). */
  listed(): ReadonlySet<string>
}

/** A folder's listing, or AS_LEFT for a folder as the last build left it (every file of its manifest there). */
const AS_LEFT = Symbol('as the last build left it')

function existence(root: string, folders: FolderCheck | undefined): Existence {
  const listed = new Map<string, ReadonlySet<string> | typeof AS_LEFT>()
  for (const dir of folders?.asLeft ?? []) listed.set(dir, AS_LEFT)
  const listing = new Map<string, Promise<void>>()
  const listings = new Set<string>()
  const list = (dir: string): Promise<void> => {
    let done = listing.get(dir)
    if (!done) {
      done = (async () => {
        listings.add(dir)
        const names = await readdir(dir === '' ? root : safeJoin(root, dir)).catch(() => [])
        listed.set(dir, new Set(names))
      })()
      listing.set(dir, done)
    }
    return done
  }
  /**
   * Whether every file is in its folder's listing, or the folders not listed yet. A group's files
   * mostly share a folder: its listing is looked up once for the run of files in it (this runs
   * for each of the 180,000 files a rebuild keeps).
   */
  const check = (files: readonly string[]): boolean | string[] => {
    let dir: string | null = null
    let names: ReadonlySet<string> | typeof AS_LEFT | undefined
    let unlisted: string[] | null = null
    for (const file of files) {
      const cut = file.lastIndexOf('/') + 1
      if (dir === null || cut !== dir.length || !file.startsWith(dir)) {
        dir = file.slice(0, cut)
        names = listed.get(dir)
        if (names === undefined && !(unlisted ??= []).includes(dir)) unlisted.push(dir)
      }
      if (names !== undefined && names !== AS_LEFT && !names.has(file.slice(cut))) return false
    }
    return unlisted ?? true
  }
  const exists = (files: readonly string[]): boolean | Promise<boolean> => {
    const found = check(files)
    return typeof found === 'boolean' ? found : Promise.all(found.map(list)).then(() => check(files) === true)
  }
  exists.listAhead = (dirs: readonly string[]): void => {
    // A failed listing is an empty one (list): nothing here can reject.
    void pMap(dirs.filter((dir) => !listed.has(dir)), list, { concurrency: LIST_AHEAD })
  }
  exists.listed = (): ReadonlySet<string> => listings
  return exists
}

/** Folders listed at once ahead of the groups asking about them. */
const LIST_AHEAD = 8

interface Entry {
  path: string
  /** The key of the file's bytes; empty for a file keyed by its inputs until it is made. */
  key: string
  contents: () => OutputFile['contents']
  /** A LazyFile's key of its inputs: kept like a page group's. */
  inputs?: string
}

/** fs.writeFile through its callback: 20,000 small files cost this thread 1.3 s against 2.0 s with fs/promises' writeFile. */
const writeFileAsync = promisify(writeFileCallback)

/** A made file keyed by its bytes: a text is encoded once, for its key and for writing it, rather than once for each. */
function bytesEntry(path: string, contents: OutputFile['contents']): Entry {
  const bytes = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents
  return { path, key: contentKey(bytes), contents: () => bytes }
}

/** A file as the writer keeps it: keyed by its bytes, or by its inputs when it comes with them (made only if they changed). */
const fileEntry = (f: OutputFile | LazyFile): Entry =>
  'inputs' in f ? { path: f.path, key: '', contents: f.contents, inputs: f.inputs } : bytesEntry(f.path, f.contents)

export async function writeSite(
  outDir: string,
  plan: SitePlan,
  previous: OutputManifest | null,
  onWritten: (done: number, total: number) => void = () => {},
  pool: RenderPool | null = null,
  /** How the site a whole build replaces, and what stopped builds left beside the output, are removed (write/discard.ts); by default the build waits. */
  discard: Discard = discardNow,
): Promise<SiteWrite> {
  const out = path.resolve(outDir)
  const stamp = `${process.pid}-${Date.now()}`
  const all = [...plan.pages]
  const pagePaths = all.flatMap((group) => group.paths)
  // The manifest's units in the plan's order (which a clean build shares): the page groups', then
  // the other files' in the order they are made, then the sitemap.
  const groupUnits: (ManifestUnit | undefined)[] = new Array(all.length)
  const fileUnits: (ManifestUnit | undefined)[] = []
  let sitemapUnit: ManifestUnit | undefined
  // The last build's units: by their key, to keep a group whole; by their first file, to find the
  // keys of a group or file made again (written only where its bytes changed).
  const byGroup = new Map<string, ManifestUnit>()
  const byFirstPath = new Map<string, ManifestUnit>()
  for (const unit of previous?.units ?? []) {
    if (unit.group !== null) byGroup.set(unit.group, unit)
    if (unit.count > 0) byFirstPath.set(unitPath(unit, 0), unit)
  }
  /** The last build's units kept as they were. */
  const reused = new Set<ManifestUnit>()
  /** Files made (or found unchanged) by this build, outside the units it kept. */
  const made = new Set<string>()
  // The other files are counted in when they are made.
  let total = pagePaths.length + (plan.hasSitemap ? 1 : 0)
  let done = 0
  let unchanged = 0
  let removed = 0
  const exists = existence(out, previous?.folders)
  const twice = (file: string): Error => new Error(`Two outputs want the same file: ${file}`)
  /** The key the last build gave a file made again, when it was the first of its unit. */
  const previousKey = (file: string): string | undefined => {
    const unit = byFirstPath.get(file)
    return unit?.count === 1 ? unitKey(unit, 0) : undefined
  }

  /** Writes the site's files into `target`; with a previous build, only what changed (listed in `staged`). */
  const fill = async (target: string, staged: string[]): Promise<void> => {
    const place = folderWriter(target)
    const claim = (file: string): void => {
      if (made.has(file)) throw twice(file)
      made.add(file)
      onWritten(++done, total)
    }
    /** Writes a file keyed by its bytes or spec, unless the last build's copy has the same key. */
    const write = async (file: Entry): Promise<void> => {
      claim(file.path)
      if (previousKey(file.path) === file.key && (await exists([file.path]))) unchanged++
      else {
        // Asynchronous: creating a file takes the kernel ~150 µs here, and this thread must keep
        // the render threads fed (with writeFileSync they stood idle for a fifth of a
        // 60,000-story build). fs.writeFile with a callback, not fs/promises: no FileHandle per
        // file, and about two thirds of this thread's time a file (writeFileAsync above).
        await writeFileAsync(await place(file.path), file.contents())
        staged.push(file.path)
      }
    }
    /** A file made by itself: its unit, kept or written. */
    const put = async (entry: Entry): Promise<ManifestUnit> => {
      let file = entry
      if (entry.inputs !== undefined) {
        // Kept as a unit of one file whose key is its inputs; the file itself is listed, like
        // every file, by the key of its bytes, so a clean build and this one give the same manifest.
        const kept = await keep({ key: entry.inputs, paths: [entry.path] })
        if (kept) return kept
        file = bytesEntry(entry.path, entry.contents())
      }
      await write(file)
      return manifestUnit(entry.inputs ?? null, [file.path], [file.key])
    }
    /** The last build's unit of a group with the same inputs and files, or null. */
    const sameUnit = ({ key, paths }: Pick<PageGroup, 'key' | 'paths'>): ManifestUnit | null => {
      // Without a previous build no group is kept, and its key is not asked for here.
      if (!previous) return null
      const unit = key === null ? undefined : byGroup.get(key)
      return !unit || unit.count !== paths.length || paths.some((file, i) => file !== unitPath(unit, i)) ? null : unit
    }
    const reuse = (unit: ManifestUnit, paths: readonly string[]): ManifestUnit => {
      if (reused.has(unit)) throw twice(paths[0]!)
      reused.add(unit)
      done += paths.length
      onWritten(done, total)
      unchanged += paths.length
      return unit
    }
    /** A group whose inputs are unchanged keeps its pages without building them: the last build's unit, or null. */
    const keep = async (group: Pick<PageGroup, 'key' | 'paths'>): Promise<ManifestUnit | null> => {
      const unit = sameUnit(group)
      if (!unit) return null
      const found = exists(group.paths)
      return found === false || (found !== true && !(await found)) ? null : reuse(unit, group.paths)
    }
    /** keep, answered now: undefined when that needs a folder not listed yet. */
    const keepNow = (group: Pick<PageGroup, 'key' | 'paths'>): ManifestUnit | null | undefined => {
      const unit = sameUnit(group)
      if (!unit) return null
      const found = exists(group.paths)
      return found === true ? reuse(unit, group.paths) : found === false ? null : undefined
    }
    const folders = new Set<string>()
    /** Where a group's pages go: written by the thread that renders them (write/page-files.ts). */
    const groupTarget = ({ paths }: PageGroup): GroupTarget => {
      const was = paths.length > 0 ? byFirstPath.get(paths[0]!) : undefined
      const keys: Record<string, string> = {}
      for (let i = 0; was && i < was.count; i++) keys[unitPath(was, i)] = unitKey(was, i)
      return { dir: target, previous: previous && { dir: out, keys } }
    }
    const build = async (group: PageGroup, slot: number): Promise<void> => {
      const kept = await keep(group)
      if (kept) {
        groupUnits[slot] = kept
        return
      }
      let unit: ManifestUnit
      if (group.job) {
        let written: WrittenPage[]
        let key: string | null
        if (pool) {
          const done = await pool.render(group.job(), groupTarget(group))
          key = done.key
          written = done.pages
        } else {
          key = group.key
          written = writePageFiles(groupTarget(group), plan.renderGroup(group.job()), folders)
        }
        for (const [file, , wrote] of written) {
          claim(file)
          if (wrote) staged.push(file)
          else unchanged++
        }
        unit = manifestUnit(key, written.map(([file]) => file), written.map(([, key]) => key))
      } else {
        // A group keyed by its inputs is made whole when they changed, and each page then
        // kept by its bytes; a group without inputs keys each page by its spec.
        const byInputs = group.key !== null
        const pages = group.specs().map((spec) =>
          byInputs ? bytesEntry(spec.path, plan.render(spec).contents) : { path: spec.path, key: plan.key(spec), contents: () => plan.render(spec).contents },
        )
        for (const page of pages) await write(page)
        unit = manifestUnit(group.key, pages.map((page) => page.path), pages.map((page) => page.key))
      }
      if (unit.count !== group.paths.length || group.paths.some((file, i) => file !== unitPath(unit, i))) {
        throw new Error(`A page group built ${unitPaths(unit).join(', ')} but named ${group.paths.join(', ')}`)
      }
      groupUnits[slot] = unit
    }
    const slotOf = new Map(all.map((group, i) => [group, i]))
    const buildInSlot = (group: PageGroup): Promise<void> => build(group, slotOf.get(group)!)
    /**
     * The groups that are not kept at once, in order: a kept group is taken here, without the
     * promises of a group handed to p-map and built (tens of thousands a rebuild, ~0.2 KB each).
     */
    function* notKeptNow(groups: readonly PageGroup[]): Generator<PageGroup> {
      for (const group of groups) {
        const kept = keepNow(group)
        if (kept) groupUnits[slotOf.get(group)!] = kept
        else yield group
      }
    }
    /** The plan's other files with their place, but those kept at once (a file keyed by its inputs, as the last build made it: most of 60,000 search cards). */
    async function* filesNotKeptNow(): AsyncGenerator<[Entry, number]> {
      let slot = 0
      for await (const f of plan.filesAsync()) {
        total++
        const kept = 'inputs' in f ? keepNow({ key: f.inputs, paths: [f.path] }) : null
        if (kept) fileUnits[slot] = kept
        else yield [fileEntry(f), slot]
        slot++
      }
    }
    // The folders the last build's files are in, listed ahead in its order (the plan's), so that
    // most groups are answered at once.
    if (previous) exists.listAhead(unitFolders(previous.units))
    // With worker threads, issues and people go to them first, with enough in hand to keep
    // them busy while this thread makes the search index and the API (which it does in one
    // go, without serving them), then the other pages.
    const offloaded = pool ? all.filter((group) => group.job) : []
    const here = pool ? all.filter((group) => !group.job) : all
    const rendering = pMap(notKeptNow(offloaded), buildInSlot, { concurrency: POOL_IN_FLIGHT })
    try {
      // Taken one at a time as the writes go: the search index and the API are hundreds of
      // megabytes in a big archive, and a file is let go once written.
      debug('planned %d page groups', all.length)
      await pMap(filesNotKeptNow(), async ([entry, slot]) => void (fileUnits[slot] = await put(entry)), { concurrency: WRITE_CONCURRENCY })
      debug('wrote the feed, API and search files')
      await pMap(notKeptNow(here), buildInSlot, { concurrency: WRITE_CONCURRENCY })
      debug('wrote the site-wide pages')
    } finally {
      // Never leave the threads' work unawaited, even when this side failed.
      await rendering.catch(() => {})
    }
    await rendering
    debug('issue and person pages done')
    const sitemap = plan.sitemap(pagePaths)
    if (sitemap) sitemapUnit = await put(fileEntry(sitemap))
    // A file made here that a kept unit also holds (checked by its unit's first file; every clean build checks each file).
    for (const file of made) {
      const unit = byFirstPath.get(file)
      if (unit && reused.has(unit)) throw twice(file)
    }
  }
  /** Every unit, in order, once all are made. */
  const unitsMade = (): ManifestUnit[] => {
    const units = [...groupUnits, ...fileUnits, ...(sitemapUnit ? [sitemapUnit] : [])]
    if (units.some((unit) => unit === undefined)) throw new Error('A page group or file was neither kept nor made')
    return units as ManifestUnit[]
  }

  let id: string
  let units: ManifestUnit[]
  /** Whether this build changed the output folder (a whole build always does). */
  let changed = true
  /** Folders whose entries this build changed: each file's folder and the folders above it (a folder made or removed changes its parent). */
  const touched = new Set<string>([''])
  const touch = (file: string): void => {
    for (let cut = file.lastIndexOf('/'); cut > 0; cut = file.lastIndexOf('/', cut - 1)) touched.add(file.slice(0, cut + 1))
  }
  if (previous) {
    const stage = workFolder(out, 'stage', stamp)
    const staged: string[] = []
    try {
      await fill(stage, staged)
      units = unitsMade()
      id = manifestId(units)
      // The files of the last build's units not kept, that this build did not make again.
      const gone: string[] = []
      for (const unit of previous.units) {
        if (reused.has(unit)) continue
        for (const file of unitPaths(unit)) if (!made.has(file)) gone.push(file)
      }
      // A build that changes nothing leaves the folder untouched, its id too (so its folders
      // keep the times the last build recorded: cache/folder-times.ts).
      changed = staged.length > 0 || gone.length > 0 || id !== previous.id
      if (changed) {
        // Everything is rendered: now change the output folder. Its id goes first, so a
        // build cut short from here on leaves a folder the next build rebuilds whole.
        await rm(path.join(out, BUILD_ID_FILE), { force: true })
        const place = folderWriter(out)
        await pMap(staged, async (file) => rename(safeJoin(stage, file), await place(file)), { concurrency: WRITE_CONCURRENCY })
        for (const file of [...staged, ...gone]) touch(file)
        // Several at a time (an added issue's build replaces ~650 files of the search index:
        // one at a time, each followed by a try at removing its folder, took 0.43 s), then the
        // folders left empty, deepest first, each once.
        await pMap(gone, (file) => rm(safeJoin(out, file), { force: true }), { concurrency: WRITE_CONCURRENCY })
        removed += gone.length
        const emptied = [...new Set(gone.map((file) => path.dirname(safeJoin(out, file))))]
        for (const dir of emptied.sort((a, b) => b.length - a.length || (a < b ? -1 : 1))) await removeEmptyFolders(out, dir)
      }
      // This build's stage is removed below; any other is left by a build that was stopped.
      for (const left of await leftoverFolders(out)) await discard(left)
    } finally {
      await rm(stage, { recursive: true, force: true })
    }
  } else {
    const temp = workFolder(out, 'tmp', stamp)
    const old = workFolder(out, 'old', stamp)
    await mkdir(temp, { recursive: true })
    try {
      await fill(temp, [])
      units = unitsMade()
      await writeFile(path.join(temp, BUILD_ID_FILE), `${(id = manifestId(units))}\n`)
      // No old site to set aside on a first build.
      await rename(out, old).catch(() => {})
      await rename(temp, out)
      // The replaced site, and whatever earlier builds left beside it.
      for (const left of await leftoverFolders(out)) await discard(left)
    } catch (error) {
      await rm(temp, { recursive: true, force: true })
      throw error
    }
  }
  // A whole build wrote its id with the files; in place, it goes last.
  const manifest: OutputManifest = { fingerprint: codeFingerprint(), id, units }
  if (previous && changed) await writeFile(path.join(out, BUILD_ID_FILE), `${manifest.id}\n`)
  // The same files and keys in the same units (the id), each unit of the same group.
  const sameManifest = previous !== null && manifest.id === previous.id && units.length === previous.units.length && units.every((unit, i) => unit.group === previous.units[i]!.group)
  const listed = exists.listed()
  return {
    files: units.reduce((n, unit) => n + unit.count, 0),
    unchanged,
    removed,
    manifest,
    sameManifest,
    changed,
    listed: listed.size,
    folderTimes: previous?.folders ? await updatedFolderTimes(out, previous.folders.times, changed ? [...touched, ...listed] : [...listed]) : null,
  }
}

/** `times` with those of `folders` taken again (a folder gone is dropped): the others are as the last build left them. */
async function updatedFolderTimes(out: string, times: FolderTimes, folders: readonly string[]): Promise<FolderTimes> {
  if (folders.length === 0) return times
  const now = await takeFolderTimes(out, folders)
  const updated = new Map(times)
  for (const folder of folders) {
    const time = now.get(folder)
    if (time === undefined) updated.delete(folder)
    else updated.set(folder, time)
  }
  return updated
}

/** Removes `dir` and its parents up to `root` while they are empty (a clean build has no empty folders). */
async function removeEmptyFolders(root: string, dir: string): Promise<void> {
  for (let d = dir; d.startsWith(root + path.sep); d = path.dirname(d)) {
    try {
      await rmdir(d)
    } catch {
      return
    }
  }
}
