// Writes the search index as files under `search/` (shapes in format.ts and facet-format.ts):
//
//   search/entry.js                     tiny, unhashed: versions, the tiers' shard directories, the indexed words
//   search/terms/dir-<t>-<n>-<hash>.js  the shards of one term range of tier t (a directory)
//   search/terms/<t>-<n>-<hash>.js      packed postings of one term range of tier t, raw counts
//   search/terms/pos-<t>-<n>-<hash>.js  their positions, for queries that must confirm adjacency
//   search/docs/<folder>/<doc>.js     one story's card (title, date, link, text for the snippet)
//   search/facet-entry.js, search/facets/…   filters, sorting by date, counts (facet-files.ts)
//
// The page loads entry.js, then only the directories, shards, cards and facets a query needs.
//
// Incremental builds. Tokenizing every story is the part of this that grows with the text;
// pass `cache` to keep each story's tokens (DocTerms, doc-terms.ts) between builds:
//
//   const cache = new Map<string, DocTerms>()           // or anything with get/set, e.g. on disk
//   renderSearchFiles(model, { cache })                 // first build: fills the cache
//   renderSearchFiles(nextModel, { cache })             // later: only new or edited stories are tokenized
//
// Keys are content hashes of a story's indexed texts and the tokenizer version (docTermsKey),
// values plain JSON, so a stale entry is never read and entries can be persisted as they are.
// The cache never changes the output: the files are byte-identical with or without it.
// `termCacheDir` keeps each tier's joined postings too (postings-store.ts): when a tier's
// stories begin with those of the call that wrote it, only the rest are joined, and their
// tokens are not even asked for. The index is cut into tiers (format.ts TermTier): the newest
// year's stories and all before. With `keptOutput` (the output holds the last build's files),
// an older tier whose stories, words and code are those of the call that made it is taken as
// that call left it (tier-state.ts): not joined or encoded again, its files kept.

import { existsSync, rmSync } from 'node:fs'
import path from 'node:path'
import createDebug from 'debug'
import { codeFingerprint } from '../cache/fingerprint.js'
import { contentKey } from '../cache/hash.js'
import type { LazyFile, OutputFile, SiteModel, Story } from '../types.js'
import { docTerms, docTermsKey, type DocTerms } from './doc-terms.js'
import { facetTables, renderFacetFiles, type FacetTables } from './facet-files.js'
import {
  SEARCH_DIR,
  SEARCH_ENTRY_FILE,
  SEARCH_FIELDS,
  SEARCH_FORMAT_VERSION,
  RESULTS_PAGE_SIZE,
  cardFile,
  type DocCard,
  type SearchEntry,
  type ShardFileRef,
  type ShardRef,
  type TermTier,
  wordShardRef,
} from './format.js'
import { hashedScriptEmitter, registeringScript } from './script-file.js'
import { collectSearchDocs, type SearchDoc } from './search-docs.js'
import { DEFAULT_SHARD_BUDGET } from './shard.js'
import { findShard } from './shard-reader.js'
import { encodeTier, termShardFiles, termShardFilesAsync, type ShardFile, type ShardFilesResult, type ShardOptions, type TierJob } from './term-index-thread.js'
import { loadPostings } from './postings-store.js'
import { statsOf } from './term-index.js'
import { readTierState, tierKey } from './tier-state.js'
import { topCardFiles } from './top-cards.js'
import { TOKENIZER_VERSION } from './tokenizer.js'
import { chooseWordsOf, defaultWordMinDocs } from './words.js'

/** Where renderSearchFiles keeps each story's DocTerms between builds: a Map will do. */
export interface SearchCache {
  get(key: string): DocTerms | undefined
  set(key: string, value: DocTerms): void
}

export interface SearchFilesOptions {
  /** Bytes of packed postings per term shard (see shard.ts). */
  shardBudget?: number
  /** Build the term shards on a worker thread (default: for large archives when running from source). */
  termWorker?: boolean
  /** Shards per directory file. */
  shardDirSize?: number
  /** Card files per folder. */
  cardFolderSize?: number
  /** Bytes of packed doc numbers per facet name file (facet-files.ts). */
  facetBudget?: number
  /** Each story's tokens from an earlier build (see the note at the top). */
  cache?: SearchCache
  /** Stories a topic, organization or person must be tagged on to be indexed as a whole word (words.ts; default defaultWordMinDocs). */
  wordMinDocs?: number
  /** A folder to keep the term index's postings and tiers in between builds (postings-store.ts, tier-state.ts): a build that adds stories after the last one's then collects only theirs, in their tier alone. */
  termCacheDir?: string
  /** Whether the output folder holds the last build's files (its manifest was read), so an unchanged older tier's files can be kept rather than made. */
  keptOutput?: boolean
  /**
   * A story's docTermsKey as its page job made it, while the story is as that job made it
   * (cache/as-made.ts; an editor may retitle it): a rebuild then neither makes the texts of the
   * stories whose postings it keeps nor hashes them (pipeline.ts StoryTerms.keyOf).
   */
  textKey?: (story: Story) => string | undefined
  /** The search page, which carries entry.js's data (render/pages/fixed.ts): written right after entry.js. */
  searchPage?: (entry: SearchEntry) => OutputFile
}

const DEFAULT_SHARD_DIR_SIZE = 64
const DEFAULT_CARD_FOLDER_SIZE = 1000

const debug = createDebug('archive:search')

/** The texts a doc is tokenized from, in SEARCH_FIELDS order. */
const docTexts = ({ card }: SearchDoc): string[] => SEARCH_FIELDS.map((field) => (field === 'title' ? card.titleText : card.body))

/** A doc's DocTerms, from the cache when it has them (its texts are made only when they are not). */
function docTermsOf(doc: SearchDoc, cache: SearchCache | undefined, key?: string): DocTerms {
  if (!cache) return docTerms(docTexts(doc))
  let texts: string[] | undefined
  const cacheKey = key ?? docTermsKey((texts = docTexts(doc)))
  let terms = cache.get(cacheKey)
  if (terms === undefined) cache.set(cacheKey, (terms = docTerms(texts ?? docTexts(doc))))
  return terms
}

/** What the index is made from: the stories in doc order, the whole words to index, and its tiers (their tokens, kept postings, where to keep them). */
interface SearchInputs {
  docs: SearchDoc[]
  /** The docs' names by facet, for the facet files and the words (facet-files.ts). */
  tables: FacetTables
  /** Each doc's docTermsKey, when the build keys its stories' texts (with a term cache). */
  textKeys?: string[]
  words: string[]
  tiers: TierJob[]
}

/**
 * Where each tier of the index starts (format.ts TermTier): the stories of the newest issue's
 * year are one tier and all before them another, cut where a clean build cuts them.
 */
export function tierStarts(docs: readonly SearchDoc[]): number[] {
  if (docs.length === 0) return [0]
  const year = docs[docs.length - 1]!.card.issueDate.slice(0, 4)
  let from = docs.length
  while (from > 0 && docs[from - 1]!.card.issueDate.slice(0, 4) === year) from--
  return from === 0 ? [0] : [0, from]
}

/** Files of a term cache folder. */
const storeFile = (dir: string, tier: number): string => path.join(dir, `postings-${tier}.bin`)
const stateFile = (dir: string, tier: number): string => path.join(dir, `tier-${tier}.json`)

function searchInputs(model: SiteModel, options: SearchFilesOptions): SearchInputs {
  const docs = collectSearchDocs(model)
  const tables = facetTables(docs)
  const words = chooseWordsOf([tables.topics, tables.organizations, tables.peopleNames], options.wordMinDocs ?? defaultWordMinDocs(docs.length))
  const started = performance.now()
  const starts = tierStarts(docs)
  const bounds = starts.map((from, t) => [from, starts[t + 1] ?? docs.length] as const)
  const dir = options.termCacheDir
  if (dir === undefined) {
    const tiers = bounds.map(([from, to]): TierJob => ({ from, docs: docs.slice(from, to).map((doc) => docTermsOf(doc, options.cache)) }))
    debug('tokens of %d stories in %d ms', docs.length, Math.round(performance.now() - started))
    return { docs, tables, words, tiers }
  }
  // Keyed first: the docs whose postings the last build kept need no tokens at all, nor texts when their page job's key still holds.
  const known = options.textKey
  const keys = docs.map((doc) => (known && doc.story ? known(doc.story) : undefined) ?? docTermsKey(docTexts(doc)))
  const fingerprint = codeFingerprint()
  const budget = options.shardBudget ?? DEFAULT_SHARD_BUDGET
  debug('keys of %d stories in %d ms', docs.length, Math.round(performance.now() - started))
  // The layout of one postings file for the whole index, before tiers.
  rmSync(path.join(dir, 'postings.bin'), { force: true })
  let covered = 0
  const tiers = bounds.map(([from, to], t): TierJob => {
    const stamp = { fingerprint, words, docs: keys.slice(from, to) }
    const store = { file: storeFile(dir, t), stamp }
    // An older tier is cut again only when its stories change (an issue of an earlier year
    // added or edited) or the year turns; the newest one takes every new issue.
    const older = t < bounds.length - 1
    const key = older ? tierKey(t, from, budget, stamp) : null
    if (key !== null && options.keptOutput && existsSync(store.file)) {
      const frozen = readTierState(stateFile(dir, t), key)
      if (frozen) {
        covered += to - from
        return { from, docs: [], frozen, store }
      }
    }
    const kept = loadPostings(store.file, fingerprint, words, stamp.docs, from)
    const have = kept?.covered ?? 0
    covered += have
    return {
      from,
      docs: docs.slice(from + have, to).map((doc, i) => docTermsOf(doc, options.cache, keys[from + have + i])),
      ...(kept ? { kept: kept.postings } : {}),
      store,
      ...(key !== null ? { freeze: { file: stateFile(dir, t), key } } : {}),
    }
  })
  debug('postings kept for %d of %d stories; tokens of the rest in %d ms', covered, docs.length, Math.round(performance.now() - started))
  return { docs, tables, textKeys: keys, words, tiers }
}

/**
 * The files of a frozen tier (TierJob.frozen) made again from its kept postings, by name: for
 * a file the output was to hold but does not (removed by hand since the last build). A
 * frozen tier is taken only while its postings file is there; should that be unreadable too,
 * the build stops and says how to go on.
 */
function remadeTier(tier: Pick<TierJob, 'from' | 'store'>, t: number, budget: number): Map<string, Uint8Array> {
  const { store } = tier
  const kept = store && loadPostings(store.file, store.stamp.fingerprint, store.stamp.words, store.stamp.docs, tier.from)
  if (!kept || kept.covered !== store.stamp.docs.length) {
    throw new Error(`The output folder lost files of the search index, and the cache cannot make them again (${store?.file ?? 'no postings file'}): build once with --no-cache, or remove the cache folder`)
  }
  const files = new Map<string, Uint8Array>()
  for (const shard of encodeTier(kept.postings, t, budget)) {
    files.set(shard.name, shard.bytes)
    files.set(shard.positionsName, shard.positionsBytes)
  }
  return files
}

/**
 * What a card is made from. A story as its page job made it is named by that job's cache key and
 * its id (search-docs.ts SearchDoc.made): a string, not a hash of the card's fields (JSON and a
 * hash each of 60,000 cards took a rebuild ~0.25 s). Any other card by its name, its texts' key
 * and its other fields.
 */
function cardInputs(doc: SearchDoc, name: string, textKey: string): string {
  // A page-cache key is a hash (base64url, no space), so this never equals a contentKey.
  if (doc.made !== undefined) return `card ${doc.made}`
  // Its fields but the texts, by for…in: a rest pattern would read the card's body, made by a getter (search-docs.ts).
  const fields: Record<string, unknown> = {}
  for (const key in doc.card) if (key !== 'titleText' && key !== 'body') fields[key] = doc.card[key as keyof DocCard]
  return contentKey('search card', name, textKey, JSON.stringify(fields))
}

/**
 * The cards (one per story) and the facet files: what does not depend on the term shards.
 * The facets are made first (from `tables`, facetTables, which are then emptied); then each
 * story is let go (`docs` is emptied) as its card is taken: the stories' texts and tags are a
 * few hundred megabytes at 60,000 stories.
 *
 * With `textKeys` (each doc's docTermsKey, which a cached build makes anyway) each card is
 * keyed by what it is made from (LazyFile, cardInputs). A rebuild then keeps an unchanged
 * card without making it: at 60,000 stories every card's script and the hash of its bytes
 * were ~700 MB of strings made and dropped on each build.
 */
function cardAndFacetFiles(docs: SearchDoc[], tables: FacetTables, options: SearchFilesOptions, textKeys: undefined): Generator<OutputFile>
function cardAndFacetFiles(docs: SearchDoc[], tables: FacetTables, options: SearchFilesOptions, textKeys: readonly string[] | undefined): Generator<OutputFile | LazyFile>
function* cardAndFacetFiles(docs: SearchDoc[], tables: FacetTables, options: SearchFilesOptions, textKeys: readonly string[] | undefined): Generator<OutputFile | LazyFile> {
  const folderSize = options.cardFolderSize ?? DEFAULT_CARD_FOLDER_SIZE
  const facets: OutputFile[] = []
  renderFacetFiles(docs, tables, facets, options.facetBudget)
  // Emptied as the docs are: the callers' generators hold them until the last search file.
  for (const table of Object.values(tables)) table.clear()
  const count = docs.length
  for (let i = 0; i < count; i++) {
    const doc = docs[i]!
    docs[i] = undefined as unknown as SearchDoc
    const name = cardFile(doc.ref, folderSize)
    const path = `${SEARCH_DIR}/${name}`
    if (textKeys) yield { path, inputs: cardInputs(doc, name, textKeys[i]!), contents: () => registeringScript(name, doc.card) }
    else yield { path, contents: registeringScript(name, doc.card) }
  }
  docs.length = 0
  yield* facets
}

/** What the index's files need of its tiers once the shards are made: where each starts, and what a frozen one is made again from. */
type TierOutline = Pick<TierJob, 'from' | 'store' | 'frozen'>

/** The tiers as the term thread takes them, and their outline, which keeps none of their tokens or kept tables. */
function outlineOf(tiers: readonly TierJob[]): TierOutline[] {
  return tiers.map(({ from, store, frozen }) => ({ from, ...(store ? { store } : {}), ...(frozen ? { frozen } : {}) }))
}

/**
 * The term shards of every tier, the directories listing them and entry.js. Each shard file
 * is keyed by its name, which holds the hash of its bytes (LazyFile): a frozen tier's files
 * are kept as the last build wrote them without their bytes in hand.
 */
function* termFiles(
  model: SiteModel,
  result: ShardFilesResult,
  outline: readonly TierOutline[],
  words: string[],
  docCount: number,
  options: SearchFilesOptions,
): Generator<OutputFile | LazyFile> {
  const cardFolderSize = options.cardFolderSize ?? DEFAULT_CARD_FOLDER_SIZE
  const dirSize = options.shardDirSize ?? DEFAULT_SHARD_DIR_SIZE
  const budget = options.shardBudget ?? DEFAULT_SHARD_BUDGET
  debug(
    'term shards: %d stories, %d words, tiers %s',
    docCount,
    words.length,
    result.tiers.map((tier) => `${tier.shards.length} shards${tier.frozen ? ' kept' : `, ${tier.shards.reduce((n, shard) => n + shard.bytes.length, 0)} bytes`}`).join(' + '),
  )
  const directories: OutputFile[] = []
  const emit = hashedScriptEmitter(directories, SEARCH_DIR)
  const tiers: TermTier[] = []
  for (let t = 0; t < result.tiers.length; t++) {
    const { shards, frozen } = result.tiers[t]!
    const refs: ShardFileRef[] = shards.map((shard) => ({ from: shard.from, to: shard.to, file: shard.name, positions: shard.positionsName }))
    let remade: Map<string, Uint8Array> | undefined
    const remake = (name: string): Uint8Array => {
      remade ??= remadeTier(outline[t]!, t, budget)
      const bytes = remade.get(name)
      if (!bytes) throw new Error(`search/${name}: not among the files its tier makes again`)
      return bytes
    }
    for (let n = 0; n < shards.length; n++) {
      const shard = shards[n]!
      // Dropped before it is yielded, so the writer holds the only reference once it is written.
      shards[n] = undefined as unknown as ShardFile
      const { bytes, positionsBytes } = shard
      yield { path: `${SEARCH_DIR}/${shard.name}`, inputs: contentKey('term shard', shard.name), contents: frozen ? () => remake(shard.name) : () => bytes }
      yield { path: `${SEARCH_DIR}/${shard.positionsName}`, inputs: contentKey('term shard', shard.positionsName), contents: frozen ? () => remake(shard.positionsName) : () => positionsBytes }
    }
    const shardDirs: ShardRef[] = []
    for (let start = 0; start < refs.length; start += dirSize) {
      const run = refs.slice(start, start + dirSize)
      shardDirs.push({ from: run[0]!.from, to: run[run.length - 1]!.to, file: emit(`terms/dir-${t}-${shardDirs.length}`, run) })
    }
    const wordShards = words.map((word) => {
      const at = findShard(refs, word)
      return at === -1 ? null : wordShardRef(refs[at]!.file, refs[at]!.positions)
    })
    tiers.push({ from: outline[t]!.from, shardDirs, wordShards })
  }
  yield* directories
  const tops: OutputFile[] = []
  const topHashes = topCardFiles(model, words, result.wordTops, cardFolderSize, tops)
  yield* tops
  const entry: SearchEntry = {
    format: SEARCH_FORMAT_VERSION,
    tokenizer: TOKENIZER_VERSION,
    docCount,
    fields: [...SEARCH_FIELDS],
    averageFieldLengths: [...result.stats.averageFieldLengths],
    fieldBoosts: [...result.stats.fieldBoosts],
    tiers,
    cardFolderSize,
    words,
    wordTops: words.map((_, i) => topHashes[i] ?? null),
  }
  yield { path: `${SEARCH_DIR}/${SEARCH_ENTRY_FILE}`, contents: registeringScript(SEARCH_ENTRY_FILE, entry) }
  if (options.searchPage) yield options.searchPage(entry)
}

/** An archive without stories: no shards, and the numbers of an empty index. */
const noShards = (): ShardFilesResult => ({
  tiers: [{ shards: [], frozen: false }],
  stats: statsOf([]),
  wordTops: [],
})

function shardOptions(words: readonly string[], options: SearchFilesOptions): ShardOptions {
  return { budget: options.shardBudget ?? DEFAULT_SHARD_BUDGET, words, topCount: RESULTS_PAGE_SIZE, ...(options.termWorker === undefined ? {} : { worker: options.termWorker }) }
}

/** A file as it is written: a LazyFile made. */
const made = (file: OutputFile | LazyFile): OutputFile => ('inputs' in file ? { path: file.path, contents: file.contents() } : file)

/**
 * The search index's files, made as they are taken: a big archive's index is hundreds of
 * megabytes, and a file the writer has taken is let go here (the shards) or made only then
 * (the cards).
 */
export function* searchFiles(model: SiteModel, options: SearchFilesOptions = {}): Generator<OutputFile> {
  const inputs: Partial<SearchInputs> = searchInputs(model, options)
  const { docs = [], tables = facetTables([]), words = [], tiers = [] } = inputs
  const shards = docs.length === 0 ? noShards() : termShardFiles(tiers, shardOptions(words, options))
  // Every story's tokens are let go once the shards are made.
  const outline = outlineOf(tiers)
  delete inputs.tiers
  delete inputs.tables
  const docCount = docs.length
  yield* cardAndFacetFiles(docs, tables, options, undefined)
  for (const file of termFiles(model, shards, outline, words, docCount, options)) yield made(file)
}

/**
 * The same files, the term shards made on a worker thread that starts at once, without
 * blocking this one: the cards and facets come while it works, and the build goes on
 * handing page groups to the render threads.
 */
export function searchFilesAsync(model: SiteModel, options: SearchFilesOptions = {}): AsyncIterable<OutputFile | LazyFile> {
  const inputs: Partial<SearchInputs> = searchInputs(model, options)
  const { docs = [], tables = facetTables([]), words = [], tiers = [] } = inputs
  const shards = docs.length === 0 ? Promise.resolve(noShards()) : termShardFilesAsync(tiers, shardOptions(words, options))
  const outline = outlineOf(tiers)
  delete inputs.tiers
  delete inputs.tables
  // Never an unhandled rejection while the cards are written; the error surfaces when awaited below.
  shards.catch(() => {})
  const docCount = docs.length
  const { textKeys } = inputs
  return (async function* () {
    yield* cardAndFacetFiles(docs, tables, options, textKeys)
    yield* termFiles(model, await shards, outline, words, docCount, options)
  })()
}

/** The search index's files, all at once (tests and small sites; the build takes them one by one from searchFilesAsync). */
export function renderSearchFiles(model: SiteModel, options: SearchFilesOptions = {}): OutputFile[] {
  return [...searchFiles(model, options)]
}
