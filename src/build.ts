import path from 'node:path'
import createDebug from 'debug'
import type { VFile } from 'vfile'
import { checkFolders, takeFolderTimes, writeFolderTimes, type FolderTimes } from './cache/folder-times.js'
import { readManifest, unitFolders, writeManifest, type OutputManifest } from './cache/output-manifest.js'
import { inputsKey, readBuildRecord, recordPath, writeBuildRecord, type BuildRecord } from './cache/build-record.js'
import { contentScan, contentScanFile } from './cache/content-scan.js'
import { pageCache } from './cache/page-cache.js'
import { readPersonKeys, writePersonKeys } from './cache/person-key-store.js'
import { readTagState, writeTagState } from './cache/tag-state-store.js'
import { buildModel, collectDiagnostics, readSources, sourceFiles, summaryOf, type ProgressListener, type Sources } from './pipeline.js'
import { plainMessages, replayMessages, type PlainMessage } from './messages.js'
import { planSite } from './render/index.js'
import type { DocTerms } from './search/doc-terms.js'
import type { BuildSummary, SiteModel, Story } from './types.js'
import { renderPool } from './parallel/render-pool.js'
import { discardNow, leftoverFolders, type Discard } from './write/discard.js'
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
  /**
   * Whether a build whose inputs are all as they were for the site in `outDir` leaves that site
   * as it is without running the pipeline (cache/build-record.ts; needs `cacheDir`). Default true.
   */
  keepUnchanged?: boolean
}

export interface BuildResult {
  /** The site's model; null when the site was left as the last build made it (`unchanged`). */
  model: SiteModel | null
  summary: BuildSummary
  /** Whether nothing the site is made from had changed since it was built, so the pipeline did not run and nothing was written. */
  unchanged: boolean
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
 * The site as the last build of `outDir` left it, when nothing it is made from changed since
 * (cache/build-record.ts): the same inputs (`inputs`, null when a page could not be read), the
 * output carrying that build's id, and every folder of it as that build left it. Its messages
 * are put back on the files as that build left them. Null: the pipeline runs.
 */
async function keptSite(record: BuildRecord | null, inputs: string | null, sources: Sources, folderCheck: ReturnType<typeof checkFolders>, contentDir: string): Promise<BuildResult | null> {
  if (!record || inputs === null || record.inputs !== inputs) return null
  const folders = await folderCheck
  if (!folders || folders.id !== record.id || folders.asLeft.size !== folders.times.size) return null
  const files = sourceFiles(sources)
  for (const file of files) {
    file.messages.length = 0
    replayMessages(file, record.messages[recordPath(contentDir, file)] ?? [])
  }
  const summary: BuildSummary = { issues: record.issues, pages: record.pages, stories: record.stories, diagnostics: collectDiagnostics(files, contentDir) }
  return { model: null, summary, unchanged: true, files, failed: [], written: record.files, reused: record.files, replaced: true, listedFolders: 0 }
}

/**
 * Runs the whole pipeline and writes the site. Nothing in the output folder changes
 * unless the build is good (or --keep-going): a failed build leaves the last good site
 * untouched (see write/site-writer.ts for how it is written). With a cache, a build whose
 * inputs are all as they were for the site in the output leaves it as it is (keptSite).
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const cacheDir = options.cacheDir ?? null
  // The output's folders are checked while the content is read (cache/folder-times.ts).
  const folderCheck = cacheDir ? checkFolders(cacheDir, options.outDir) : null
  const [scan, record] = cacheDir ? await Promise.all([contentScan(contentScanFile(cacheDir)), options.keepUnchanged === false ? null : readBuildRecord(cacheDir, options.outDir)]) : [null, null]
  debug('read the content scan')
  const sources = await readSources(options.contentDir, { scan })
  const siteUrl = options.siteUrl ?? null
  const inputs = cacheDir ? inputsKey({ siteUrl, contentDir: options.contentDir, dataFiles: sources.data.files, ingested: sources.ingested }) : null
  if (folderCheck) {
    const kept = await keptSite(record, inputs, sources, folderCheck, options.contentDir)
    if (kept) {
      // What stopped builds left beside the output goes, as after a build that writes (write/site-writer.ts).
      const discard = options.discard ?? discardNow
      for (const left of await leftoverFolders(path.resolve(options.outDir))) await discard(left)
      await scan?.save()
      debug('nothing changed since the site in the output was built: kept it as it is')
      return kept
    }
  }
  // Read only now: a build that keeps the site needs neither.
  const cache = cacheDir ? pageCache(cacheDir) : null
  const previousTags = cacheDir ? await readTagState(cacheDir) : null
  debug('read the tagging state')
  const { model, files, failed, searchTerms, tagState } = await buildModel(
    options.contentDir,
    siteUrl,
    { scan },
    options.onProgress,
    cache,
    { previous: previousTags, remember: cacheDir !== null },
    sources,
  )
  if (failed.length > 0 && !options.keepGoing) return { model, summary: summaryOf(model), unchanged: false, files, failed, written: 0, reused: 0, replaced: false, listedFolders: 0 }
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
  const summary = summaryOf(model)
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
    // Last: a record names an output whose manifest and folder times are kept. Only for a build
    // with every page built (one with pages failed runs again, to report them as they are).
    if (inputs !== null && failed.length === 0) await keepRecord(cacheDir, options, inputs, result.manifest.id, summary, result.files, files)
  }
  return { model, summary, unchanged: false, files, failed, written: result.files, reused: result.unchanged, replaced: true, listedFolders: result.listed }
}

/** Keeps what this build read and found for the next (cache/build-record.ts). */
async function keepRecord(cacheDir: string, { contentDir, outDir }: BuildOptions, inputs: string, id: string, summary: BuildSummary, siteFiles: number, files: VFile[]): Promise<void> {
  const messages: Record<string, PlainMessage[]> = {}
  for (const file of files) if (file.messages.length > 0) messages[recordPath(contentDir, file)] = plainMessages(file)
  const { issues, pages, stories } = summary
  await writeBuildRecord(cacheDir, outDir, { inputs, id, issues, pages, stories, files: siteFiles, messages })
}
