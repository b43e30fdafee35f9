// Whole words indexed as terms of their own, beside the CJK characters and bigrams.
//
// Why: a query is looked up by the tokens that cover it (phrase.ts coverTokens). For a
// common word such as 安全生产 those were two of the archive's largest posting lists (安全,
// 生产), positions and all, about a megabyte at 100,000 stories, although only the stories
// holding the whole word matter. Indexed as one term, the word's list holds exactly those
// stories, and the query needs nothing else.
//
// Exactness is kept because a word is indexed at every place its text occurs in a field's
// normalised text, whatever the context (term-index.ts derives those places from the
// bigram chain, tokenizer.ts from the text; tests prove both agree). So a word token at an
// offset means just what the bigrams at its offsets mean, and the phrase check still works.
//
// Which words: the names the archive itself gives its stories — assigned topics,
// organizations and people — that are tagged on at least `minDocs` stories. Those are what
// readers search for and what the search page's facets link to; pure frequency mining over
// the text picks template phrases (业工作时, 细了解企) that nobody types and that would
// double the index. Only words of 3–12 CJK characters of the Basic Multilingual Plane: two
// characters are a bigram already, and a BMP word is one UTF-16 unit per character, so its
// bigrams sit at consecutive offsets.

import { isCjk, normalizeText } from './tokenizer.js'

export const WORD_MIN_LENGTH = 3
export const WORD_MAX_LENGTH = 12

/** Stories a name must be tagged on to become an indexed word, by archive size: 0.2 %, at least 20. */
export function defaultWordMinDocs(docCount: number): number {
  return Math.max(20, Math.ceil(docCount * 0.002))
}

/** Whether `text` (normalised) can be an indexed word: 3–12 CJK characters, none outside the BMP. */
export function isIndexableWord(text: string): boolean {
  if (text.length < WORD_MIN_LENGTH || text.length > WORD_MAX_LENGTH) return false
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if ((unit >= 0xd800 && unit <= 0xdfff) || !isCjk(text[i]!)) return false
  }
  return true
}

/**
 * The names to index as words, sorted by code units, from the tables the build makes anyway
 * (search/facet-files.ts facetTables): each name → the ascending numbers of the docs tagged
 * with it. A word's docs are those of every name, in any table, that normalises to it: counted
 * from the ~33,000 names' lists rather than from each of ~400,000 mentions again (~0.2 s of a
 * rebuild at 60,000 stories).
 */
export function chooseWordsOf(tables: Iterable<ReadonlyMap<string, readonly number[]>>, minDocs: number): string[] {
  const byWord = new Map<string, (readonly number[])[]>()
  for (const table of tables) {
    for (const [name, refs] of table) {
      const word = normalizeText(name)
      if (!isIndexableWord(word)) continue
      const lists = byWord.get(word)
      if (lists) lists.push(refs)
      else byWord.set(word, [refs])
    }
  }
  const words: string[] = []
  for (const [word, lists] of byWord) if (docsIn(lists, minDocs) >= minDocs) words.push(word)
  return words.sort()
}

/** How many distinct numbers the ascending lists hold together, counted up to `enough`. */
function docsIn(lists: readonly (readonly number[])[], enough: number): number {
  if (lists.length === 1) return lists[0]!.length
  if (lists.reduce((n, list) => n + list.length, 0) < enough) return 0
  const all = new Set<number>()
  for (const list of lists) for (const ref of list) all.add(ref)
  return all.size
}

/** A set of indexed words, looked up by their first two characters (a bigram of the text). */
export class WordSet {
  /** First bigram → the words starting with it, longest first. */
  readonly byFirstBigram = new Map<string, string[]>()
  readonly words: readonly string[]

  constructor(words: readonly string[]) {
    this.words = words
    for (const word of words) {
      if (!isIndexableWord(word)) throw new Error(`WordSet: ${JSON.stringify(word)} cannot be an indexed word`)
      const key = word.slice(0, 2)
      const list = this.byFirstBigram.get(key)
      if (list) list.push(word)
      else this.byFirstBigram.set(key, [word])
    }
    for (const list of this.byFirstBigram.values()) list.sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
  }

  /** The words occurring in `text` at `start`, longest first. */
  at(text: string, start: number): string[] {
    const candidates = this.byFirstBigram.get(text.slice(start, start + 2))
    if (!candidates) return []
    return candidates.filter((word) => text.startsWith(word, start))
  }
}

export const NO_WORDS = new WordSet([])
