// Editors' corrections in content/_data/corrections.yaml change exactly the stories they name,
// and a correction that matches nothing is reported with its line.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { formatMessages } from '../src/cli/report.js'
import { buildModel } from '../src/pipeline.js'
import type { SiteModel, Story } from '../src/types.js'
import { ROOT } from './helpers/score.js'

const ID = '2022-06-07-p1-l7'

async function withCorrections(yaml: string): Promise<{ model: SiteModel; messages: string[]; before: SiteModel }> {
  const content = path.join(mkdtempSync(path.join(tmpdir(), 'corr-')), 'content')
  cpSync(path.join(ROOT, 'content'), content, { recursive: true })
  const before = (await buildModel(content)).model
  mkdirSync(path.join(content, '_data'), { recursive: true })
  writeFileSync(path.join(content, '_data', 'corrections.yaml'), yaml)
  const { model, files } = await buildModel(content)
  return { model, before, messages: formatMessages(files).filter((m) => m.includes('corrections.yaml')).map((m) => m.replace(/^.*corrections\.yaml:/u, '')) }
}

const stories = (m: SiteModel): Story[] => m.issues.flatMap((i) => i.pages.flatMap((p) => p.stories))
const others = (m: SiteModel): string => JSON.stringify(stories(m).filter((s) => s.id !== ID))

test('setting headline, topics and people changes only the named story', async () => {
  const { model, before, messages } = await withCorrections(`- story: ${ID}
  headline: [市长带队检查防控工作]
  topics: [疫情防控, 城市建设]
  people:
    add: [{ name: 王小明, role: 市防控办主任 }]
    remove: [杨祥宣]
`)
  const story = stories(model).find((s) => s.id === ID)
  expect(story).toMatchObject({ headline: ['市长带队检查防控工作'], title: '市长带队检查防控工作', titleDerived: false, topics: ['疫情防控', '城市建设'] })
  expect(story?.people.map((p) => p.name)).not.toContain('杨祥宣')
  expect(story?.people.find((p) => p.name === '王小明')?.roles).toEqual(['市防控办主任'])
  expect(others(model)).toBe(others(before))
  expect(messages).toEqual([])
})

test('a rename turns a person into another everywhere', async () => {
  const { model } = await withCorrections('- rename: { from: 胡勇春, to: 胡永春 }\n')
  const names = stories(model).flatMap((s) => s.people.map((p) => p.name))
  expect(names).not.toContain('胡勇春')
  expect(names.filter((n) => n === '胡永春').length).toBeGreaterThan(3)
})

test('a correction that matches nothing is reported with its line', async () => {
  const { messages } = await withCorrections(`- story: ${ID}
  title: 新标题
- story: 2030-01-01-p1-l1
  title: 不存在的报道
- rename: { from: 查无此人, to: 某人 }
`)
  expect(messages).toEqual([
    '3:1: warning: Stale correction: story `2030-01-01-p1-l1` does not exist (any more); check its id on the story page',
    '5:1: warning: Stale correction: rename of `查无此人` matches no person in any story',
  ])
})

test('a malformed correction is an error naming the file', async () => {
  const { messages } = await withCorrections('- story: not-an-id\n  title: x\n')
  expect(messages[0]).toMatch(/error: Unexpected correction/u)
})

test('page corrections: marked lines become furniture, a split opens a story there', async () => {
  const { model, before, messages } = await withCorrections(`- page: 2022/2022-06-07/page-01.txt
  furniture: [[59, 64]]
  split: [119]
`)
  const page = model.issues.find((i) => i.date === '2022-06-07')?.pages[0]
  const first = page?.stories.find((s) => s.id === ID)
  expect(first?.paragraphs.at(-1)?.text).toMatch(/网。$/u)
  expect(page?.furniture.filter((f) => f.line >= 59 && f.line <= 64).length).toBe(6)
  expect(page?.stories.map((s) => s.bodyLine)).toEqual([7, 93, 119])
  expect(page?.stories[2]?.paragraphs[0]?.text).toMatch(/^会议听取了/u)
  // other issues are untouched
  const rest = (m: SiteModel): string => JSON.stringify(m.issues.filter((i) => i.date !== '2022-06-07'))
  expect(rest(model)).toBe(rest(before))
  expect(messages).toEqual([])
})

test('a page correction that matches nothing is reported with its line', async () => {
  const { messages } = await withCorrections(`- page: 2022/2022-06-07/page-01.txt
  split: [9999]
- page: 2030/2030-01-01/page-01.txt
  furniture: [3]
`)
  expect(messages).toEqual([
    '1:1: warning: Stale correction: no story could start at line 9999 of `2022/2022-06-07/page-01.txt` (is it running text?)',
    '3:1: warning: Stale correction: page `2030/2030-01-01/page-01.txt` does not exist',
  ])
})

test('page corrections: a merge joins a story to the one before; a headline can be given to a story', async () => {
  const { model, messages } = await withCorrections(`- page: 2022/2022-06-07/page-01.txt
  merge: [93]
- page: 2023/2023-03-16/page-01.txt
  headlines: [{ lines: [7, 7], story: 9 }]
`)
  const june = model.issues.find((i) => i.date === '2022-06-07')?.pages[0]
  expect(june?.stories.map((s) => s.bodyLine)).toEqual([7])
  expect(june?.stories[0]?.byline.map((b) => b.name)).toEqual(['张赤奎', '陈晓苏'])
  expect(june?.stories[0]?.paragraphs.at(-1)?.text).toMatch(/转移转化。$/u)
  const march = model.issues.find((i) => i.date === '2023-03-16')?.pages[0]
  expect(march?.stories[0]).toMatchObject({ headline: ['今晚举行'], title: '今晚举行' })
  expect(march?.furniture.map((f) => f.line)).toEqual(expect.arrayContaining([197, 198, 200, 201]))
  expect(messages).toEqual([])
})

test('a role can be removed from a person in one story', async () => {
  const role = '市委副书记、市长、市新冠肺炎疫情防控工作领导小组组长'
  const { model } = await withCorrections(`- story: ${ID}\n  people:\n    removeRole: [{ name: 胡勇春, role: ${role} }]\n`)
  expect(stories(model).find((s) => s.id === ID)?.people.find((p) => p.name === '胡勇春')?.roles).toEqual([])
})

test('a merge or headline correction that cannot apply is reported at its page line', async () => {
  const { messages } = await withCorrections(`- page: 2022/2022-06-07/page-01.txt
  merge: [8]
  headlines: [{ lines: [20, 21], story: 7 }]
`)
  expect(messages.filter((m) => m.includes('Correction not applied')).map((m) => m.replace(/^.*?(\d+:\d+: )/u, '$1'))).toEqual([
    '8:1: warning: Correction not applied: no story after another starts at line 8, so there is nothing to merge (check _data/corrections.yaml)',
    '20:1: warning: Correction not applied: lines 20–21 hold no headline material or no story starts at line 7 (check _data/corrections.yaml)',
  ])
})

test('a byline can be set, and its names are no longer people of the story', async () => {
  const { model } = await withCorrections(`- story: ${ID}\n  byline: [{ name: 杨祥宣, role: 通讯员 }]\n`)
  const story = stories(model).find((s) => s.id === ID)
  expect(story?.byline).toEqual([{ name: '杨祥宣', role: '通讯员' }])
  expect(story?.people.map((p) => p.name)).not.toContain('杨祥宣')
})
