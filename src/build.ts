import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import pMap from 'p-map'
import type { VFile } from 'vfile'
import { buildModel, type ProgressListener } from './pipeline.js'
import { renderSite } from './render/index.js'
import type { OutputFile, SiteModel } from './types.js'

export interface BuildOptions {
  contentDir: string
  outDir: string
  siteUrl?: string | null
  /** Build and swap in the site even when some pages failed. */
  keepGoing?: boolean
  /** Told how far the long stages have got (pages segmented, files written). */
  onProgress?: ProgressListener
}

export interface BuildResult {
  model: SiteModel
  files: VFile[]
  failed: VFile[]
  /** Files written, or 0 when the old output was kept. */
  written: number
  /** Whether the new output replaced the old one. */
  replaced: boolean
}

/**
 * Runs the whole pipeline and writes the site. The new site is written into a
 * temporary sibling of the output folder and swapped in only when the build is
 * good (or --keep-going), so a failed build leaves the last good site untouched.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const { model, files, failed } = await buildModel(options.contentDir, options.siteUrl ?? null, {}, options.onProgress)
  if (failed.length > 0 && !options.keepGoing) return { model, files, failed, written: 0, replaced: false }
  const output = renderSite(model)
  await writeAtomically(options.outDir, output, (done) => options.onProgress?.('write', done, output.length))
  return { model, files, failed, written: output.length, replaced: true }
}

/** Refuses paths that would land outside the output folder. */
export function safeJoin(root: string, relative: string): string {
  const target = path.resolve(root, relative)
  if (!target.startsWith(path.resolve(root) + path.sep)) throw new Error(`Refusing to write outside the output folder: ${relative}`)
  return target
}

/** Writes in flight at once; enough to keep the disk busy, few enough for any file-handle limit. */
const WRITE_CONCURRENCY = 16

export async function writeAtomically(outDir: string, files: OutputFile[], onWritten: (done: number) => void = () => {}): Promise<void> {
  const out = path.resolve(outDir)
  const parent = path.dirname(out)
  const stamp = `${process.pid}-${Date.now()}`
  const temp = path.join(parent, `.${path.basename(out)}.tmp-${stamp}`)
  const old = path.join(parent, `.${path.basename(out)}.old-${stamp}`)
  await mkdir(temp, { recursive: true })
  try {
    const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    const targets = sorted.map((f, i) => {
      if (i > 0 && sorted[i - 1]!.path === f.path) throw new Error(`Two outputs want the same file: ${f.path}`)
      return safeJoin(temp, f.path)
    })
    // Folders first (parents before children, each once), then the files a few at a time:
    // one write after the other leaves the disk idle between them.
    for (const dir of new Set(targets.map((target) => path.dirname(target)))) await mkdir(dir, { recursive: true })
    let done = 0
    await pMap(
      sorted,
      async (f, i) => {
        await writeFile(targets[i]!, f.contents)
        onWritten(++done)
      },
      { concurrency: WRITE_CONCURRENCY },
    )
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
