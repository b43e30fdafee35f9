import path from 'node:path'
import createDebug from 'debug'
import pMap from 'p-map'
import type { VFile } from 'vfile'
import { readEditorData, type EditorData, type SiteSettings } from './ingest/editor-data.js'
import { isScanned, readContent, readPageText, type IngestedPage, type ReadOptions } from './ingest/read-content.js'
import { applyCorrections, pageHints, stalePageCorrections } from './corrections/apply.js'
import type { Correction } from './corrections/types.js'
import { tagArchive, type TagInput, type TagOptions } from './tag/index.js'
import type { TagState } from './tag/tag-state.js'
import { replayMessages } from './messages.js'
import { encodeResult, type EncodedResult, type PageResult } from './parallel/page-job.js'
import { besideWork, segmentPages } from './parallel/pool.js'
import { isPacked, packPageLines } from './segment/packed-lines.js'
import { isPackedStory, packStory } from './segment/packed-paragraphs.js'
import { pageKey, type PageCache } from './cache/page-cache.js'
import { markAsMade, storyAsMade } from './cache/as-made.js'
import { contentKey } from './cache/hash.js'
import type { Taxonomy } from './tag/types.js'
import type { DocTerms } from './search/doc-terms.js'
import type { BuildSummary, Diagnostic, Issue, RawPage, ScannedPage, SegmentedPage, SiteConfig, SiteModel, Story } from './types.js'

// DEBUG=archive:build prints how long each stage took (and the time since the last line).
const debug = createDebug('archive:build')

export interface ModelResult {
  model: SiteModel
  /** One file per content page, with its diagnostics. */
  files: VFile[]
  /** Pages that could not be built (each file has a fatal message). */
  failed: VFile[]
  /** Each story's search terms by their key, made with the pages (for renderSearchFiles's cache). */
  searchTerms: StoryTerms
  /** What tagging decided, for the next build (when asked for: TagOptions.remember). */
  tagState: TagState | null
}

/**
 * The stories' search tokens by their DocTerms key: a fresh page's in memory, a cached page's
 * read from the page cache only when asked for (a build whose postings were kept asks for
 * the new stories' alone). Each is handed out once: the index lets them go as it goes.
 */
export class StoryTerms {
  private readonly fresh = new Map<string, DocTerms>()
  /** Each story's DocTerms key as its page job made it (keyOf). */
  private readonly storyKeys = new Map<Story, string>()
  /** Page-cache entry → its stories' keys, in the order of its tokens file. */
  private readonly entries = new Map<string, string[]>()
  /**
   * DocTerms key → the page-cache entry holding it: made when first asked for (a daily build's
   * new stories come fresh, and the others' postings are kept, so it is rarely needed at all).
   */
  private cachedByKey: Map<string, string> | null = null
  constructor(private readonly cache: PageCache | null = null) {}

  /** A fresh page's story tokens (asked for first: take looks here before the cache). */
  add(key: string, terms: DocTerms): void {
    this.fresh.set(key, terms)
  }

  /** A cached page's stories, by their keys: read from the entry when first asked for. */
  addEntry(entry: string, keys: string[]): void {
    this.entries.set(entry, keys)
    this.cachedByKey = null
  }

  /** The DocTerms keys of a page's stories, in order, as its page job made them (with the page read back or fresh). */
  noteKeys(stories: readonly Story[], keys: readonly string[]): void {
    stories.forEach((story, i) => {
      const key = keys[i]
      if (key !== undefined) this.storyKeys.set(story, key)
    })
  }

  /**
   * The story's DocTerms key as its page job made it, while the story is as that job made it
   * (cache/as-made.ts: an editor's correction may change its title; its body cannot change after
   * segmenting); else undefined, and the key is made from its texts.
   */
  keyOf(story: Story): string | undefined {
    return storyAsMade(story) ? this.storyKeys.get(story) : undefined
  }

  /** The tokens under `key`, or undefined (then the index tokenizes the story itself). */
  take(key: string): DocTerms | undefined {
    const terms = this.fresh.get(key)
    if (terms !== undefined) {
      this.fresh.delete(key)
      return terms
    }
    if (!this.cache) return undefined
    const cached = (this.cachedByKey ??= this.byKey())
    const entry = cached.get(key)
    if (entry === undefined) return undefined
    // The entry is read once: its other stories, asked for next (neighbours in doc order), are kept in hand.
    const all = this.cache.readTerms(entry) ?? []
    let found: DocTerms | undefined
    this.entries.get(entry)?.forEach((other, i) => {
      if (cached.get(other) !== entry) return
      cached.delete(other)
      const t = all[i]
      if (other === key) found = t
      else if (t) this.fresh.set(other, t)
    })
    return found
  }

  private byKey(): Map<string, string> {
    const byKey = new Map<string, string>()
    for (const [entry, keys] of this.entries) for (const key of keys) byKey.set(key, entry)
    return byKey
  }
}

/** Groups pages into issues, newest issue first, pages in page order. */
export function groupIssues(pages: SegmentedPage[]): Issue[] {
  const byDate = new Map<string, SegmentedPage[]>()
  for (const p of pages) byDate.set(p.page.meta.date, [...(byDate.get(p.page.meta.date) ?? []), p])
  return [...byDate.entries()]
    .sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0))
    .map(([date, list]) => {
      const sorted = [...list].sort((a, b) => a.page.meta.page - b.page.meta.page || (a.page.contentPath < b.page.contentPath ? -1 : 1))
      return { date, paper: sorted.find((p) => p.page.meta.paper)?.page.meta.paper ?? '', pages: sorted }
    })
}

/** Site settings: `_data/site.yaml` where given, else derived from the content; `--site-url` wins. */
export function siteConfig(issues: Issue[], settings: SiteSettings, siteUrl: string | null): SiteConfig {
  const paper = issues.find((i) => i.paper)?.paper ?? ''
  return {
    title: settings.title ?? (paper ? `${paper} 数字报档案` : '数字报档案'),
    description: settings.description ?? '',
    siteUrl: siteUrl ?? settings.siteUrl ?? null,
    language: settings.language ?? 'zh-CN',
  }
}

/** How many stories a model holds. */
export function countStories(model: SiteModel): number {
  return model.issues.reduce((n, i) => n + i.pages.reduce((m, p) => m + p.stories.length, 0), 0)
}

/** A model's counts and messages, as a build reports them. */
export function summaryOf(model: SiteModel): BuildSummary {
  const pages = model.issues.reduce((n, issue) => n + issue.pages.length, 0)
  return { issues: model.issues.length, pages, stories: countStories(model), diagnostics: model.diagnostics }
}

/** vfile: `fatal` true is an error, false a warning, undefined (file.info) a note. */
export function severityOf(fatal: boolean | null | undefined): Diagnostic['severity'] {
  return fatal === true ? 'error' : fatal === false ? 'warning' : 'info'
}

/** The build's messages as data, paths relative to the content folder (so output does not depend on where the build ran). */
export function collectDiagnostics(files: VFile[], contentDir: string): Diagnostic[] {
  const out: Diagnostic[] = []
  for (const f of files) {
    for (const m of f.messages) {
      out.push({
        path: path.relative(contentDir, path.resolve(f.path)).split(path.sep).join('/'),
        line: m.line ?? 1,
        column: m.column ?? 1,
        severity: severityOf(m.fatal),
        message: m.reason,
        rule: `${m.source ?? 'build'}:${m.ruleId ?? 'message'}`,
      })
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column))
}

/** How far a long build has got, for a progress bar. */
export type ProgressListener = (stage: 'segment' | 'write', done: number, total: number) => void

interface AcceptedPage {
  file: VFile
  page: RawPage | ScannedPage
}

/**
 * The pages that go on to be segmented: read, not a second copy of a page number in
 * its issue, and carrying the editors' corrections to how they are cut.
 */
function acceptPages(ingested: IngestedPage[], corrections: Correction[], failed: VFile[]): AcceptedPage[] {
  const hintsByPage = pageHints(corrections)
  const slots = new Map<string, string>()
  const accepted: AcceptedPage[] = []
  for (const { file, page } of ingested) {
    if (!page) {
      failed.push(file)
      continue
    }
    const slot = `${page.meta.date} p${page.meta.page}`
    const other = slots.get(slot)
    if (other !== undefined) {
      const m = file.message(`Duplicate page ${page.meta.page} of the ${page.meta.date} issue (also ${other}); give each page its own \`page\` number`, {
        place: { line: 1, column: 1 },
        ruleId: 'page-duplicate',
        source: 'ingest',
      })
      m.fatal = true
      failed.push(file)
      continue
    }
    slots.set(slot, page.displayPath)
    const hints = hintsByPage.get(page.contentPath)?.hints
    accepted.push({ file, page: hints ? { ...page, hints } : page })
  }
  return accepted
}

/** Applies the story corrections and reports, on the corrections file, every one that matched nothing. */
function applyEditorCorrections(pages: SegmentedPage[], data: EditorData, contentPaths: Set<string>): void {
  const stale = [...stalePageCorrections(pages, data.corrections, contentPaths), ...applyCorrections(pages, data.corrections)]
  for (const s of stale.sort((a, b) => a.line - b.line)) {
    data.correctionsFile?.message(`Stale correction: ${s.reason}`, { place: { line: s.line, column: 1 }, ruleId: 'correction-stale', source: 'corrections' })
  }
}

/**
 * Most lines print as they read: their text and raw are then one string. A page that
 * crossed from a worker thread or came back from the cache holds two copies of each.
 */
function shareLineText(page: SegmentedPage): SegmentedPage {
  for (const line of page.lines) if (line.text === line.raw) line.text = line.raw
  return page
}

/**
 * A page as the rest of the build keeps it: its lines and its stories' paragraphs packed
 * (segment/packed-lines.ts, segment/packed-paragraphs.ts: after segmenting they are only
 * read). Done as each page arrives, so the archive's pages never sit in memory as objects
 * per line and per paragraph together.
 */
function settlePage(result: PageResult): PageResult {
  if (!result.page) return result
  // A page read back from the cache comes packed already.
  const stories = result.page.stories.map(packStory)
  // An issue's key stands for its stories' paragraphs by the page's cache key (render/group-job.ts): a
  // later stage that wrote to them would throw here instead of going unseen (a packed story's
  // paragraphs are a getter without a setter, and frozen).
  for (const story of stories) {
    if (isPackedStory(story)) continue
    for (const paragraph of story.paragraphs) Object.freeze(paragraph.lines)
    Object.freeze(story.paragraphs).forEach((paragraph) => Object.freeze(paragraph))
  }
  // In place: a packed page's lines are getters, which a copy would read out.
  result.page.stories = stories
  const page = isPacked(result.page) ? result.page : packPageLines(shareLineText(result.page))
  // What tagging and corrections change after this is told from what the page's cache key stands for (cache/as-made.ts).
  markAsMade(page)
  return page === result.page ? result : { ...result, page }
}

/** The page as a page job takes it, its properties in the order reading gives them (they are kept in the cache and keyed as they are). */
function jobPage(page: RawPage | ScannedPage, text: string): RawPage {
  const { meta, contentPath, displayPath, firstLine, hints } = page
  return { meta, contentPath, displayPath, text, firstLine, ...(hints ? { hints } : {}) }
}

/** Reads the text of a page the content scan gave without it (ingest/read-content.ts readPageText). */
type TextReader = (page: ScannedPage, file: VFile) => Promise<string | null>

/**
 * The pages to segment, as page jobs take them: a page the content scan gave without its
 * text is read now. Null for a page that can no longer be read (the message is on its file).
 */
async function withText(pages: AcceptedPage[], readText: TextReader): Promise<(RawPage | null)[]> {
  // Several at a time, as readContent reads: after a taxonomy change that is every page.
  return pMap(
    pages,
    async ({ page, file }) => {
      const text = isScanned(page) ? await readText(page, file) : page.text
      return text === null ? null : jobPage(page, text)
    },
    { concurrency: 32 },
  )
}

/**
 * The page jobs for every page, reading unchanged pages back from the cache when there is one
 * (their search tokens stay there until asked for: `terms`). The pages the cache has no entry
 * for (a daily build's new issue) are started first: with many pages to read back, on a thread
 * that starts and works while this one reads them (parallel/pool.ts besideWork; a new issue's
 * pages cost this thread ~0.3 s of code run for the first time, a thread's start ~0.5 s beside it).
 */
async function segmentWithCache(
  accepted: AcceptedPage[],
  readText: TextReader,
  taxonomy: Taxonomy,
  cache: PageCache | null,
  onProgress: (done: number) => void,
  terms: StoryTerms,
): Promise<PageResult[]> {
  // Hashed once, not with each page: an editor's taxonomy of a few hundred topics is tens of kilobytes.
  const context = cache ? contentKey(JSON.stringify(taxonomy)) : ''
  const keys = cache ? accepted.map(({ page }) => pageKey(page, context)) : []
  const keyed = (result: PageResult, i: number): PageResult => {
    if (result.page) result.page.sourceKey = keys[i]
    return result
  }
  const results: (PageResult | undefined)[] = accepted.map(() => undefined)
  let done = 0
  const progress = (more: number): void => onProgress((done += more))
  // Each fresh page is stored as it arrives, while the other page jobs run, and before its key
  // is set on it: a cached page is the page job's result alone.
  const settle = (indices: readonly number[]) =>
    cache
      ? (result: PageResult, k: number, encoded: EncodedResult | null): PageResult => {
          const settled = settlePage(result)
          cache.put(keys[indices[k]!]!, encoded ?? encodeResult(settled))
          return settled
        }
      : settlePage
  /** Starts the page jobs of `indices` (their texts in `texts`, null where unreadable) at once, without waiting for anything first. */
  const segmentRun = (indices: readonly number[], texts: readonly (RawPage | null)[], beside: boolean): Promise<void> => {
    const readable: number[] = []
    indices.forEach((i, k) => {
      const raw = texts[k]
      if (raw) readable.push(i)
      else results[i] = { page: null, hits: [], terms: [], messages: [] }
    })
    const raws = texts.filter((raw): raw is RawPage => raw !== null)
    let before = 0
    const counted = (n: number): void => {
      progress(n - before)
      before = n
    }
    const run = segmentPages(raws, taxonomy, counted, settle(readable), beside)
    return run.then((fresh) => readable.forEach((i, k) => (results[i] = cache ? keyed(fresh[k]!, i) : fresh[k])))
  }
  const listed = accepted.map((_, i) => (cache ? cache.has(keys[i]!) : false))
  const unlisted = accepted.flatMap((_, i) => (listed[i] ? [] : [i]))
  // Their texts first (read with the content: a scanned page is read again only after a taxonomy change or a lost entry).
  const first = segmentRun(unlisted, await withText(unlisted.map((i) => accepted[i]!), readText), besideWork(accepted.length - unlisted.length))
  // Handled when awaited below, after the cache is read.
  first.catch(() => {})
  if (cache) {
    let read = 0
    // It finds only the listed keys: the cache's index changes only when it is saved, below.
    cache.read(keys).forEach((cached, i) => {
      if (!cached) return
      terms.addEntry(keys[i]!, cached.termKeys)
      const settled = keyed(settlePage(cached.result), i)
      if (settled.page) terms.noteKeys(settled.page.stories, cached.termKeys)
      results[i] = settled
      read++
    })
    debug('page cache: %d of %d pages', read, accepted.length)
    progress(read)
  }
  await first
  // An entry the cache had but could not read back (damaged, cut short): segmented now.
  const lost = accepted.flatMap((_, i) => (results[i] ? [] : [i]))
  if (lost.length > 0) await segmentRun(lost, await withText(lost.map((i) => accepted[i]!), readText), false)
  if (cache) await cache.save()
  return results as PageResult[]
}

/** What a build reads of a content folder: the editor data and every page file. */
export interface Sources {
  data: EditorData
  ingested: IngestedPage[]
}

/** The files a build reports on: the editor data's, then the pages'. */
export const sourceFiles = ({ data, ingested }: Sources): VFile[] => [...data.files, ...ingested.map((i) => i.file)]

/** Reads the editor data and the pages (a page the content scan knows, without its text). */
export async function readSources(contentDir: string, read: ReadOptions = {}): Promise<Sources> {
  const data = await readEditorData(contentDir)
  const ingested = await readContent(contentDir, read)
  debug('read %d content files', ingested.length)
  return { data, ingested }
}

/** ingest → normalize → segment → tag → corrections, for a whole content folder. */
export async function buildModel(
  contentDir: string,
  siteUrl: string | null = null,
  read: ReadOptions = {},
  onProgress: ProgressListener = () => {},
  cache: PageCache | null = null,
  /** The last build's tagging state, and whether to keep this one's (tag/index.ts). */
  tagging: TagOptions = {},
  /** The editor data and pages when the caller has read them already (readSources with the same `read`). */
  sources?: Sources,
): Promise<ModelResult> {
  const { data, ingested } = sources ?? (await readSources(contentDir, read))
  // What was read is kept for the next build while this one segments.
  const scanSaved = read.scan?.save()
  const failed: VFile[] = data.files.filter((f) => f.messages.some((m) => m.fatal))
  const accepted = acceptPages(ingested, data.corrections, failed)
  const searchTerms = new StoryTerms(cache)
  const results = await segmentWithCache(
    accepted,
    (page, file) => readPageText(contentDir, page, file, read.readBytes),
    data.taxonomy,
    cache,
    (done) => onProgress('segment', done, accepted.length),
    searchTerms,
  )
  debug('segmented %d pages', accepted.length)
  const tagged: TagInput[] = []
  accepted.forEach(({ file }, i) => {
    const result = results[i] as PageResult
    replayMessages(file, result.messages)
    for (const { key, terms } of result.terms) searchTerms.add(key, terms)
    if (result.page && result.terms.length > 0) searchTerms.noteKeys(result.page.stories, result.terms.map((t) => t.key))
    if (result.page) tagged.push({ page: result.page, file, hits: result.hits })
    else failed.push(file)
  })
  debug('tagging %d pages', tagged.length)
  const tagState = tagArchive(tagged, data.taxonomy, data.people, tagging)
  debug('tagged the archive')
  const pages = tagged.map((t) => t.page)
  applyEditorCorrections(pages, data, new Set(ingested.flatMap((i) => (i.page ? [i.page.contentPath] : []))))
  const issues = groupIssues(pages)
  debug('corrections applied, %d issues', issues.length)
  const files = sourceFiles({ data, ingested })
  await scanSaved
  return {
    model: {
      config: siteConfig(issues, data.site, siteUrl),
      issues,
      people: data.people.map((p) => ({ name: p.name, aliases: p.aliases })),
      diagnostics: collectDiagnostics(files, contentDir),
    },
    files,
    failed,
    searchTerms,
    tagState,
  }
}
