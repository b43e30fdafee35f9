// Shapes of the files under `search/` in the output. The build writes them and the search page
// reads them; both import these types so the two sides cannot drift apart silently.

/** Bump when the layout of the files below changes. */
export const SEARCH_FORMAT_VERSION = 2

/** Folder of the search files in the output, and the one file the search page names. */
export const SEARCH_DIR = 'search'
export const SEARCH_ENTRY_FILE = 'entry.js'

/** The lunr fields every story is indexed under. */
export const SEARCH_FIELDS = ['title', 'body'] as const
export type SearchField = (typeof SEARCH_FIELDS)[number]

export interface ShardRef {
  /** First term in the shard (terms are sorted by UTF-16 code units, as lunr sorts them). */
  from: string
  /** Last term in the shard. */
  to: string
  /** File name relative to `search/`. */
  file: string
}

/**
 * `search/terms/*.js`: one term range, compact. lunr's own JSON spends ~60 bytes per posting;
 * this spends ~10, and the page expands it into lunr's form before `Index.load`
 * (shard-reader.ts).
 *
 * `postings[t][f]` lists, for term `terms[t]` in field `fields[f]`, one group per document:
 * `docDelta, score, count, startDelta × count`. Doc numbers ascend and are stored as the gap
 * from the previous one (the first from 0); `score` is the term's weight in that document's
 * field vector in thousandths (lunr rounds weights to three decimals, so this is exact);
 * starts ascend and are stored as gaps the same way.
 */
export interface ShardData {
  fields: string[]
  /** Sorted by UTF-16 code units. */
  terms: string[]
  postings: number[][][]
}

export type FacetName = 'date' | 'person' | 'topic'

/** `search/entry.js`: small and unhashed, the only file the page names. */
export interface SearchEntry {
  format: number
  tokenizer: number
  docCount: number
  fields: SearchField[]
  shards: ShardRef[]
  /** Doc cards are stored in chunks of this many consecutive doc numbers. */
  docChunkSize: number
  docChunks: string[]
  facets: Record<FacetName, string>
}

/** What a result needs for display, plus the indexed text the snippet is cut from. */
export interface DocCard {
  id: string
  /** Relative to the output root. */
  url: string
  title: string
  column: string | null
  /** Event date, falling back to the issue date. */
  date: string
  issueDate: string
  page: number
  /** The `title` field text as indexed. */
  titleText: string
  /** The `body` field text as indexed. */
  body: string
}

/** `search/facets/date-*.js`: the effective date of each doc, indexed by doc number. */
export type DateFacet = string[]

/** `search/facets/person-*.js` and `topic-*.js`: normalised name → sorted doc numbers. */
export type NameFacet = Record<string, number[]>

/** Global variable the self-registering scripts call: `self.__archiveSearch.add(file, data)`. */
export const REGISTRY_GLOBAL = '__archiveSearch'
