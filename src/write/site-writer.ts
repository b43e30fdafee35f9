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

import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import pMap from 'p-map'
import { codeFingerprint } from '../cache/fingerprint.js'
import { contentKey } from '../cache/hash.js'
import { BUILD_ID_FILE, manifestId, type OutputManifest } from '../cache/output-manifest.js'
import type { SitePlan } from '../render/index.js'
import type { OutputFile } from '../types.js'

/** Writes in flight at once; enough to keep the disk busy, few enough for any file-handle limit. */
const WRITE_CONCURRENCY = 16

export interface SiteWrite {
  /** Files the site has. */
  files: number
  /** Of those, files left as the previous build wrote them. */
  unchanged: number
  /** Files of the previous build that the site no longer has, removed. */
  removed: number
  manifest: OutputManifest
}

/** Refuses paths that would land outside the output folder. */
export function safeJoin(root: string, relative: string): string {
  const target = path.resolve(root, relative)
  if (!target.startsWith(path.resolve(root) + path.sep)) throw new Error(`Refusing to write outside the output folder: ${relative}`)
  return target
}

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

/** Whether a file exists, from one listing per folder. */
function existence(root: string): (relative: string) => Promise<boolean> {
  const listings = new Map<string, Promise<Set<string>>>()
  return async (relative) => {
    const target = safeJoin(root, relative)
    const dir = path.dirname(target)
    let names = listings.get(dir)
    if (!names) listings.set(dir, (names = readdir(dir).then((list) => new Set(list), () => new Set<string>())))
    return (await names).has(path.basename(target))
  }
}

interface Entry {
  path: string
  key: string
  contents: () => OutputFile['contents']
}

/** Every file of the site with its key: site-wide files, then the pages as they are built, then the sitemap. */
async function* entries(plan: SitePlan, files: readonly OutputFile[]): AsyncGenerator<Entry> {
  for (const f of files) yield { path: f.path, key: contentKey(f.contents), contents: () => f.contents }
  for (const spec of plan.pages) yield { path: spec.path, key: plan.key(spec), contents: () => plan.render(spec).contents }
  const sitemap = plan.sitemap()
  if (sitemap) yield { path: sitemap.path, key: contentKey(sitemap.contents), contents: () => sitemap.contents }
}

export async function writeSite(
  outDir: string,
  plan: SitePlan,
  previous: OutputManifest | null,
  onWritten: (done: number, total: number) => void = () => {},
): Promise<SiteWrite> {
  const out = path.resolve(outDir)
  const stamp = `${process.pid}-${Date.now()}`
  const beside = (kind: string): string => path.join(path.dirname(out), `.${path.basename(out)}.${kind}-${stamp}`)
  const keys: Record<string, string> = {}
  const files = plan.files()
  const total = files.length + plan.pageCount + (plan.hasSitemap ? 1 : 0)
  let done = 0
  let unchanged = 0
  let removed = 0

  // Each entry once; `skip` says whether the file already in place will do.
  const visit = async (target: string, skip: (entry: Entry) => Promise<boolean>, staged: string[]): Promise<void> => {
    const place = folderWriter(target)
    await pMap(
      entries(plan, files),
      async (entry) => {
        if (Object.hasOwn(keys, entry.path)) throw new Error(`Two outputs want the same file: ${entry.path}`)
        keys[entry.path] = entry.key
        if (await skip(entry)) unchanged++
        else {
          await writeFile(await place(entry.path), entry.contents())
          staged.push(entry.path)
        }
        onWritten(++done, total)
      },
      { concurrency: WRITE_CONCURRENCY },
    )
  }

  if (previous) {
    const stage = beside('stage')
    const exists = existence(out)
    const staged: string[] = []
    try {
      await visit(stage, async (entry) => previous.files[entry.path] === entry.key && (await exists(entry.path)), staged)
      // Everything is rendered: now change the output folder. Its id goes first, so a
      // build cut short from here on leaves a folder the next build rebuilds whole.
      await rm(path.join(out, BUILD_ID_FILE), { force: true })
      const place = folderWriter(out)
      await pMap(staged, async (file) => rename(safeJoin(stage, file), await place(file)), { concurrency: WRITE_CONCURRENCY })
      for (const file of Object.keys(previous.files).filter((file) => !Object.hasOwn(keys, file))) {
        await rm(safeJoin(out, file), { force: true })
        await removeEmptyFolders(out, path.dirname(safeJoin(out, file)))
        removed++
      }
    } finally {
      await rm(stage, { recursive: true, force: true })
    }
  } else {
    const temp = beside('tmp')
    const old = beside('old')
    await mkdir(temp, { recursive: true })
    try {
      await visit(temp, async () => false, [])
      await writeFile(path.join(temp, BUILD_ID_FILE), `${manifestId(keys)}\n`)
      let hadOld = true
      try {
        await rename(out, old)
      } catch {
        hadOld = false
      }
      await rename(temp, out)
      if (hadOld) await rm(old, { recursive: true, force: true })
    } catch (error) {
      await rm(temp, { recursive: true, force: true })
      throw error
    }
  }
  const manifest: OutputManifest = { fingerprint: codeFingerprint(), id: manifestId(keys), files: keys }
  if (previous) await writeFile(path.join(out, BUILD_ID_FILE), `${manifest.id}\n`)
  return { files: Object.keys(keys).length, unchanged, removed, manifest }
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
