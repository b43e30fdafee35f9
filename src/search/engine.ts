// Runs a query against the sharded index. Shared by the search page (files arrive through
// <script> tags) and the tests (files come from memory): the only environment-specific part
// is `SearchSource.load`.
//
// A query's terms are combined with AND. Each term is tokenized with the shared tokenizer
// and the index's whole words (entry.words, words.ts); the tokens that cover it (phrase.ts
// coverTokens: `疫情` and `防控` for `疫情防控`, or `疫情防控` alone when the index holds it as a
// word) become REQUIRED lunr clauses (never lunr's query-string parser), scored as lunr's
// Index#query scores them from the postings of exactly those tokens (rank.ts), which is how
// one index over the whole archive would score them. Documents found are then confirmed: a
// term of several tokens must occur as one chain (see phrase.ts). Filters narrow the set. The
// whole result set is counted and ranked; cards (the text) load only for the results on screen.

import { parseQuery, type DateRange, type ParsedQuery } from './query-syntax.js'
import { coverTokens, hasPhrase } from './phrase.js'
import { findShard, findTerm } from './shard-reader.js'
import { byRelevance, scoreRequired, startsIn, unpackTerm, type TermPart, type TermPostings } from './rank.js'
import { normalizeText, tokenizeQuery, type Token } from './tokenizer.js'
import { cardFile, entryStats, wordFiles, wordTopFile, type DocCard, type TopCardsData, type PositionData, type SearchEntry, type ShardData, type ShardDirectory } from './format.js'
import { createFacetReader, type FacetCount } from './facet-reader.js'
import { WordSet } from './words.js'

export type { FacetCount } from './facet-reader.js'

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

/** `relevance`: best first (the default); `date`: newest first by the date `date:` filters on. */
export type SortOrder = 'relevance' | 'date'

/**
 * How the results spread over topics, people and years, most frequent first (years newest
 * first). Topics and people are null when not asked for: counting them reads every name
 * table, which in a large archive is more than the rest of a query together.
 */
export interface FacetCounts {
  topics: FacetCount[] | null
  people: FacetCount[] | null
  years: FacetCount[]
}

/**
 * A query's first page of results as the build ranked it (top-cards.ts), before the postings
 * that rank it have arrived: the same documents in the same order as the first page of
 * `search`, and the same count.
 */
export interface FirstPage {
  docs: number[]
  count: number
  ignored: string[]
  highlight: string[]
}

export interface SearchEngine {
  search(query: string, options?: { sort?: SortOrder }): Promise<SearchOutcome>
  /** The first page of a query that is one indexed word (by relevance, unfiltered), from its top-cards file; null for any other query. */
  firstPage(query: string, options?: { sort?: SortOrder }): Promise<FirstPage | null>
  cards(docs: readonly number[]): Promise<DocCard[]>
  /** One card, so a page of results can be shown as its cards arrive. */
  card(doc: number): Promise<DocCard>
  /** Years always; topics and people with `names` (see FacetCounts). */
  facetCounts(hits: readonly SearchHit[], options?: { names?: boolean }): Promise<FacetCounts>
  /** Bytes that counting topics and people downloads (nothing more once it has been done). */
  nameCountBytes(): Promise<number>
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
  // The data is our own build output (format.ts describes it).
  const load = memoize((file: string) => source.load(file))
  const facets = createFacetReader(load, entry.docCount)
  const stats = entryStats(entry)
  const words = new WordSet(entry.words)
  // A word's shards are named in entry.js: no directory to load first.
  // A word's files are spelled out when a query needs them, not for all words at start.
  const wordIndex = new Map(entry.words.map((word, i) => [word, i] as const))
  const wordShards = {
    /** The word's shard files, one per tier ([] when no tier holds it), and its top-cards file; undefined when it is no indexed word. */
    get(word: string): { shards: Array<ReturnType<typeof wordFiles> | null>; top: string | null } | undefined {
      const i = wordIndex.get(word)
      if (i === undefined) return undefined
      return {
        shards: entry.tiers.map((tier, t) => {
          const ref = tier.wordShards[i]
          return ref ? wordFiles(ref, t) : null
        }),
        top: wordTopFile(entry, i),
      }
    },
  }
  // Top-cards files (top-cards.ts) on their way: cards wait for them rather than request
  // what they are about to register. A failed one only leaves its cards to load one by one.
  const topLoads = new Set<Promise<unknown>>()
  function prefetchTopCards(file: string): void {
    const pending = load(file).catch(() => undefined)
    topLoads.add(pending)
    void pending.then(() => topLoads.delete(pending))
  }

  /** The files of `term`'s shard in tier `t`, or null when none of the tier's shards holds it: a directory, then the shard; for an indexed word (`word`, wordShards.get), named in entry.js. */
  async function shardOf(term: string, word: ReturnType<typeof wordShards.get>, t: number): Promise<readonly [file: string, positions: string] | null> {
    if (word) {
      const files = word.shards[t]
      return files ? [files.file, files.positions] : null
    }
    const dirs = entry.tiers[t]!.shardDirs
    const dir = findShard(dirs, term)
    if (dir === -1) return null
    const shards = (await load(dirs[dir]!.file)) as ShardDirectory
    const shard = findShard(shards, term)
    return shard === -1 ? null : [shards[shard]!.file, shards[shard]!.positions]
  }

  /**
   * A term's packed postings in each tier that holds it (tier order), and with `withPositions`
   * their packed positions, or null when no story holds it: per tier two lookups, directory
   * then shard (its positions file loads alongside); one for an indexed word.
   */
  async function postingsOf(term: string, withPositions: boolean): Promise<TermPart[] | null> {
    const word = wordShards.get(term)
    const parts = await Promise.all(
      entry.tiers.map(async (_, t): Promise<TermPart | null> => {
        const ref = await shardOf(term, word, t)
        if (ref === null) return null
        const [data, positions] = await Promise.all([load(ref[0]) as Promise<ShardData>, withPositions ? (load(ref[1]) as Promise<PositionData>) : null])
        const at = findTerm(data.terms, term)
        if (at === -1) return null
        return { postings: data.postings[at]!, positions: positions ? positions.positions[at]! : null }
      }),
    )
    const held = parts.filter((part): part is TermPart => part !== null)
    return held.length === 0 ? null : held
  }

  /** Documents holding every term as written, with lunr's score (rank.ts). */
  async function matchTerms(terms: QueryTerm[]): Promise<Map<number, number>> {
    const unique = [...new Set(terms.flatMap((t) => t.tokens.map((token) => token.term)))]
    // Positions only confirm that a term of several tokens occurs as written (occursAsWritten).
    const chained = new Set(terms.flatMap((t) => (t.tokens.length > 1 ? t.tokens.map((token) => token.term) : [])))
    const located = await Promise.all(unique.map((term) => postingsOf(term, chained.has(term))))
    // Every term is required: one that no story holds leaves nothing.
    if (located.some((postings) => postings === null)) return new Map()
    const fieldCount = entry.fields.length
    const clauses = unique.map((term, i) => unpackTerm(term, located[i]!, stats))
    const byTerm = new Map(clauses.map((clause) => [clause.term, clause]))
    const scores = scoreRequired(clauses, fieldCount)
    const chains = terms.filter((term) => term.tokens.length > 1)
    if (chains.length > 0) for (const doc of scores.keys()) if (!chains.every((term) => occursAsWritten(term, doc, byTerm, fieldCount))) scores.delete(doc)
    return scores
  }

  /** Docs whose date falls in `range`: whole years from the year runs alone, finer ranges from the dates. */
  async function inDateRange(docs: number[], { from, to }: DateRange): Promise<number[]> {
    if (from.endsWith('-01-01') && to.endsWith('-12-31')) {
      const years = await facets.years()
      const [first, last] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))]
      return docs.filter((doc) => years[doc]! >= first && years[doc]! <= last)
    }
    const dates = await facets.dates()
    return docs.filter((doc) => dates[doc]! >= from && dates[doc]! <= to)
  }

  async function applyFilters(parsed: ParsedQuery, docs: number[]): Promise<number[]> {
    let kept = docs
    if (parsed.dateRange) kept = await inDateRange(kept, parsed.dateRange)
    const filters = [
      ...parsed.people.map((value) => ['person', value] as const),
      ...parsed.topics.map((value) => ['topic', value] as const),
      ...parsed.organizations.map((value) => ['org', value] as const),
    ]
    for (const [facet, value] of filters) {
      const allowed = new Set(await facets.docsWith(facet, normalizeText(value)))
      kept = kept.filter((doc) => allowed.has(doc))
    }
    return kept
  }

  /** The query's terms and filters; `top`: the top-cards file that holds its first page, if one does. */
  function prepare(query: string, options: { sort?: SortOrder }) {
    const parsed = parseQuery(query)
    const terms: QueryTerm[] = []
    const ignored: string[] = []
    for (const text of parsed.terms) {
      // Only the tokens that cover the term are looked up and scored (phrase.ts coverTokens).
      const tokens = coverTokens(tokenizeQuery(text, words))
      if (tokens.length === 0) ignored.push(text)
      else terms.push({ text: normalizeText(text), tokens })
    }
    const filtered =
      parsed.dateRange !== null || parsed.people.length > 0 || parsed.topics.length > 0 || parsed.organizations.length > 0
    // A lone indexed word listed by relevance: its first page is what its top-cards file holds.
    const lone = terms.length === 1 && terms[0]!.tokens.length === 1 ? wordShards.get(terms[0]!.tokens[0]!.term) : undefined
    const top = parsed.problems.length === 0 && !filtered && options.sort !== 'date' ? (lone?.top ?? null) : null
    const shards = (lone?.shards ?? []).flatMap((files) => (files ? [files.file] : []))
    return { parsed, terms, ignored, filtered, top, shards, highlight: terms.map((t) => t.text) }
  }

  async function firstPage(query: string, options: { sort?: SortOrder } = {}): Promise<FirstPage | null> {
    const { top, shards, ignored, highlight } = prepare(query, options)
    if (top === null) return null
    prefetchTopCards(top)
    // The postings that rank the rest start on their way too; search() reads them from here.
    for (const shard of shards) load(shard).catch(() => undefined)
    const data = (await load(top)) as TopCardsData
    return { docs: data.docs, count: data.count, ignored, highlight }
  }

  async function search(query: string, options: { sort?: SortOrder } = {}): Promise<SearchOutcome> {
    const { parsed, terms, ignored, filtered, top, highlight } = prepare(query, options)
    if (parsed.problems.length > 0) return { status: 'invalid', problems: parsed.problems }
    if (terms.length === 0 && !filtered) return ignored.length > 0 ? { status: 'unsearchable', ignored } : { status: 'empty' }
    if (top !== null) prefetchTopCards(top)

    let scores = new Map<number, number>()
    let docs: number[]
    if (terms.length === 0) {
      docs = Array.from({ length: entry.docCount }, (_, doc) => doc)
    } else {
      scores = await matchTerms(terms)
      docs = [...scores.keys()]
    }
    docs = await applyFilters(parsed, docs)
    const hits = docs.map((doc) => ({ doc, score: scores.get(doc) ?? 0 })).sort(byRelevance)
    if (options.sort === 'date' && hits.length > 1) {
      const dates = await facets.dates()
      // Newest first; a day's stories newest issue first, in reverse doc order.
      hits.sort((a, b) => (dates[a.doc]! < dates[b.doc]! ? 1 : dates[a.doc]! > dates[b.doc]! ? -1 : b.doc - a.doc))
    }
    return { status: 'done', hits, ignored, highlight }
  }

  /** The cards of `docs`: one small file each, so a page of results loads only what it shows. */
  async function card(doc: number): Promise<DocCard> {
    if (topLoads.size > 0) await Promise.all(topLoads)
    return (await load(cardFile(doc, entry.cardFolderSize))) as DocCard
  }
  async function cards(docs: readonly number[]): Promise<DocCard[]> {
    return Promise.all(docs.map(card))
  }

  async function facetCounts(hits: readonly SearchHit[], options: { names?: boolean } = {}): Promise<FacetCounts> {
    const found = new Set(hits.map((hit) => hit.doc))
    const names = options.names ?? true
    const [topics, people, years] = await Promise.all([
      names ? facets.counts('topicNames', found) : null,
      names ? facets.counts('peopleNames', found) : null,
      facets.years(),
    ])
    const perYear = new Map<number, number>()
    for (const doc of found) perYear.set(years[doc]!, (perYear.get(years[doc]!) ?? 0) + 1)
    return {
      topics,
      people,
      years: [...perYear].sort((a, b) => b[0] - a[0]).map(([year, count]) => ({ name: String(year), count })),
    }
  }

  return { search, firstPage, cards, card, facetCounts, nameCountBytes: () => facets.countBytes() }
}

/** A term of several tokens must form a chain within one field (a single token needs no check: it was REQUIRED). */
function occursAsWritten(term: QueryTerm, doc: number, postings: ReadonlyMap<string, TermPostings>, fieldCount: number): boolean {
  for (let field = 0; field < fieldCount; field++) {
    const starts = new Map<string, Set<number>>()
    for (const token of term.tokens) {
      const found = startsIn(postings.get(token.term)!, doc, field)
      if (found.length > 0) starts.set(token.term, new Set(found))
    }
    if (hasPhrase(term.tokens, starts)) return true
  }
  return false
}
