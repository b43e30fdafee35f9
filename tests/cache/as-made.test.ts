// An issue's key stands for what its pages' jobs made by the pages' cache keys (cache/as-made.ts,
// render/group-job.ts issueKey): every story's people, and every field a correction sets, must
// still change the key.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { changedAfterJob, markAsMade, storyAsMade } from '../../src/cache/as-made.js'
import { applyCorrections } from '../../src/corrections/apply.js'
import type { Correction } from '../../src/corrections/types.js'
import { pageCache } from '../../src/cache/page-cache.js'
import { buildModel } from '../../src/pipeline.js'
import { issueKey } from '../../src/render/group-job.js'
import { packStory } from '../../src/segment/packed-paragraphs.js'
import type { Issue, SegmentedPage, Story } from '../../src/types.js'
import { makeStory } from '../search/fixtures/site-model.js'
import { ROOT } from '../helpers/score.js'

const page = (stories: Story[]): SegmentedPage => ({
  page: { meta: { paper: '永康日报', date: '2023-03-16', page: 1, source: null }, contentPath: '2023/2023-03-16/page-01.txt', displayPath: 'page-01.txt', firstLine: 5 },
  lines: [],
  stories,
  furniture: [{ kind: 'ad', text: '广告热线', line: 40 }],
  lineRoles: [],
  sourceKey: 'the page job',
})
const story = (title: string, bodyLine: number): Story =>
  packStory(
    makeStory('2023-03-16', 1, {
      title,
      headline: ['章旭升调研工业发展思路时强调', title],
      body: ['本报讯 12月9日上午，市委书记章旭升与多家涉企重点部门负责人座谈交流。'],
      bodyLine,
      topics: ['五金产业'],
      byline: [{ name: '张赤奎', role: '融媒首席记者' }],
    }),
  )
const made = (): SegmentedPage => {
  const p = page([story('精准细致谋思路', 10), story('脚踏实地干实事', 20)])
  markAsMade(p)
  return p
}
const issueOf = (p: SegmentedPage): Issue => ({ date: '2023-03-16', paper: '永康日报', pages: [p] })

test('a settled story is as made until a stage says it changed it; a copy is not as made', () => {
  const p = made()
  const [first, second] = p.stories as [Story, Story]
  expect(storyAsMade(first) && storyAsMade(second)).toBe(true)
  changedAfterJob(first)
  expect([storyAsMade(first), storyAsMade(second)]).toEqual([false, true])
  const copy = structuredClone({ ...second, paragraphs: [] })
  expect(storyAsMade(copy)).toBe(false)
})

test("an issue's key changes with the people of a story as made, with its page job, and with every kind of correction", () => {
  const keyAfter = (edit: (p: SegmentedPage) => void): string => {
    const p = made()
    edit(p)
    return issueKey(issueOf(p))
  }
  const correct = (c: Record<string, unknown>) => (p: SegmentedPage) => {
    expect(applyCorrections([p], [{ line: 1, ...c } as Correction])).toEqual([])
  }
  const id = made().stories[0]!.id
  const keys = [
    keyAfter(() => {}),
    keyAfter((p) => (p.stories[0]!.people = [{ name: '章旭升', roles: [] }])),
    keyAfter((p) => (p.stories[0]!.people = [{ name: '章旭升', roles: ['市委书记'] }])),
    keyAfter((p) => (p.sourceKey = 'another page job')),
    keyAfter(correct({ story: id, title: '打造世界五金之都' })),
    keyAfter(correct({ story: id, headline: ['章旭升调研工业发展思路时强调', '打造世界五金之都'] })),
    keyAfter(correct({ story: id, column: '要闻' })),
    keyAfter(correct({ story: id, topics: ['疫情防控'] })),
    keyAfter(correct({ story: id, byline: [{ name: '卢斌', role: '融媒记者' }] })),
    // The same people as a correction that changes nothing else, and its role removed again: the story is keyed whole.
    keyAfter((p) => {
      p.stories[0]!.people = [{ name: '章旭升', roles: ['市委书记'] }]
      correct({ story: id, people: { removeRole: [{ name: '章旭升', role: '市委书记' }] } })(p)
    }),
  ]
  expect(new Set(keys).size).toBe(keys.length)
  expect(keyAfter(() => {})).toBe(keys[0])
})

test("a build's pages come settled as made, read back from the cache or fresh, and key alike both ways", async () => {
  const cache = path.join(mkdtempSync(path.join(tmpdir(), 'as-made-')), 'cache')
  const fresh = await buildModel(path.join(ROOT, 'content'), null, {}, undefined, pageCache(cache))
  const cached = await buildModel(path.join(ROOT, 'content'), null, {}, undefined, pageCache(cache))
  const pages = (m: typeof fresh) => m.model.issues.flatMap((i) => i.pages)
  for (const m of [fresh, cached]) {
    expect(pages(m).length).toBeGreaterThan(0)
    expect(pages(m).every((p) => p.sourceKey !== undefined && p.stories.every(storyAsMade))).toBe(true)
  }
  expect(cached.model.issues.map(issueKey)).toEqual(fresh.model.issues.map(issueKey))
})
