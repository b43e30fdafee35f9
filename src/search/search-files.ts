// Writes the search index as files under `search/` (shapes in format.ts and facet-format.ts):
//
//   search/entry.js                   tiny, unhashed: versions, the shard directories, the indexed words
//   search/terms/dir-<n>-<hash>.js    the shards of one term range (a directory)
//   search/terms/<n>-<hash>.js        packed postings of one term range, with lunr's weights
//   search/terms/pos-<n>-<hash>.js    their positions, for queries that must confirm adjacency
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
// `postingsFile` keeps the stories' joined postings too (postings-store.ts): when the
// stories begin with those of the call that wrote it, only the rest are joined, and their
// tokens are not even asked for. lunr's weights, which change with every new story because
// idf and average lengths do, and the files are made afresh on each call.

import createDebug from 'debug'
import { codeFingerprint } from '../cache/fingerprint.js'
import { contentKey } from '../cache/hash.js'
import type { LazyFile, OutputFile, SiteModel } from '../types.js'
import { docTerms, docTermsKey, type DocTerms } from './doc-terms.js'
import { renderFacetFiles } from './facet-files.js'
import {
  SEARCH_DIR,
  SEARCH_ENTRY_FILE,
  SEARCH_FIELDS,
  SEARCH_FORMAT_VERSION,
  RESULTS_PAGE_SIZE,
  cardFile,
  type SearchEntry,
  type ShardFileRef,
  type ShardRef,
  wordShardRef,
} from './format.js'
import { hashedScriptEmitter, registeringScript } from './script-file.js'
import { collectSearchDocs, type SearchDoc } from './search-docs.js'
import { DEFAULT_SHARD_BUDGET } from './shard.js'
import { FIELD_BOOST } from './build-index.js'
import { findShard } from './shard-reader.js'
import { termShardFiles, termShardFilesAsync, type ShardFile, type ShardFilesJob, type ShardFilesResult, type ShardOptions } from './term-index-thread.js'
import { loadPostings } from './postings-store.js'
import type { Postings } from './term-index.js'
import { topCardFiles } from './top-cards.js'
import { TOKENIZER_VERSION } from './tokenizer.js'
import { chooseWords, defaultWordMinDocs } from './words.js'

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
  /** A file to keep the term index's postings in between builds (postings-store.ts): a build that adds stories after the last one's then collects only theirs. */
  postingsFile?: string
  /** The search page, which carries entry.js's data (render/pages/fixed.ts): written right after entry.js. */
  searchPage?: (entry: SearchEntry) => OutputFile
}

const DEFAULT_SHARD_DIR_SIZE = 64
const DEFAULT_CARD_FOLDER_SIZE = 1000

const debug = createDebug('archive:search')

/** The texts a doc is tokenized from, in SEARCH_FIELDS order. */
const docTexts = ({ card }: SearchDoc): string[] => SEARCH_FIELDS.map((field) => (field === 'title' ? card.titleText : card.body))

/** A doc's DocTerms, from the cache when it has them. */
function docTermsOf(texts: string[], cache: SearchCache | undefined, key?: string): DocTerms {
  if (!cache) return docTerms(texts)
  const cacheKey = key ?? docTermsKey(texts)
  let terms = cache.get(cacheKey)
  if (terms === undefined) cache.set(cacheKey, (terms = docTerms(texts)))
  return terms
}

/** What the index is made from: the stories in doc order, the whole words to index, the tokens of the docs whose postings were not kept, and the kept postings and where to keep them. */
interface SearchInputs {
  docs: SearchDoc[]
  /** Each doc's docTermsKey, when the build keys its stories' texts (with a postings file). */
  textKeys?: string[]
  words: string[]
  terms: DocTerms[]
  kept: Postings | undefined
  store: ShardFilesJob['store']
}

function searchInputs(model: SiteModel, options: SearchFilesOptions): SearchInputs {
  const docs = collectSearchDocs(model)
  const words = chooseWords(docs, (doc) => [...doc.topics, ...doc.organizations, ...doc.peopleNames], options.wordMinDocs ?? defaultWordMinDocs(docs.length))
  const started = performance.now()
  const file = options.postingsFile
  if (file === undefined) {
    const terms = docs.map((doc) => docTermsOf(docTexts(doc), options.cache))
    debug('tokens of %d stories in %d ms', docs.length, Math.round(performance.now() - started))
    return { docs, words, terms, kept: undefined, store: undefined }
  }
  // Keyed first: the docs whose postings the last build kept need no tokens at all.
  const texts = docs.map(docTexts)
  const keys = texts.map((t) => docTermsKey(t))
  const stamp = { fingerprint: codeFingerprint(), words, docs: keys }
  debug('keys of %d stories in %d ms', docs.length, Math.round(performance.now() - started))
  const kept = loadPostings(file, stamp.fingerprint, words, keys)
  const from = kept?.covered ?? 0
  const terms = texts.slice(from).map((t, i) => docTermsOf(t, options.cache, keys[from + i]))
  debug('postings kept for %d of %d stories; tokens of the rest in %d ms', from, docs.length, Math.round(performance.now() - started))
  return { docs, textKeys: keys, words, terms, kept: kept?.postings, store: { file, stamp } }
}

/**
 * The cards (one per story) and the facet files: what does not depend on the term shards.
 * The facets are made first; then each story is let go (`docs` is emptied) as its card is
 * taken: the stories' texts and tags are a few hundred megabytes at 60,000 stories.
 *
 * With `textKeys` (each doc's docTermsKey, which a cached build makes anyway) each card is
 * keyed by what it is made from (LazyFile): its title and body texts by that key, its other
 * fields as they are. A rebuild then keeps an unchanged card without making it: at 60,000
 * stories every card's script and the hash of its bytes were ~700 MB of strings made and
 * dropped on each build.
 */
function cardAndFacetFiles(docs: SearchDoc[], options: SearchFilesOptions, textKeys: undefined): Generator<OutputFile>
function cardAndFacetFiles(docs: SearchDoc[], options: SearchFilesOptions, textKeys: readonly string[] | undefined): Generator<OutputFile | LazyFile>
function* cardAndFacetFiles(docs: SearchDoc[], options: SearchFilesOptions, textKeys: readonly string[] | undefined): Generator<OutputFile | LazyFile> {
  const folderSize = options.cardFolderSize ?? DEFAULT_CARD_FOLDER_SIZE
  const facets: OutputFile[] = []
  renderFacetFiles(docs, facets, options.facetBudget)
  const count = docs.length
  for (let i = 0; i < count; i++) {
    const doc = docs[i]!
    docs[i] = undefined as unknown as SearchDoc
    const name = cardFile(doc.ref, folderSize)
    const path = `${SEARCH_DIR}/${name}`
    if (textKeys) {
      const { titleText: _title, body: _body, ...fields } = doc.card
      yield { path, inputs: contentKey('search card', name, textKeys[i]!, JSON.stringify(fields)), contents: () => registeringScript(name, doc.card) }
    } else yield { path, contents: registeringScript(name, doc.card) }
  }
  docs.length = 0
  yield* facets
}

/** The term shards, the directories listing them and entry.js. */
function* termFiles(model: SiteModel, { shards, stats, wordTops }: ShardFilesResult, words: string[], docCount: number, options: SearchFilesOptions): Generator<OutputFile> {
  const cardFolderSize = options.cardFolderSize ?? DEFAULT_CARD_FOLDER_SIZE
  const dirSize = options.shardDirSize ?? DEFAULT_SHARD_DIR_SIZE
  const shardRefs: ShardFileRef[] = shards.map((shard) => ({ from: shard.from, to: shard.to, file: shard.name, positions: shard.positionsName }))
  debug('term shards: %d stories, %d words, %d shards, %d bytes', docCount, words.length, shards.length, shards.reduce((n, shard) => n + shard.bytes.length, 0))
  for (let n = 0; n < shards.length; n++) {
    const shard = shards[n]!
    // Dropped before it is yielded, so the writer holds the only reference once it is written.
    shards[n] = undefined as unknown as ShardFile
    yield { path: `${SEARCH_DIR}/${shard.name}`, contents: shard.bytes }
    yield { path: `${SEARCH_DIR}/${shard.positionsName}`, contents: shard.positionsBytes }
  }
  const directories: OutputFile[] = []
  const emit = hashedScriptEmitter(directories, SEARCH_DIR)
  const shardDirs: ShardRef[] = []
  for (let start = 0; start < shardRefs.length; start += dirSize) {
    const refs = shardRefs.slice(start, start + dirSize)
    shardDirs.push({ from: refs[0]!.from, to: refs[refs.length - 1]!.to, file: emit(`terms/dir-${shardDirs.length}`, refs) })
  }
  yield* directories
  const tops: OutputFile[] = []
  const topHashes = topCardFiles(model, words, wordTops, cardFolderSize, tops)
  yield* tops
  const entry: SearchEntry = {
    format: SEARCH_FORMAT_VERSION,
    tokenizer: TOKENIZER_VERSION,
    docCount,
    fields: [...SEARCH_FIELDS],
    averageFieldLengths: [...stats.averageFieldLengths],
    fieldBoosts: [...stats.fieldBoosts],
    shardDirs,
    cardFolderSize,
    words,
    wordShards: words.map((word, i) => {
      const at = findShard(shardRefs, word)
      return at === -1 ? null : wordShardRef(shardRefs[at]!.file, shardRefs[at]!.positions, topHashes[i] ?? null)
    }),
  }
  yield { path: `${SEARCH_DIR}/${SEARCH_ENTRY_FILE}`, contents: registeringScript(SEARCH_ENTRY_FILE, entry) }
  if (options.searchPage) yield options.searchPage(entry)
}

/** An archive without stories: no shards, and the numbers of an empty index. */
const noShards = (): ShardFilesResult => ({
  shards: [],
  stats: { documentCount: 0, averageFieldLengths: SEARCH_FIELDS.map(() => 0), fieldBoosts: SEARCH_FIELDS.map((field) => FIELD_BOOST[field]) },
  wordTops: [],
})

function shardOptions(inputs: Partial<SearchInputs>, words: readonly string[], options: SearchFilesOptions): ShardOptions {
  const { kept, store } = inputs
  return { budget: options.shardBudget ?? DEFAULT_SHARD_BUDGET, words, topCount: RESULTS_PAGE_SIZE, ...(options.termWorker === undefined ? {} : { worker: options.termWorker }), ...(kept ? { kept } : {}), ...(store ? { store } : {}) }
}

/**
 * The search index's files, made as they are taken: a big archive's index is hundreds of
 * megabytes, and a file the writer has taken is let go here (the shards) or made only then
 * (the cards).
 */
export function* searchFiles(model: SiteModel, options: SearchFilesOptions = {}): Generator<OutputFile> {
  const inputs: Partial<SearchInputs> = searchInputs(model, options)
  const { docs = [], words = [] } = inputs
  const shards = docs.length === 0 ? noShards() : termShardFiles(inputs.terms ?? [], shardOptions(inputs, words, options))
  // Every story's tokens are let go once the shards are made.
  delete inputs.terms
  delete inputs.kept
  const docCount = docs.length
  yield* cardAndFacetFiles(docs, options, undefined)
  yield* termFiles(model, shards, words, docCount, options)
}

/**
 * The same files, the term shards made on a worker thread that starts at once, without
 * blocking this one: the cards and facets come while it works, and the build goes on
 * handing page groups to the render threads.
 */
export function searchFilesAsync(model: SiteModel, options: SearchFilesOptions = {}): AsyncIterable<OutputFile | LazyFile> {
  const inputs: Partial<SearchInputs> = searchInputs(model, options)
  const { docs = [], words = [] } = inputs
  const shards = docs.length === 0 ? Promise.resolve(noShards()) : termShardFilesAsync(inputs.terms ?? [], shardOptions(inputs, words, options))
  delete inputs.terms
  delete inputs.kept
  // Never an unhandled rejection while the cards are written; the error surfaces when awaited below.
  shards.catch(() => {})
  const docCount = docs.length
  const { textKeys } = inputs
  return (async function* () {
    yield* cardAndFacetFiles(docs, options, textKeys)
    yield* termFiles(model, await shards, words, docCount, options)
  })()
}

/** The search index's files, all at once (tests and small sites; the build takes them one by one from searchFilesAsync). */
export function renderSearchFiles(model: SiteModel, options: SearchFilesOptions = {}): OutputFile[] {
  return [...searchFiles(model, options)]
}
