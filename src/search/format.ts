// Shapes of the files under `search/` in the output. The build writes them and the search page
// reads them; both import these types so the two sides cannot drift apart silently.
//
// Sizes are what drive this layout: at 100,000 stories a query must load a few hundred
// kilobytes, not megabytes. So every table the page needs at start is small (entry.js), every
// big table is split so one lookup loads one small piece (a directory of shards, then one
// shard), numbers are packed (varint.ts) instead of JSON arrays, and the text of a story is
// loaded only when its result is on screen (one card file per story).

/** Bump when the layout of the files below changes. */
export const SEARCH_FORMAT_VERSION = 9

/** Folder of the search files in the output, and the one file the search page names. */
export const SEARCH_DIR = 'search'
export const SEARCH_ENTRY_FILE = 'entry.js'
/** The id of the search page's JSON data block holding what entry.js holds (client/page-entry.ts). */
export const SEARCH_ENTRY_ELEMENT_ID = 'search-entry'
/** The id of the search page's head script (client/early.ts), written into the page. */
export const SEARCH_EARLY_ELEMENT_ID = 'search-early'

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

/** A term shard: its range, its postings file and the file of its positions. */
export interface ShardFileRef extends ShardRef {
  /** File name of the shard's PositionData, relative to `search/`. */
  positions: string
}

/**
 * `search/terms/dir-<tier>-<n>-<hash>.js`: the refs of a run of consecutive shards of one
 * tier. entry.js lists the directories by the term range they cover, so the page finds a
 * term's shard with two small files instead of one table of every shard (92 kB at 100,000 stories).
 */
export type ShardDirectory = ShardFileRef[]

/**
 * `search/terms/<tier>-<n>-<hash>.js`: one term range of one tier (TermTier), what ranking needs.
 *
 * `postings[t]` is term `terms[t]` packed (varint.ts): for each field of entry.fields in
 * order, the number of the tier's documents holding the term in that field, then per document
 * `docDelta, length, count`. Doc numbers ascend and are stored as the gap from the previous
 * one (the first from 0); `length` is how many tokens that field of that document has (lunr's
 * field length); `count` is how often the term occurs there. These are raw counts, not lunr's
 * weights: a weight depends on the number of stories, the term's document frequency and the
 * fields' average lengths, which every new story changes, so the page computes it (rank.ts
 * fieldWeight, with IndexStats from entry.js) exactly as lunr.Builder would have, and a
 * story's postings stay the same bytes while the archive grows around it.
 */
export interface ShardData {
  /** Sorted by UTF-16 code units. */
  terms: string[]
  postings: string[]
}

/**
 * `search/terms/pos-<tier>-<n>-<hash>.js`: where the terms of shard `n` occur, loaded only to confirm
 * that a query word of several tokens occurs as written (phrase.ts). Apart from ShardData
 * because most queries never need them: a word the index holds whole is one token, and
 * positions were more than half of a common term's bytes.
 *
 * `positions[t]` belongs to ShardData `terms[t]`: for each field, for each document in the
 * order of `postings[t]`, its `count` start offsets (in the normalised field text),
 * ascending, stored as gaps.
 */
export interface PositionData {
  positions: string[]
}

/** `search/entry.js`: small and unhashed, the only file the page names. */
export interface SearchEntry {
  format: number
  tokenizer: number
  docCount: number
  fields: SearchField[]
  /** lunr's average field length of each of `fields` over all `docCount` stories (the weights' length normalisation, rank.ts). */
  averageFieldLengths: number[]
  /** lunr's boost of each of `fields`. */
  fieldBoosts: number[]
  /** The term index in parts by story, oldest stories first (TermTier). */
  tiers: TermTier[]
  /** Docs per folder of card files (see cardFile). */
  cardFolderSize: number
  /**
   * Words indexed as whole terms besides characters and bigrams (words.ts), sorted. The page
   * tokenizes a query with them, so a query containing one looks up its one posting list
   * instead of its bigrams' (phrase.ts coverTokens picks the longest).
   */
  words: string[]
  /** For each of `words`, the hash of its file of its first results' cards (top-cards.ts, topCardsFile), null when it has none. */
  wordTops: Array<string | null>
}

/**
 * The term index of a run of stories: the stories of the newest year, and all the ones before
 * (a clean build cuts them the same way). Each tier is weighed with the whole index's numbers
 * (the counts in the shards do not depend on them), so a query scores as on one index, and a
 * term's postings are its postings in every tier, in tier order. Adding an issue to the newest
 * year then rewrites that year's shards alone; the older tier's files stay as they are until
 * the year turns.
 */
export interface TermTier {
  /** The tier's first doc number: it holds the docs from here to the next tier's first (the last tier, to docCount). */
  from: number
  /** Shard directories (ShardDirectory files), by the term range each covers (sorted, disjoint). */
  shardDirs: ShardRef[]
  /**
   * For each of the entry's `words`, its shard in this tier as `<n>-<hash>-<positions hash>`,
   * null when no shard of the tier holds it. wordFiles makes the file names of it. A query for
   * a word — a person or topic most often — then loads its shards (and its top cards) straight
   * away instead of first a directory: one round trip less before the first result. Written
   * short because entry.js loads before every first query, and most words have a shard of
   * their own.
   */
  wordShards: Array<string | null>
}

/** What ranking takes from entry.js besides the postings (rank.ts fieldWeight): the whole index's numbers. */
export interface IndexStats {
  documentCount: number
  averageFieldLengths: readonly number[]
  fieldBoosts: readonly number[]
}

/** IndexStats of an entry. */
export function entryStats(entry: Pick<SearchEntry, 'docCount' | 'averageFieldLengths' | 'fieldBoosts'>): IndexStats {
  return { documentCount: entry.docCount, averageFieldLengths: entry.averageFieldLengths, fieldBoosts: entry.fieldBoosts }
}

/** Results the search page lists at a time; a word's top-cards file holds the cards of its first page. */
export const RESULTS_PAGE_SIZE = 20

/**
 * What `search/top/<word index>-<hash>.js` registers under its own name, after the cards of
 * the first results of the query that is entry.words[index] alone (top-cards.ts).
 */
export interface TopCardsData {
  /** How many stories the query finds. */
  count: number
  /** Its first RESULTS_PAGE_SIZE results, in the order the page lists them (relevance). */
  docs: number[]
}

/** `search/top/<word index>-<hash>.js`: the cards of the first results of entry.words[index] (top-cards.ts). */
export function topCardsFile(wordIndex: number, hash: string): string {
  return `top/${wordIndex}-${hash}.js`
}

/** The files a TermTier wordShards ref names for tier `tier`: the word's shard and the shard's positions. */
export function wordFiles(ref: string, tier: number): { file: string; positions: string } {
  const [n, hash, positionsHash] = ref.split('-')
  return { file: `terms/${tier}-${n}-${hash}.js`, positions: `terms/pos-${tier}-${n}-${positionsHash}.js` }
}

/** The TermTier wordShards ref of a shard's two files (the inverse of wordFiles). */
export function wordShardRef(file: string, positions: string): string {
  const postings = /^terms\/(\d+)-(\d+)-([0-9a-f]+)\.js$/.exec(file)
  const located = /^terms\/pos-(\d+)-(\d+)-([0-9a-f]+)\.js$/.exec(positions)
  if (!postings || !located || postings[1] !== located[1] || postings[2] !== located[2]) throw new Error(`wordShardRef: unexpected shard file names ${file}, ${positions}`)
  return `${postings[2]}-${postings[3]}-${located[3]}`
}

/** The top-cards file of the word `wordIndex` of an entry, or null. */
export function wordTopFile(entry: Pick<SearchEntry, 'wordTops'>, wordIndex: number): string | null {
  const hash = entry.wordTops[wordIndex]
  return hash ? topCardsFile(wordIndex, hash) : null
}

/**
 * `search/docs/<folder>/<doc>.js`: one story's card. Named by doc number, so the page needs no
 * table to find it (a table of 100,000 content-hashed names would cost more than the cards a
 * query shows). Doc numbers count stories oldest issue first, so adding the newest issue
 * leaves every existing card file as it was.
 */
export function cardFile(doc: number, folderSize: number): string {
  return `docs/${Math.floor(doc / folderSize)}/${doc}.js`
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

/** Global variable the self-registering scripts call: `self.__archiveSearch.add(file, data)`. */
export const REGISTRY_GLOBAL = '__archiveSearch'
