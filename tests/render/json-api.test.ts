import { describe, expect, test } from 'vitest'
import { renderApi } from '../../src/render/json-api.js'
import { makeIssue, makeModel, makePage, makeStory, sampleModel } from '../search/fixtures/site-model.js'
import { fileByPath } from './helpers/html.js'

/** The story of contract.md's example, with made-up text. */
function contractLikeModel() {
  const story = makeStory('2022-06-07', 1, {
    bodyLine: 6,
    column: null,
    headline: [],
    title: '王小明带队检查工作',
    titleDerived: true,
    byline: [{ name: '陈一凡', role: '融媒首席记者' }],
    date: '2022-06-04',
    body: ['6月4日上午，市长王小明带队检查工作。', '他要求抓好落实。'],
    people: [{ name: '王小明', roles: ['市长'] }],
    organizations: ['市政府'],
    topics: ['疫情防控'],
    lines: [6, 9],
  })
  return makeModel([makeIssue('2022-06-07', [makePage('2022-06-07', 1, [story])])])
}

describe('renderApi', () => {
  test('an issue file has the contract shape, keys in the contract order', () => {
    const file = fileByPath(renderApi(contractLikeModel()), 'api/issues/2022-06-07.json')
    const json = JSON.parse(String(file.contents))
    expect(json).toEqual({
      date: '2022-06-07',
      paper: '示例日报',
      pages: [
        {
          page: 1,
          source: '2022/2022-06-07/page-01.txt',
          stories: [
            {
              id: '2022-06-07-p1-l6',
              url: '2022/06/07/p1-l6.html',
              kind: 'report',
              column: null,
              headline: [],
              title: '王小明带队检查工作',
              titleDerived: true,
              byline: [{ name: '陈一凡', role: '融媒首席记者' }],
              date: '2022-06-04',
              body: ['6月4日上午，市长王小明带队检查工作。', '他要求抓好落实。'],
              people: [{ name: '王小明', roles: ['市长'] }],
              organizations: ['市政府'],
              topics: ['疫情防控'],
              continuedOn: null,
              lines: [6, 9],
              continuedFrom: null,
              photographers: [],
            },
          ],
        },
      ],
    })
    expect(Object.keys(json.pages[0].stories[0]).slice(0, 15)).toEqual([
      'id', 'url', 'kind', 'column', 'headline', 'title', 'titleDerived', 'byline',
      'date', 'body', 'people', 'organizations', 'topics', 'continuedOn', 'lines',
    ])
  })

  test('issues.json lists issues newest first with page and story counts', () => {
    const json = JSON.parse(String(fileByPath(renderApi(sampleModel()), 'api/issues.json').contents))
    expect(json).toEqual([
      { date: '2023-05-02', paper: '示例日报', pages: 2, stories: 3, url: 'api/issues/2023-05-02.json' },
      { date: '2023-04-18', paper: '示例日报', pages: 1, stories: 1, url: 'api/issues/2023-04-18.json' },
      { date: '2022-12-30', paper: '示例日报', pages: 1, stories: 1, url: 'api/issues/2022-12-30.json' },
    ])
  })

  test('issues come out newest first whatever order the model has', () => {
    const model = sampleModel()
    model.issues.reverse()
    expect(renderApi(model).map((f) => f.path)).toEqual(renderApi(sampleModel()).map((f) => f.path))
  })

  test('files are two-space indented JSON with a trailing newline', () => {
    const file = fileByPath(renderApi(contractLikeModel()), 'api/issues.json')
    expect(String(file.contents)).toBe(`${JSON.stringify(JSON.parse(String(file.contents)), null, 2)}\n`)
  })

  test('pages are listed by page number', () => {
    const model = sampleModel()
    model.issues[0]!.pages.reverse()
    const json = JSON.parse(String(fileByPath(renderApi(model), 'api/issues/2023-05-02.json').contents))
    expect(json.pages.map((p: { page: number }) => p.page)).toEqual([1, 2])
  })
})
