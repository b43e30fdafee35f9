import { deserialize, serialize } from 'node:v8'
import { VFile } from 'vfile'
import { normalizePage } from '../normalize/index.js'
import { segmentPage } from '../segment/index.js'
import { docTerms, docTermsKey, type DocTerms } from '../search/doc-terms.js'
import { SEARCH_FIELDS } from '../search/format.js'
import { storySearchFields } from '../search/search-docs.js'
import { tagStory, type StoryHits } from '../tag/index.js'
import type { PersonHit } from '../tag/people.js'
import type { Taxonomy } from '../tag/types.js'
import type { RawPage, SegmentedPage } from '../types.js'
import { packPageLines, pageForTransit, sealPacked, unsealedPage, type PageInTransit, type StoredPacking } from '../segment/packed-lines.js'
import { packStory } from '../segment/packed-paragraphs.js'
import { plainMessages, type PlainMessage } from '../messages.js'

export interface PageResult {
  page: SegmentedPage | null
  /** Per story, the people its own text shows, for the archive-wide pass. */
  hits: StoryHits
  /** Per story, its search index terms under their cache key (search/doc-terms.ts). */
  terms: { key: string; terms: DocTerms }[]
  messages: PlainMessage[]
}

/** A story's search terms, made here because tokenizing grows with the archive's text and parallelizes like segmenting. */
function storyTerms(story: SegmentedPage['stories'][number]): { key: string; terms: DocTerms } {
  const fields = storySearchFields(story)
  const texts = SEARCH_FIELDS.map((field) => fields[field])
  return { key: docTermsKey(texts), terms: docTerms(texts) }
}

/** normalize → segment → the story-local part of tagging, for one page, with its diagnostics as plain data. Never throws. */
export function runPageJob(raw: RawPage, taxonomy: Taxonomy): PageResult {
  const file = new VFile({ path: raw.displayPath })
  let page: SegmentedPage | null = null
  let hits: PersonHit[][] = []
  let terms: PageResult['terms'] = []
  try {
    const segmented = segmentPage(normalizePage(raw), file)
    hits = segmented.stories.map((story) => tagStory(story, taxonomy, file))
    terms = segmented.stories.map(storyTerms)
    page = segmented
  } catch (error) {
    const m = file.message(`Cannot segment page: ${(error as Error).message}`, {
      place: { line: raw.firstLine, column: 1 },
      ruleId: 'crash',
      source: 'segment',
    })
    m.fatal = true
  }
  return {
    page,
    hits,
    terms,
    messages: plainMessages(file),
  }
}

/**
 * A result as bytes (v8.serialize), as a page worker posts it and as the page cache keeps it
 * (cache/page-cache.ts): `stored` is the page with its lines packed (segment/packed-lines.ts),
 * its hits and messages and its stories' token keys; `terms` the stories' tokens, apart,
 * because a later build reads them only for stories whose postings were not kept.
 *
 * Serialized on the worker, the bytes that cross to the main thread are the very bytes the
 * cache writes: the main thread neither encodes the pages for the cache nor makes an object
 * per line (a packed page is one string and one Int32Array). Reading v8's format back costs
 * a fraction of JSON's: the 12,000 pages of a 60,000-story archive took 0.9 s to
 * deserialize against 3.3 s to read and parse as JSON (its text decoded from UTF-8 first).
 */
export interface EncodedResult {
  stored: Uint8Array
  terms: Uint8Array
}

/** What `EncodedResult.stored` holds. */
interface StoredResult {
  page: PageInTransit | null
  /** JSON (StoryHits). */
  hits: string
  messages: PlainMessage[]
  termKeys: string[]
}

export function encodeResult(result: PageResult): EncodedResult {
  // Its stories packed in place (a packed page's lines are getters, which a copy would read out); already packed on a settled page.
  if (result.page) result.page.stories = result.page.stories.map(packStory)
  const stored: StoredResult = {
    page: result.page && sealPacked(pageForTransit(packPageLines(result.page))),
    hits: typeof result.hits === 'string' ? result.hits : JSON.stringify(result.hits),
    messages: result.messages,
    termKeys: result.terms.map((t) => t.key),
  }
  return { stored: serialize(stored), terms: serialize(result.terms.map((t) => t.terms)) }
}

/**
 * A result's `stored` bytes read back: everything but its stories' tokens, which `termKeys` names in order.
 * `locate` tells where in a file held open a view of `bytes` lies (its page's lines are then read from there when wanted).
 */
export function decodeStored(bytes: Uint8Array, locate?: (view: Uint8Array) => StoredPacking | null): { result: PageResult; termKeys: string[] } {
  const { page, hits, messages, termKeys } = deserialize(bytes) as StoredResult
  return { result: { page: page && unsealedPage(page, locate), hits, terms: [], messages }, termKeys }
}

/** A result's `terms` bytes read back. */
export function decodeTerms(bytes: Uint8Array): DocTerms[] {
  return deserialize(bytes) as DocTerms[]
}

export function decodeResult(encoded: EncodedResult): PageResult {
  const { result, termKeys } = decodeStored(encoded.stored)
  const terms = decodeTerms(encoded.terms)
  return { page: result.page, hits: result.hits, terms: termKeys.map((key, i) => ({ key, terms: terms[i]! })), messages: result.messages }
}
