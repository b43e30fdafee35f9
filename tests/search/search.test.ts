import { describe, expect, test } from 'vitest'
import { buildLunrIndex } from '../../src/search/build-index.js'
import { createSearchEngine, type SearchOutcome } from '../../src/search/engine.js'
import { collectSearchDocs } from '../../src/search/search-docs.js'
import { RESULTS_PAGE_SIZE, wordFiles, wordShardRef, wordTopFile } from '../../src/search/format.js'
import { renderSearchFiles } from '../../src/search/search-files.js'
import { isCjk, normalizeText } from '../../src/search/tokenizer.js'
import { WordSet } from '../../src/search/words.js'
import type { SiteModel } from '../../src/types.js'
import { sampleModel } from './fixtures/site-model.js'
import { lunrResults } from './helpers/lunr-oracle.js'
import { memorySource } from './helpers/memory-source.js'
import { storiesContaining } from './helpers/substring-oracle.js'

// A tiny shard budget spreads the terms of most queries over several shards.
function engineFor(model: SiteModel, shardBudget = 40, wordMinDocs?: number) {
  const source = memorySource(renderSearchFiles(model, { shardBudget, shardDirSize: 2, cardFolderSize: 2, facetBudget: 4, wordMinDocs }))
  return { engine: createSearchEngine(source), source }
}

function ids(model: SiteModel, outcome: SearchOutcome): string[] {
  if (outcome.status !== 'done') throw new Error(`Expected results, got ${outcome.status}`)
  const docs = collectSearchDocs(model)
  return outcome.hits.map((hit) => docs[hit.doc]!.card.id)
}

function substringScan(model: SiteModel, query: string): string[] {
  return storiesContaining(model, query)
    .map((card) => card.id)
    .sort()
}

/** Every CJK substring of one to five characters in the model's text, plus the same strings reversed. */
function cjkQueries(model: SiteModel): string[] {
  const queries = new Set<string>()
  for (const { card } of collectSearchDocs(model)) {
    for (const text of [card.titleText, card.body]) {
      const chars = [...normalizeText(text)]
      for (let start = 0; start < chars.length; start++) {
        for (let length = 1; length <= 5 && start + length <= chars.length; length++) {
          const run = chars.slice(start, start + length)
          if (!run.every(isCjk)) break
          queries.add(run.join(''))
          queries.add([...run].reverse().join(''))
        }
      }
    }
  }
  return [...queries].sort()
}

describe('search results equal a substring scan', () => {
  const model = sampleModel()
  const { engine } = engineFor(model)
  // Every tagged topic, organization and person of three or more characters indexed whole.
  const withWords = engineFor(model, 40, 1)

  test('for every short run of Chinese characters in the stories, and for those runs reversed', async () => {
    const queries = cjkQueries(model)
    expect(queries.length).toBeGreaterThan(500)
    for (const query of queries) {
      expect([...ids(model, await engine.search(query))].sort(), query).toEqual(substringScan(model, query))
    }
  })

  test('the same with whole words in the index (runs holding a word, part of one, or two overlapping)', async () => {
    expect(withWords.source.entry.words).toEqual(['五金产业', '五金城管委会', '王小明', '疫情防控'])
    const queries = [...cjkQueries(model), '五金产业发展', '走进五金城', '市长王小明来', '王小明调研五金产业', '疫情防控', '五金城管委']
    for (const query of queries) {
      expect([...ids(model, await withWords.engine.search(query))].sort(), query).toEqual(substringScan(model, query))
    }
  })

  test('for queries written across a line break', async () => {
    expect(ids(model, await engine.search('王小\n明')).sort()).toEqual(substringScan(model, '王小明'))
  })
})

describe('search', () => {
  const model = sampleModel()
  const { engine, source } = engineFor(model)
  const search = async (query: string) => ids(model, await engine.search(query))

  test('a run whose bigrams all occur, but never in a row, finds nothing', async () => {
    expect(await search('不存在的词')).toEqual([])
  })

  test('one of those bigrams on its own is found', async () => {
    expect(await search('存在')).toEqual(['2023-05-02-p1-l14'])
  })

  test('terms separated by spaces must all occur', async () => {
    expect(await search('王小明 客商')).toEqual(['2023-04-18-p1-l6'])
  })

  test('a Latin word matches whole words, ignoring case and width', async () => {
    expect(await search('ＣＯＶＩＤ')).toEqual(['2023-05-02-p2-l5'])
    expect(await search('covi')).toEqual([])
  })

  test('a quoted phrase must occur in one piece', async () => {
    expect(await search('"五金 产业"')).toEqual(['2023-05-02-p1-l8'])
    expect(await search('"产业 五金"')).toEqual([])
  })

  test('a headline match ranks above a body match', async () => {
    expect(await search('王小明')).toEqual(['2023-04-18-p1-l6', '2023-05-02-p1-l8'])
  })

  test('person: matches the tagged name', async () => {
    expect(await search('person:李芳')).toEqual(['2023-04-18-p1-l6'])
  })

  test('topic: matches the assigned topic, combined with words', async () => {
    expect(await search('topic:五金产业 调研')).toEqual(['2023-05-02-p1-l8'])
  })

  test('date: uses the event date, falling back to the issue date', async () => {
    // 2023-05-02-p1-l14 has no event date and was printed on 2023-05-02.
    expect(await search('date:2023-05')).toEqual(['2023-05-02-p1-l14', '2023-05-02-p2-l5'])
    expect(await search('date:2023-04-17..2023-04-30')).toEqual(['2023-05-02-p1-l8', '2023-04-18-p1-l6'])
  })

  test('a filter for an unknown name finds nothing', async () => {
    expect(await search('person:无名氏')).toEqual([])
  })

  test('symbols alone are reported as unsearchable', async () => {
    expect(await engine.search('* ~ 😀')).toEqual({ status: 'unsearchable', ignored: ['*', '~', '😀'] })
  })

  test('symbols next to words are dropped and reported', async () => {
    expect(await engine.search('存在 *')).toMatchObject({ status: 'done', ignored: ['*'] })
  })

  test('an empty query is reported as empty', async () => {
    expect(await engine.search('   ')).toEqual({ status: 'empty' })
  })

  test('a very long query does not throw', async () => {
    expect(await search('五金'.repeat(250))).toEqual([])
  })

  test('cards come back in the order asked for', async () => {
    const docs = collectSearchDocs(model)
    const cards = await engine.cards([3, 0])
    expect(cards.map((card) => card.id)).toEqual([docs[3]!.card.id, docs[0]!.card.id])
    expect(new Set((await engine.cards([1, 2, 1])).map((card) => card.id)).size).toBe(2)
  })

  test('a file that failed to load is tried again by the next query', async () => {
    const files = memorySource(renderSearchFiles(model))
    let failures = 1
    const flaky = createSearchEngine({
      entry: files.entry,
      load: (file) => (failures-- > 0 ? Promise.reject(new Error('offline')) : files.load(file)),
    })
    await expect(flaky.search('存在')).rejects.toThrow('offline')
    expect(ids(model, await flaky.search('存在'))).toEqual(['2023-05-02-p1-l14'])
  })

  test('a query loads only the shards its terms live in', async () => {
    const fresh = engineFor(model)
    await fresh.engine.search('客商')
    // At most one shard of each tier (format.ts TermTier), and per tier the one directory that lists it, of many.
    const tierOf = (file: string) => /^terms\/(?:dir-|pos-)?(\d+)-/.exec(file)![1]
    const shardFiles = fresh.source.loaded.filter((file) => file.startsWith('terms/') && !file.startsWith('terms/dir-'))
    expect(shardFiles.length).toBeGreaterThan(0)
    expect(new Set(shardFiles.map(tierOf)).size).toBe(shardFiles.length)
    const dirs = fresh.source.loaded.filter((file) => file.startsWith('terms/dir-'))
    expect(new Set(dirs.map(tierOf)).size).toBe(dirs.length)
    expect(source.entry.tiers).toHaveLength(2)
    expect(shardFiles.length).toBeLessThanOrEqual(2)
    expect(source.entry.tiers.reduce((n, tier) => n + tier.shardDirs.length, 0)).toBeGreaterThan(5)
  })
})

describe('sharding', () => {
  test('scores over many shards equal the scores of one index', async () => {
    const model = sampleModel()
    const sharded = engineFor(model, 10).engine
    const whole = engineFor(model, Number.MAX_SAFE_INTEGER).engine
    for (const query of ['王小明', '五金 城', '王小明 五金产业', '疫苗 5月', '小', 'covid 19']) {
      const a = await sharded.search(query)
      const b = await whole.search(query)
      if (a.status !== 'done' || b.status !== 'done') throw new Error('expected results')
      expect(a.hits.map((h) => h.doc), query).toEqual(b.hits.map((h) => h.doc))
      a.hits.forEach((hit, i) => expect(hit.score, query).toBeCloseTo(b.hits[i]!.score, 10))
    }
  })

  test('after writing and loading the files, scores equal those of the lunr index built in memory', async () => {
    const model = sampleModel()
    const index = buildLunrIndex(collectSearchDocs(model))
    const { engine } = engineFor(model, 10)
    for (const query of ['王小明', '五金 城', 'covid 19']) {
      const expected = lunrResults(index, query)
      const outcome = await engine.search(query)
      if (outcome.status !== 'done') throw new Error('expected results')
      expect(outcome.hits.map((h) => String(h.doc)), query).toEqual(expected.map((r) => r.ref))
      outcome.hits.forEach((hit, i) => expect(hit.score, query).toBeCloseTo(expected[i]!.score, 10))
    }
  })

  test('with whole words, scores equal those of the lunr index built over the same terms', async () => {
    const model = sampleModel()
    const { engine, source } = engineFor(model, 10, 1)
    const words = new WordSet(source.entry.words)
    const index = buildLunrIndex(collectSearchDocs(model), words)
    for (const query of ['王小明', '五金产业', '五金产业发展', '王小明 五金', '调研五金产业', '五金城', 'covid 19']) {
      const expected = lunrResults(index, query, words)
      const outcome = await engine.search(query)
      if (outcome.status !== 'done') throw new Error('expected results')
      const confirmed = new Set(outcome.hits.map((h) => String(h.doc)))
      expect(outcome.hits.length, query).toBeGreaterThan(0)
      expect(outcome.hits.map((h) => String(h.doc)), query).toEqual(expected.filter((r) => confirmed.has(r.ref)).map((r) => r.ref))
      outcome.hits.forEach((hit, i) => expect(hit.score, query).toBeCloseTo(expected.filter((r) => confirmed.has(r.ref))[i]!.score, 10))
    }
  })

  test('a query holding a whole word loads that word’s shard only, not its bigrams', async () => {
    const model = sampleModel()
    const plain = engineFor(model, 10)
    const whole = engineFor(model, 10, 1)
    await plain.engine.search('五金产业')
    await whole.engine.search('五金产业')
    const shards = (loaded: string[]) => loaded.filter((file) => /^terms\/\d/.test(file))
    expect(shards(plain.source.loaded).length).toBeGreaterThan(1)
    expect(shards(whole.source.loaded)).toHaveLength(1)
  })

  test('positions are loaded only for words of several tokens, whose adjacency must be confirmed', async () => {
    const model = sampleModel()
    const positionFiles = (loaded: string[]) => loaded.filter((file) => file.startsWith('terms/pos-'))
    const oneToken = engineFor(model, 10, 1)
    await oneToken.engine.search('五金产业 王小明 客商')
    expect(oneToken.source.loaded.length).toBeGreaterThan(0)
    expect(positionFiles(oneToken.source.loaded)).toEqual([])
    const chained = engineFor(model, 10, 1)
    expect(ids(model, await chained.engine.search('调研五金产业'))).toEqual(['2023-05-02-p1-l8'])
    expect(positionFiles(chained.source.loaded).length).toBeGreaterThan(0)
  })

  test('a query for an indexed word loads its shard straight from entry.js, no directory first', async () => {
    const model = sampleModel()
    const directories = (loaded: string[]) => loaded.filter((file) => file.startsWith('terms/dir-'))
    const word = engineFor(model, 10, 1)
    expect(ids(model, await word.engine.search('五金产业')).sort()).toEqual(substringScan(model, '五金产业'))
    expect(word.source.loaded.filter((file) => /^terms\/\d/.test(file))).toHaveLength(1)
    expect(directories(word.source.loaded)).toEqual([])
    // Without words the same query reads directories to find its bigrams' shards.
    const plain = engineFor(model, 10)
    expect(ids(model, await plain.engine.search('五金产业')).sort()).toEqual(substringScan(model, '五金产业'))
    expect(directories(plain.source.loaded).length).toBeGreaterThan(0)
  })

  test('entry.js names a word’s files in short: per tier `<n>-<hash>-<positions hash>`, and its top cards by their hash; the files it names exist', () => {
    const files = renderSearchFiles(sampleModel(), { shardBudget: 10, wordMinDocs: 1 })
    const source = memorySource(files)
    const paths = new Set(files.map((file) => file.path))
    let named = 0
    source.entry.tiers.forEach((tier, t) => {
      tier.wordShards.forEach((ref) => {
        if (ref === null) return
        named++
        expect(ref).toMatch(/^\d+-[0-9a-f]{10}-[0-9a-f]{10}$/)
        const { file, positions } = wordFiles(ref, t)
        for (const name of [file, positions]) expect(paths.has(`search/${name}`)).toBe(true)
        expect(wordShardRef(file, positions)).toBe(ref)
      })
    })
    expect(named).toBeGreaterThan(0)
    const tops = source.entry.words.map((_, i) => wordTopFile(source.entry, i)).filter((top) => top !== null)
    expect(tops.length).toBeGreaterThan(0)
    for (const top of tops) expect(paths.has(`search/${top}`)).toBe(true)
    expect(wordFiles('3-0123456789-abcdef0123', 1)).toEqual({ file: 'terms/1-3-0123456789.js', positions: 'terms/pos-1-3-abcdef0123.js' })
    expect(() => wordShardRef('terms/0-1-abc.js', 'terms/pos-0-2-abc.js')).toThrow(/unexpected shard file names/)
    expect(() => wordShardRef('terms/0-1-abc.js', 'terms/pos-1-1-abc.js')).toThrow(/unexpected shard file names/)
  })

  test('a lone indexed word brings its first page of cards in one file: the results and cards are the same, no card file is read', async () => {
    const model = sampleModel()
    const word = engineFor(model, 10, 1)
    const outcome = await word.engine.search('五金产业')
    if (outcome.status !== 'done') throw new Error(outcome.status)
    const first = outcome.hits.slice(0, RESULTS_PAGE_SIZE).map((hit) => hit.doc)
    const cards = await word.engine.cards(first)
    expect(word.source.loaded.filter((file) => file.startsWith('top/'))).toHaveLength(1)
    expect(word.source.loaded.filter((file) => file.startsWith('docs/'))).toEqual([])
    // The same as a build without words, card by card.
    const plain = engineFor(model, 10)
    const expected = await plain.engine.search('五金产业')
    if (expected.status !== 'done') throw new Error(expected.status)
    expect(outcome.hits.map((hit) => hit.doc).sort()).toEqual(expected.hits.map((hit) => hit.doc).sort())
    expect(cards).toEqual(await plain.engine.cards(first))
  })

  test('firstPage: a lone indexed word’s first page and count, before its postings, equal to search’s', async () => {
    const model = sampleModel()
    const { engine, source } = engineFor(model, 10, 1)
    const first = await engine.firstPage('五金产业')
    expect(first).not.toBeNull()
    // Its top-cards file, and the word's shard already on its way: no directory, no positions.
    expect(source.loaded.filter((file) => file.startsWith('top/'))).toHaveLength(1)
    expect(source.loaded.filter((file) => file.startsWith('terms/'))).toEqual([expect.stringMatching(/^terms\/\d/)])
    const outcome = await engine.search('五金产业')
    if (outcome.status !== 'done') throw new Error(outcome.status)
    expect(first!.docs).toEqual(outcome.hits.slice(0, RESULTS_PAGE_SIZE).map((hit) => hit.doc))
    expect(first!.count).toBe(outcome.hits.length)
    expect(first!.highlight).toEqual(outcome.highlight)
    for (const [query, sort] of [['五金产业', 'date'], ['五金产业 year:2023', 'relevance'], ['五金产业 客商', 'relevance'], ['五金', 'relevance'], ['', 'relevance']] as const) {
      expect(await engine.firstPage(query, { sort }), query).toBeNull()
    }
  })

  test('the top-cards file is not loaded when the first page is another: sorted by date, filtered, or more than the word', async () => {
    const model = sampleModel()
    for (const [query, sort] of [['五金产业', 'date'], ['五金产业 year:2023', 'relevance'], ['五金产业 客商', 'relevance']] as const) {
      const { engine, source } = engineFor(model, 10, 1)
      await engine.search(query, { sort })
      expect(source.loaded.filter((file) => file.startsWith('top/'))).toEqual([])
    }
  })

  test('one shard holds the whole index when the budget allows', () => {
    const files = renderSearchFiles(sampleModel(), { shardBudget: Number.MAX_SAFE_INTEGER })
    const source = memorySource(files)
    // One per tier.
    expect(source.entry.tiers).toHaveLength(2)
    for (const tier of source.entry.tiers) expect(tier.shardDirs).toHaveLength(1)
    expect(files.filter((file) => /^search\/terms\/\d/.test(file.path))).toHaveLength(2)
  })
})

describe('person: and the people registry', () => {
  // 王小明 is tagged on two stories; the registry knows him also as 王晓明 and Wang Xiaoming.
  const model: SiteModel = { ...sampleModel(), people: [{ name: '王小明', aliases: ['王晓明', 'Wang Xiaoming'] }] }
  const { engine } = engineFor(model)
  const search = async (query: string) => ids(model, await engine.search(query))
  const tagged = ['2023-05-02-p1-l8', '2023-04-18-p1-l6']

  test('the canonical name finds the stories tagged with it', async () => {
    expect((await search('person:王小明')).sort()).toEqual([...tagged].sort())
  })

  test('an alias finds the canonical person’s stories', async () => {
    expect((await search('person:王晓明')).sort()).toEqual([...tagged].sort())
  })

  test('an alias with a space, quoted, finds them too', async () => {
    expect((await search('person:"wang xiaoming"')).sort()).toEqual([...tagged].sort())
  })

  test('an alias of someone else does not widen the match to unrelated people', async () => {
    expect(await search('person:李芳')).toEqual(['2023-04-18-p1-l6'])
  })

  test('a story tagged with an alias spelling is found by the canonical name', async () => {
    const aliasTagged = sampleModel()
    const story = aliasTagged.issues[1]!.pages[0]!.stories[0]!
    story.people = [{ name: '李晓芳', roles: [] }]
    const withRegistry: SiteModel = { ...aliasTagged, people: [{ name: '李芳', aliases: ['李晓芳'] }] }
    const fresh = engineFor(withRegistry).engine
    expect(ids(withRegistry, await fresh.search('person:李芳'))).toEqual(['2023-04-18-p1-l6'])
  })
})
