// Writes the search index as files under `search/`:
//
//   search/entry.js               tiny, unhashed: versions, shard table, doc-chunk table, facet files
//   search/terms/<n>-<hash>.js    self-contained lunr indexes, one per term range (shard.ts)
//   search/docs/<n>-<hash>.js     result cards for doc numbers n*size … n*size+size-1
//   search/facets/<name>-<hash>.js  date per doc; person/topic name → doc numbers
//
// The page loads entry.js, then only the shards, cards and facets a query needs.

import createDebug from 'debug'
import type { OutputFile, SiteModel } from '../types.js'
import {
  SEARCH_DIR,
  SEARCH_ENTRY_FILE,
  SEARCH_FIELDS,
  SEARCH_FORMAT_VERSION,
  type DateFacet,
  type NameFacet,
  type SearchEntry,
} from './format.js'
import { hashedScriptEmitter, registeringScript } from './script-file.js'
import { collectSearchDocs, type SearchDoc } from './search-docs.js'
import { DEFAULT_SHARD_BUDGET } from './shard.js'
import { termShardFiles } from './term-index-thread.js'
import { TOKENIZER_VERSION, normalizeText } from './tokenizer.js'

export interface SearchFilesOptions {
  /** Encoded numbers per term shard (see shard.ts). */
  shardBudget?: number
  /** Build the term shards on a worker thread (default: for large archives when running from source). */
  termWorker?: boolean
  /** Result cards per doc chunk. */
  docChunkSize?: number
}

const DEFAULT_DOC_CHUNK_SIZE = 100

const debug = createDebug('archive:search')

function nameFacet(docs: readonly SearchDoc[], names: (doc: SearchDoc) => string[]): NameFacet {
  const postings = new Map<string, Set<number>>()
  for (const doc of docs) {
    for (const name of names(doc)) {
      const key = normalizeText(name)
      if (key === '') continue
      let set = postings.get(key)
      if (!set) postings.set(key, (set = new Set()))
      set.add(doc.ref)
    }
  }
  const facet: NameFacet = {}
  for (const key of [...postings.keys()].sort()) facet[key] = [...postings.get(key)!].sort((a, b) => a - b)
  return facet
}

export function renderSearchFiles(model: SiteModel, options: SearchFilesOptions = {}): OutputFile[] {
  const budget = options.shardBudget ?? DEFAULT_SHARD_BUDGET
  const chunkSize = options.docChunkSize ?? DEFAULT_DOC_CHUNK_SIZE
  const docs = collectSearchDocs(model)
  const files: OutputFile[] = []
  const emit = hashedScriptEmitter(files, SEARCH_DIR)

  const started = performance.now()
  const shards = docs.length === 0 ? [] : termShardFiles(docs, budget, options.termWorker)
  const shardRefs = shards.map((shard) => {
    files.push({ path: `${SEARCH_DIR}/${shard.name}`, contents: shard.bytes })
    return { from: shard.from, to: shard.to, file: shard.name }
  })
  debug(
    'term shards: %d stories, %d shards, %d bytes in %d ms',
    docs.length,
    shards.length,
    shards.reduce((n, shard) => n + shard.bytes.length, 0),
    Math.round(performance.now() - started),
  )

  const docChunks: string[] = []
  for (let start = 0; start < docs.length; start += chunkSize) {
    docChunks.push(emit(`docs/${start / chunkSize}`, docs.slice(start, start + chunkSize).map((doc) => doc.card)))
  }

  const dates: DateFacet = docs.map((doc) => doc.card.date)
  const entry: SearchEntry = {
    format: SEARCH_FORMAT_VERSION,
    tokenizer: TOKENIZER_VERSION,
    docCount: docs.length,
    fields: [...SEARCH_FIELDS],
    shards: shardRefs,
    docChunkSize: chunkSize,
    docChunks,
    facets: {
      date: emit('facets/date', dates),
      person: emit('facets/person', nameFacet(docs, (doc) => doc.people)),
      topic: emit('facets/topic', nameFacet(docs, (doc) => doc.topics)),
    },
  }
  files.push({ path: `${SEARCH_DIR}/${SEARCH_ENTRY_FILE}`, contents: registeringScript(SEARCH_ENTRY_FILE, entry) })
  debug('search files: %d in %d ms', files.length, Math.round(performance.now() - started))
  return files
}
