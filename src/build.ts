import { link, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import pMap from 'p-map'
import type { VFile } from 'vfile'
import { readManifest, writeManifest, type OutputManifest, type WrittenFile } from './cache/output-manifest.js'
import { pageCache } from './cache/page-cache.js'
import { buildModel, type ProgressListener } from './pipeline.js'
import { planSite, type SitePlan } from './render/index.js'
import type { OutputFile, SiteModel } from './types.js'

export interface BuildOptions {
  contentDir: string
  outDir: string
  siteUrl?: string | null
  /** Build and swap in the site even when some pages failed. */
  keepGoing?: boolean
  /** Told how far the long stages have got (pages segmented, files written). */
  onProgress?: ProgressListener
  /**
   * Folder for results kept between builds (segmented pages, what was written where), so
   * a rebuild only redoes what changed; null or absent builds everything afresh.
   */
  cacheDir?: string | null
}

export interface BuildResult {
  model: SiteModel
  files: VFile[]
  failed: VFile[]
  /** Files written, or 0 when the old output was kept. */
  written: number
  /** Of those, pages taken unchanged from the previous output instead of rendered. */
  reused: number
  /** Whether the new output replaced the old one. */
  replaced: boolean
}

/**
 * Runs the whole pipeline and writes the site. The new site is written into a
 * temporary sibling of the output folder and swapped in only when the build is
 * good (or --keep-going), so a failed build leaves the last good site untouched.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const cacheDir = options.cacheDir ?? null
  const cache = cacheDir ? pageCache(cacheDir) : null
  const { model, files, failed, searchTerms } = await buildModel(options.contentDir, options.siteUrl ?? null, {}, options.onProgress, cache)
  if (failed.length > 0 && !options.keepGoing) return { model, files, failed, written: 0, reused: 0, replaced: false }
  const previous = cacheDir ? await readManifest(cacheDir, options.outDir) : null
  // Stories whose text changed after segmenting (an editor's corrected headline) miss the map and are tokenized then.
  const plan = planSite(model, { search: { cache: { get: (key) => searchTerms.get(key), set: () => {} } } })
  const result = await writeSite(options.outDir, plan, previous, (done, total) => options.onProgress?.('write', done, total))
  if (cacheDir) await writeManifest(cacheDir, options.outDir, result.manifest)
  return { model, files, failed, written: result.written, reused: result.reused, replaced: true }
}

/** Refuses paths that would land outside the output folder. */
export function safeJoin(root: string, relative: string): string {
  const target = path.resolve(root, relative)
  if (!target.startsWith(path.resolve(root) + path.sep)) throw new Error(`Refusing to write outside the output folder: ${relative}`)
  return target
}

/** Writes in flight at once; enough to keep the disk busy, few enough for any file-handle limit. */
const WRITE_CONCURRENCY = 16

/**
 * Writes into a fresh folder beside `outDir`, then swaps it in with two renames; on any
 * error the temporary folder is removed and `outDir` is left as it was.
 */
async function swapIn(outDir: string, fill: (temp: string) => Promise<void>): Promise<void> {
  const out = path.resolve(outDir)
  const parent = path.dirname(out)
  const stamp = `${process.pid}-${Date.now()}`
  const temp = path.join(parent, `.${path.basename(out)}.tmp-${stamp}`)
  const old = path.join(parent, `.${path.basename(out)}.old-${stamp}`)
  await mkdir(temp, { recursive: true })
  try {
    await fill(temp)
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

/** Places files in a folder: each path once, each folder created once. */
function folderWriter(root: string) {
  const seen = new Set<string>()
  const folders = new Map<string, Promise<unknown>>()
  return async (relative: string): Promise<string> => {
    if (seen.has(relative)) throw new Error(`Two outputs want the same file: ${relative}`)
    seen.add(relative)
    const target = safeJoin(root, relative)
    const dir = path.dirname(target)
    let ready = folders.get(dir)
    if (!ready) folders.set(dir, (ready = mkdir(dir, { recursive: true })))
    await ready
    return target
  }
}

export async function writeAtomically(outDir: string, files: OutputFile[], onWritten: (done: number) => void = () => {}): Promise<void> {
  await swapIn(outDir, async (temp) => {
    const place = folderWriter(temp)
    let done = 0
    await pMap(
      files,
      async (f) => {
        await writeFile(await place(f.path), f.contents)
        onWritten(++done)
      },
      { concurrency: WRITE_CONCURRENCY },
    )
  })
}

interface SiteWrite {
  written: number
  reused: number
  manifest: Record<string, WrittenFile>
}

/**
 * Streams the site into `outDir` atomically: pages are built, rendered and written a few
 * at a time, and a page whose key matches the previous build's (and whose old file is
 * untouched) is hard-linked from the old output instead of rendered.
 */
async function writeSite(
  outDir: string,
  plan: SitePlan,
  previous: OutputManifest | null,
  onWritten: (done: number, total: number) => void,
): Promise<SiteWrite> {
  const manifest: Record<string, WrittenFile> = {}
  let written = 0
  let reused = 0
  const out = path.resolve(outDir)
  await swapIn(outDir, async (temp) => {
    const place = folderWriter(temp)
    // The site-wide files first (they are few, and then out of memory), then the pages, then
    // the sitemap that lists them.
    const files = plan.files()
    const total = files.length + plan.pageCount + (plan.hasSitemap ? 1 : 0)
    const put = async (f: OutputFile): Promise<void> => {
      await writeFile(await place(f.path), f.contents)
      onWritten(++written, total)
    }
    await pMap(files, put, { concurrency: WRITE_CONCURRENCY })
    await pMap(
      plan.pages,
      async (spec) => {
        const target = await place(spec.path)
        const key = plan.key(spec)
        const before = previous?.files[spec.path]
        if (before && (await reuse(before, key, safeJoin(out, spec.path), target))) {
          // A link is the same file: same size and time as recorded.
          manifest[spec.path] = before
          reused++
        } else {
          await writeFile(target, plan.render(spec).contents)
          const s = await stat(target)
          manifest[spec.path] = { key, size: s.size, mtimeMs: s.mtimeMs }
        }
        onWritten(++written, total)
      },
      { concurrency: WRITE_CONCURRENCY },
    )
    const sitemap = plan.sitemap()
    if (sitemap) await put(sitemap)
  })
  return { written, reused, manifest }
}

/** Links the old file into the new output when it was made from the same key and is still as written. */
async function reuse(before: WrittenFile, key: string, oldFile: string, target: string): Promise<boolean> {
  if (before.key !== key) return false
  try {
    const s = await stat(oldFile)
    if (s.size !== before.size || s.mtimeMs !== before.mtimeMs) return false
    await link(oldFile, target)
    return true
  } catch {
    return false
  }
}
