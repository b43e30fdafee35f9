// org:, year:, sorting by date and the facet counts beside the results, through the files the
// build writes (search-files.ts and facet-files.ts), read from memory as the page reads them.

import { describe, expect, test } from 'vitest'
import { createSearchEngine, type SearchOutcome } from '../../src/search/engine.js'
import { collectSearchDocs } from '../../src/search/search-docs.js'
import { renderSearchFiles } from '../../src/search/search-files.js'
import type { SiteModel } from '../../src/types.js'
import { makeIssue, makeModel, makePage, makeStory, sampleModel } from './fixtures/site-model.js'
import { memorySource } from './helpers/memory-source.js'

function engineFor(model: SiteModel) {
  return createSearchEngine(memorySource(renderSearchFiles(model, { shardBudget: 40, cardFolderSize: 2, facetBudget: 4 })))
}

function ids(model: SiteModel, outcome: SearchOutcome): string[] {
  if (outcome.status !== 'done') throw new Error(`Expected results, got ${outcome.status}`)
  const docs = collectSearchDocs(model)
  return outcome.hits.map((hit) => docs[hit.doc]!.card.id)
}

describe('org: and year:', () => {
  const model = sampleModel()
  const engine = engineFor(model)
  const search = async (query: string) => ids(model, await engine.search(query))

  test('org: matches the story’s organizations, ignoring width and case', async () => {
    expect(await search('org:五金城管委会')).toEqual(['2023-05-02-p1-l8'])
    expect(await search('org:五金城')).toEqual([])
  })

  test('org: finds every story of a name printed in different widths and cases', async () => {
    // Three stories, the name printed two ways: the facet table merges what normalises alike.
    const d = '2023-06-01'
    const story = (title: string, bodyLine: number, organization: string) => makeStory(d, 1, { title, body: [`${title}的报道。`], bodyLine, organizations: [organization] })
    const crossed = makeModel([makeIssue(d, [makePage(d, 1, [story('甲', 3, 'ＡＢＣ五金城'), story('乙', 9, 'abc五金城'), story('丙', 15, 'ＡＢＣ五金城')])])])
    const found = ids(crossed, await engineFor(crossed).search('org:Abc五金城'))
    expect(found.sort()).toEqual(['2023-06-01-p1-l15', '2023-06-01-p1-l3', '2023-06-01-p1-l9'])
  })

  test('org: combines with words', async () => {
    expect(await search('org:五金城管委会 调研')).toEqual(['2023-05-02-p1-l8'])
    expect(await search('org:五金城管委会 客商')).toEqual([])
  })

  test('year: uses the event date, falling back to the issue date', async () => {
    // 2022-12-30-p1-l4 has no event date and was printed on 2022-12-30.
    expect(await search('year:2022')).toEqual(['2022-12-30-p1-l4'])
    expect((await search('year:2023 五金')).sort()).toEqual(['2023-04-18-p1-l6', '2023-05-02-p1-l8'])
  })

  test('an unreadable year is reported, not searched', async () => {
    expect(await engine.search('year:23')).toMatchObject({ status: 'invalid' })
  })
})

describe('sorting', () => {
  const model = sampleModel()
  const engine = engineFor(model)

  test('by date puts the newest event date first, whatever the scores', async () => {
    expect(ids(model, await engine.search('王小明'))).toEqual(['2023-04-18-p1-l6', '2023-05-02-p1-l8'])
    expect(ids(model, await engine.search('王小明', { sort: 'date' }))).toEqual(['2023-05-02-p1-l8', '2023-04-18-p1-l6'])
  })

  test('stories of one day keep their order in the paper', async () => {
    expect(ids(model, await engine.search('date:2023-05', { sort: 'date' }))).toEqual(['2023-05-02-p1-l14', '2023-05-02-p2-l5'])
  })
})

describe('facet counts', () => {
  const model: SiteModel = { ...sampleModel(), people: [{ name: '王小明', aliases: ['王晓明'] }] }
  model.issues[1]!.pages[0]!.stories[0]!.people = [{ name: '王晓明', roles: [] }, { name: '李芳', roles: ['副市长'] }]
  const engine = engineFor(model)

  async function countsFor(query: string) {
    const outcome = await engine.search(query)
    if (outcome.status !== 'done') throw new Error(outcome.status)
    return engine.facetCounts(outcome.hits)
  }

  test('count topics, people (by registry name) and years of the results only', async () => {
    expect(await countsFor('五金')).toEqual({
      topics: [{ name: '五金产业', count: 2 }],
      people: [
        { name: '王小明', count: 2 },
        { name: '李芳', count: 1 },
      ],
      years: [
        { name: '2023', count: 2 },
        { name: '2022', count: 1 },
      ],
    })
  })

  test('are empty for no results', async () => {
    expect(await engine.facetCounts([])).toEqual({ topics: [], people: [], years: [] })
  })
})
