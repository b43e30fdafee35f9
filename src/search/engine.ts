// Runs a query against the sharded index. Shared by the search page (files arrive through
// <script> tags) and the tests (files come from memory): the only environment-specific part
// is `SearchSource.load`.
//
// A query's terms are combined with AND. Each term is tokenized with the shared tokenizer;
// its tokens become REQUIRED lunr clauses (never lunr's query-string parser), routed to the
// shards whose term range holds them. Documents found in every shard are then confirmed:
// a term of several tokens must occur as one chain (see phrase.ts). Filters narrow the set.

import lunr from 'lunr'
import { loadIndex } from './lunr-index.js'
import { parseQuery, type ParsedQuery } from './query-syntax.js'
import { hasPhrase } from './phrase.js'
import { combineShardScores, expandShard, findShard } from './shard-reader.js'
import { normalizeText, tokenizeQuery, type Token } from './tokenizer.js'
import type { DateFacet, DocCard, FacetName, NameFacet, SearchEntry, ShardData } from './format.js'
import { FACET_ENTRY_FILE, FACET_FORMAT_VERSION, type FacetEntry } from './facet-format.js'

export interface SearchSource {
  entry: SearchEntry
  /** The data registered by `search/<file>`. Called at most once per file by the engine. */
  load(file: string): Promise<unknown>
}

export interface SearchHit {
  doc: number
  score: number
}

export type SearchOutcome =
  /** Nothing was typed. */
  | { status: 'empty' }
  /** The query has mistakes worth telling the reader about (e.g. an unreadable date). */
  | { status: 'invalid'; problems: string[] }
  /** Everything typed was symbols or emoji: nothing searchable is left. */
  | { status: 'unsearchable'; ignored: string[] }
  | {
      status: 'done'
      hits: SearchHit[]
      /** Terms dropped because they hold nothing searchable. */
      ignored: string[]
      /** Normalised terms to mark in titles and snippets. */
      highlight: string[]
    }

interface QueryTerm {
  text: string
  tokens: Token[]
}

interface Candidate {
  parts: Array<{ score: number; terms: number }>
  /** term → field → start offsets */
  starts: Map<string, Map<string, Set<number>>>
}

/** `relevance`: best first (the default); `date`: newest first by the date `date:` filters on. */
export type SortOrder = 'relevance' | 'date'

export interface FacetCount {
  name: string
  count: number
}

/** How the results spread over topics, people and years, most frequent first (years newest first). */
export interface FacetCounts {
  topics: FacetCount[]
  people: FacetCount[]
  years: FacetCount[]
}

export interface SearchEngine {
  search(query: string, options?: { sort?: SortOrder }): Promise<SearchOutcome>
  cards(docs: readonly number[]): Promise<DocCard[]>
  facetCounts(hits: readonly SearchHit[]): Promise<FacetCounts>
}

export function createSearchEngine(source: SearchSource): SearchEngine {
  const { entry } = source
  // One promise per file, so concurrent queries share a download (as Pagefind's loadChunk
  // does); a failed load is forgotten so the next query can try again.
  const memoize = <K, V>(make: (key: K) => Promise<V>) => {
    const cache = new Map<K, Promise<V>>()
    return (key: K): Promise<V> => {
      let pending = cache.get(key)
      if (!pending) {
        pending = make(key)
        cache.set(key, pending)
        pending.catch(() => cache.delete(key))
      }
      return pending
    }
  }
  const load = memoize((file: string) => source.load(file))
  // The data is our own build output (format.ts describes it).
  const shardIndex = memoize((shard: number) =>
    load(entry.shards[shard]!.file).then((data) => loadIndex(expandShard(data as ShardData))),
  )
  const facet = <T>(name: FacetName) => load(entry.facets[name]) as Promise<T>
  // facet-entry.js comes from the same build (facet-files.ts describes it).
  const extraFacet = async <T>(name: 'org' | 'people' | 'topics'): Promise<T> => {
    const extra = (await load(FACET_ENTRY_FILE)) as FacetEntry
    if (extra.format !== FACET_FORMAT_VERSION || extra.docCount !== entry.docCount) {
      throw new Error('搜索索引文件版本不一致，请重新生成网站')
    }
    return (await load(extra[name])) as T
  }

  async function matchTerms(terms: QueryTerm[]): Promise<Map<number, Candidate> | null> {
    const byShard = new Map<number, string[]>()
    for (const term of new Set(terms.flatMap((t) => t.tokens.map((token) => token.term)))) {
      const shard = findShard(entry.shards, term)
      // A term outside every shard's range is in no story, and every term is required.
      if (shard === -1) return null
      byShard.set(shard, [...(byShard.get(shard) ?? []), term])
    }
    const shardResults = await Promise.all(
      [...byShard].map(async ([shard, shardTerms]) => {
        const index = await shardIndex(shard)
        const results = index.query((q) => {
          for (const term of shardTerms) {
            q.term(term, { fields: entry.fields, presence: lunr.Query.presence.REQUIRED, usePipeline: false })
          }
        })
        return { results, terms: shardTerms.length }
      }),
    )
    let candidates: Map<number, Candidate> | null = null
    for (const { results, terms: termCount } of shardResults) {
      const next = new Map<number, Candidate>()
      for (const result of results) {
        const doc = Number(result.ref)
        // After the first shard, only documents every earlier shard found stay in the running.
        const previous: Candidate | undefined = candidates ? candidates.get(doc) : { parts: [], starts: new Map() }
        if (!previous) continue
        previous.parts.push({ score: result.score, terms: termCount })
        collectStarts(previous.starts, result.matchData)
        next.set(doc, previous)
      }
      candidates = next
    }
    return candidates
  }

  async function applyFilters(parsed: ParsedQuery, docs: number[]): Promise<number[]> {
    let kept = docs
    if (parsed.dateRange) {
      const { from, to } = parsed.dateRange
      const dates = await facet<DateFacet>('date')
      kept = kept.filter((doc) => dates[doc]! >= from && dates[doc]! <= to)
    }
    for (const [name, values] of [['person', parsed.people], ['topic', parsed.topics]] as const) {
      if (values.length === 0) continue
      const postings = await facet<NameFacet>(name)
      for (const value of values) {
        const allowed = new Set(postings[normalizeText(value)] ?? [])
        kept = kept.filter((doc) => allowed.has(doc))
      }
    }
    if (parsed.organizations.length > 0) {
      const postings = await extraFacet<NameFacet>('org')
      for (const value of parsed.organizations) {
        const allowed = new Set(postings[normalizeText(value)] ?? [])
        kept = kept.filter((doc) => allowed.has(doc))
      }
    }
    return kept
  }

  async function search(query: string, options: { sort?: SortOrder } = {}): Promise<SearchOutcome> {
    const parsed = parseQuery(query)
    if (parsed.problems.length > 0) return { status: 'invalid', problems: parsed.problems }
    const terms: QueryTerm[] = []
    const ignored: string[] = []
    for (const text of parsed.terms) {
      const tokens = tokenizeQuery(text)
      if (tokens.length === 0) ignored.push(text)
      else terms.push({ text: normalizeText(text), tokens })
    }
    const filtered =
      parsed.dateRange !== null || parsed.people.length > 0 || parsed.topics.length > 0 || parsed.organizations.length > 0
    if (terms.length === 0 && !filtered) return ignored.length > 0 ? { status: 'unsearchable', ignored } : { status: 'empty' }

    const scores = new Map<number, number>()
    let docs: number[]
    if (terms.length === 0) {
      docs = Array.from({ length: entry.docCount }, (_, doc) => doc)
    } else {
      const candidates = (await matchTerms(terms)) ?? new Map<number, Candidate>()
      docs = []
      for (const [doc, candidate] of candidates) {
        if (!terms.every((term) => occursAsWritten(term, candidate))) continue
        docs.push(doc)
        scores.set(doc, combineShardScores(candidate.parts))
      }
    }
    docs = await applyFilters(parsed, docs)
    // Best first; equal scores keep doc order, which is newest issue first.
    const hits = docs.map((doc) => ({ doc, score: scores.get(doc) ?? 0 })).sort((a, b) => b.score - a.score || a.doc - b.doc)
    if (options.sort === 'date' && hits.length > 1) {
      const dates = await facet<DateFacet>('date')
      // Newest first; a day's stories keep doc order (issue, then page, then place on the page).
      hits.sort((a, b) => (dates[a.doc]! < dates[b.doc]! ? 1 : dates[a.doc]! > dates[b.doc]! ? -1 : a.doc - b.doc))
    }
    return { status: 'done', hits, ignored, highlight: terms.map((t) => t.text) }
  }

  async function cards(docs: readonly number[]): Promise<DocCard[]> {
    const chunks = [...new Set(docs.map((doc) => Math.floor(doc / entry.docChunkSize)))]
    const loaded = new Map<number, DocCard[]>()
    await Promise.all(chunks.map(async (chunk) => loaded.set(chunk, (await load(entry.docChunks[chunk]!)) as DocCard[])))
    return docs.map((doc) => loaded.get(Math.floor(doc / entry.docChunkSize))![doc % entry.docChunkSize]!)
  }

  async function facetCounts(hits: readonly SearchHit[]): Promise<FacetCounts> {
    const found = new Set(hits.map((hit) => hit.doc))
    const [topics, people, dates] = await Promise.all([
      extraFacet<NameFacet>('topics'),
      extraFacet<NameFacet>('people'),
      facet<DateFacet>('date'),
    ])
    const years = new Map<string, number>()
    for (const doc of found) {
      const year = dates[doc]!.slice(0, 4)
      years.set(year, (years.get(year) ?? 0) + 1)
    }
    return {
      topics: countIn(topics, found),
      people: countIn(people, found),
      years: [...years].map(([name, count]) => ({ name, count })).sort((a, b) => (a.name < b.name ? 1 : -1)),
    }
  }

  return { search, cards, facetCounts }
}

/** Names with at least one doc of `found`, most docs first, then by name (code units, so the order is the same everywhere). */
function countIn(postings: NameFacet, found: ReadonlySet<number>): FacetCount[] {
  const counts: FacetCount[] = []
  for (const [name, docs] of Object.entries(postings)) {
    let count = 0
    for (const doc of docs) if (found.has(doc)) count++
    if (count > 0) counts.push({ name, count })
  }
  return counts.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

function collectStarts(into: Candidate['starts'], matchData: lunr.MatchData): void {
  // lunr types metadata as `object`; it is term → field → whitelisted metadata.
  const metadata = matchData.metadata as Record<string, Record<string, { position?: Array<[number, number]> }>>
  for (const [term, fields] of Object.entries(metadata)) {
    let byField = into.get(term)
    if (!byField) into.set(term, (byField = new Map()))
    for (const [field, data] of Object.entries(fields)) {
      let starts = byField.get(field)
      if (!starts) byField.set(field, (starts = new Set()))
      for (const [start] of data.position ?? []) starts.add(start)
    }
  }
}

/** A single token needs no check (it was REQUIRED); longer terms must form a chain within one field. */
function occursAsWritten(term: QueryTerm, candidate: Candidate): boolean {
  if (term.tokens.length === 1) return true
  const fields = new Set<string>()
  for (const token of term.tokens) for (const field of candidate.starts.get(token.term)?.keys() ?? []) fields.add(field)
  for (const field of fields) {
    const starts = new Map<string, Set<number>>()
    for (const token of term.tokens) {
      const found = candidate.starts.get(token.term)?.get(field)
      if (found) starts.set(token.term, found)
    }
    if (hasPhrase(term.tokens, starts)) return true
  }
  return false
}
