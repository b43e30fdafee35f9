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

/** The names to index as words, sorted by code units: `names(doc)` are each story's names. */
export function chooseWords<T>(docs: readonly T[], names: (doc: T) => Iterable<string>, minDocs: number): string[] {
  const counts = new Map<string, number>()
  // Each distinct name normalised and checked once ('' when it cannot be a word): a few
  // thousand names recur over 283,000 mentions at 60,000 stories.
  const wordOf = new Map<string, string>()
  for (const doc of docs) {
    const seen = new Set<string>()
    for (const name of names(doc)) {
      let word = wordOf.get(name)
      if (word === undefined) {
        word = normalizeText(name)
        wordOf.set(name, (word = isIndexableWord(word) ? word : ''))
      }
      if (word === '' || seen.has(word)) continue
      seen.add(word)
      counts.set(word, (counts.get(word) ?? 0) + 1)
    }
  }
  return [...counts]
    .filter(([, count]) => count >= minDocs)
    .map(([word]) => word)
    .sort()
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
