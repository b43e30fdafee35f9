import path from 'node:path'
import createDebug from 'debug'
import type { VFile } from 'vfile'
import { checkFolders, takeFolderTimes, writeFolderTimes, type FolderTimes } from './cache/folder-times.js'
import { readManifest, unitFolders, writeManifest, type OutputManifest } from './cache/output-manifest.js'
import { contentScan, contentScanFile } from './cache/content-scan.js'
import { pageCache } from './cache/page-cache.js'
import { readPersonKeys, writePersonKeys } from './cache/person-key-store.js'
import { readTagState, writeTagState } from './cache/tag-state-store.js'
import { buildModel, type ProgressListener } from './pipeline.js'
import { planSite } from './render/index.js'
import type { DocTerms } from './search/doc-terms.js'
import type { SiteModel, Story } from './types.js'
import { renderPool } from './parallel/render-pool.js'
import type { Discard } from './write/discard.js'
import { writeSite } from './write/site-writer.js'

const debug = createDebug('archive:build')

export { safeJoin } from './write/safe-join.js'

export interface BuildOptions {
  contentDir: string
  outDir: string
  siteUrl?: string | null
  /** Build and swap in the site even when some pages failed. */
  keepGoing?: boolean
  /** Told how far the long stages have got (pages segmented, files written). */
  onProgress?: ProgressListener
  /**
   * Folder for results kept between builds (page jobs, what was written where), so a
   * rebuild only redoes what changed; null or absent builds everything afresh.
   */
  cacheDir?: string | null
  /**
   * How a whole build removes the site it replaced (write/discard.ts): the command line
   * leaves it to a background process; by default the build waits until it is gone.
   */
  discard?: Discard
}

export interface BuildResult {
  model: SiteModel
  files: VFile[]
  failed: VFile[]
  /** Files the site has, or 0 when the old output was kept. */
  written: number
  /** Of those, files the previous build wrote that were left as they were. */
  reused: number
  /** Whether the new output replaced the old one. */
  replaced: boolean
  /** Folders of the old output listed to check that the files kept are there (0 for a whole build; see cache/folder-times.ts). */
  listedFolders: number
}

/**
 * Keeps the output's folder times for the next build (cache/folder-times.ts): `times` as the
 * site writer updated them, or, with none to start from, every folder's taken now.
 */
async function keepFolderTimes(cacheDir: string, outDir: string, manifest: OutputManifest, times: FolderTimes | null): Promise<void> {
  await writeFolderTimes(cacheDir, outDir, manifest.id, times ?? (await takeFolderTimes(path.resolve(outDir), unitFolders(manifest.units))))
}

/**
 * Runs the whole pipeline and writes the site. Nothing in the output folder changes
 * unless the build is good (or --keep-going): a failed build leaves the last good site
 * untouched (see write/site-writer.ts for how it is written).
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const cacheDir = options.cacheDir ?? null
  const cache = cacheDir ? pageCache(cacheDir) : null
  // The output's folders are checked while the content is read (cache/folder-times.ts).
  const folderCheck = cacheDir ? checkFolders(cacheDir, options.outDir) : null
  const [scan, previousTags] = cacheDir ? await Promise.all([contentScan(contentScanFile(cacheDir)), readTagState(cacheDir)]) : [null, null]
  debug('read the content scan and the tagging state')
  const { model, files, failed, searchTerms, tagState } = await buildModel(options.contentDir, options.siteUrl ?? null, { scan }, options.onProgress, cache, {
    previous: previousTags,
    remember: cacheDir !== null,
  })
  if (failed.length > 0 && !options.keepGoing) return { model, files, failed, written: 0, reused: 0, replaced: false, listedFolders: 0 }
  const read = cacheDir ? await readManifest(cacheDir, options.outDir) : null
  const folders = await folderCheck
  const previous = read && folders && folders.id === read.id ? { ...read, folders } : read
  // Each story's terms are read once, so they are let go as the index takes them (the pages
  // rendered after it need the memory). A story whose text changed after segmenting (an
  // editor's corrected headline), or a second story with the same text, is tokenized then.
  const take = (key: string): DocTerms | undefined => searchTerms.take(key)
  // With a cache, the term index's postings and tiers are kept there too (search/postings-store.ts,
  // search/tier-state.ts); an older tier's files are kept only when the output holds them.
  const termCacheDir = cacheDir ? path.join(cacheDir, 'search') : undefined
  const personKeys = cacheDir ? await readPersonKeys(cacheDir) : null
  const search = { cache: { get: take, set: () => {} }, textKey: (story: Story) => searchTerms.keyOf(story) }
  const plan = planSite(model, { search: { ...search, ...(termCacheDir ? { termCacheDir, keptOutput: previous !== null } : {}) }, personKeys })
  const pool = renderPool(model.issues.length, model.config, undefined)
  let result
  try {
    result = await writeSite(options.outDir, plan, previous, (done, total) => options.onProgress?.('write', done, total), pool, options.discard)
  } finally {
    await pool?.close()
  }
  debug('wrote the site: %d files, %d unchanged; %d folders listed', result.files, result.unchanged, result.listed)
  if (cacheDir) {
    // What is as the last build left it is not written again (a rebuild with nothing changed wrote 26 MB),
    // and the manifest as what changed since it was last written whole (cache/output-manifest.ts).
    await Promise.all([
      ...(result.sameManifest ? [] : [writeManifest(cacheDir, options.outDir, result.manifest, previous)]),
      ...(result.folderTimes && result.folderTimes === previous?.folders?.times ? [] : [keepFolderTimes(cacheDir, options.outDir, result.manifest, result.folderTimes)]),
      writePersonKeys(cacheDir, plan.personKeyState()),
      ...(tagState && tagState !== previousTags ? [writeTagState(cacheDir, tagState)] : []),
    ])
    debug('kept the manifest, person keys and tagging state')
  }
  return { model, files, failed, written: result.files, reused: result.unchanged, replaced: true, listedFolders: result.listed }
}
