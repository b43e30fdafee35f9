import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { earlyFiles } from '../../src/search/early-files.js'
import { createSearchEngine } from '../../src/search/engine.js'
import { renderSearchFiles } from '../../src/search/search-files.js'
import { sampleModel } from './fixtures/site-model.js'
import { memorySource } from './helpers/memory-source.js'

// The search page's head script asks for these files before the engine exists; the engine
// must then want each of them for the query, or the reader waits for files nobody reads.
describe('the files a search page asks for early', () => {
  const files = renderSearchFiles(sampleModel(), { shardBudget: 40, shardDirSize: 2, cardFolderSize: 2, wordMinDocs: 1 })
  const { entry } = memorySource(files)

  /** What the engine loads to show `query` as the page does (its first page, then the whole outcome), in the order it asks. */
  async function engineLoads(query: string): Promise<string[]> {
    const source = memorySource(files)
    const engine = createSearchEngine(source)
    await engine.firstPage(query, { sort: 'relevance' })
    await engine.search(query, { sort: 'relevance' })
    return source.loaded
  }

  const asked = (query: string, sort: 'relevance' | 'date' = 'relevance') => {
    const early = earlyFiles(entry, { query, sort })
    return early === null ? [] : [...(early.top === null ? [] : [early.top]), ...early.shards]
  }

  test('are, for every indexed word, files the engine loads for it, its first page first', async () => {
    expect(entry.words.length).toBeGreaterThan(3)
    let withTop = 0
    for (const word of entry.words) {
      const loads = await engineLoads(word)
      expect(asked(word).length, word).toBeGreaterThan(0)
      expect(loads, word).toEqual(expect.arrayContaining(asked(word)))
      expect(asked(` ${word}\u3000`), word).toEqual(asked(word))
      const top = earlyFiles(entry, { query: word, sort: 'relevance' })!.top
      if (top !== null) {
        withTop++
        expect(loads[0], word).toBe(top)
      }
    }
    expect(withTop).toBeGreaterThan(0)
  })

  test('are none for a query sorted by date, a filter, or text that is not one word', () => {
    const word = entry.words[0]!
    expect(asked(word, 'date')).toEqual([])
    for (const query of [`person:${word}`, `${word} ${word}`, `"${word}"x`, word.slice(1), `${word}年`, '']) expect(asked(query), query).toEqual([])
  })

  test('never differ from what the engine loads, for any query made of words and odd pieces', async () => {
    const piece = fc.constantFrom(...entry.words, ' ', '\u3000', '"', 'person:', 'topic:', 'date:2022', 'x', '王', '年', '-', 'Ａ')
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 4 }), async (parts) => {
        const query = parts.join('')
        const early = asked(query)
        if (early.length > 0) expect(await engineLoads(query)).toEqual(expect.arrayContaining(early))
      }),
      { numRuns: 300, seed: 11 },
    )
  })
})
