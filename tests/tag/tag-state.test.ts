// Tagging with the last build's state (tag/tag-state.ts): a rebuild tags again only the
// stories whose people can have changed, and must give every story the people a full pass gives.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { pageCache } from '../../src/cache/page-cache.js'
import { buildModel } from '../../src/pipeline.js'
import { mayHoldSurnameHits } from '../../src/tag/index.js'
import { findPeopleWithModel } from '../../src/tag/people.js'
import { changedNames, knownOf, namesMatcher, namesText, peopleOf, peopleText, retitledNames, rolesOf, seenOf, seenText, surnameTouched, type TagState } from '../../src/tag/tag-state.js'
import { readTagState, writeTagState } from '../../src/cache/tag-state-store.js'
import type { SiteModel } from '../../src/types.js'

test('the names whose entry or titles changed between two builds', () => {
  const before = new Map([
    ['王明远', '王明远'],
    ['老王', '王明远'],
    ['李华', '李华'],
  ])
  const now = new Map([
    ['王明远', '王明远'],
    ['老王', '王明'],
    ['赵敏', '赵敏'],
  ])
  expect(changedNames(before, now).sort()).toEqual(['李华', '老王', '赵敏'])
  expect(changedNames(now, now)).toEqual([])
  const titles = new Map([['王明远', ['市长']], ['李华', ['副市长']]])
  expect(retitledNames(titles, new Map([['王明远', ['市长', '市委副书记']], ['李华', ['副市长']], ['赵敏', ['局长']]])).sort()).toEqual(['王明远', '赵敏'])
  expect(retitledNames(titles, new Map([['王明远', ['市长']]]))).toEqual(['李华'])
})

test('a name is found in a body across a paragraph break, and nothing else is', () => {
  const prints = namesMatcher(['王明远', 'a.b'])
  expect(prints('市长王明远说')).toBe(true)
  expect(prints('市长王\n明远说')).toBe(true)
  expect(prints('市长王\n\n明远说')).toBe(true)
  expect(prints('市长王明说')).toBe(false)
  expect(prints('axb')).toBe(false)
  expect(prints('a.b')).toBe(true)
  expect(namesMatcher([])('王明远')).toBe(false)
})

test("a page's people are kept as compact text and read back as they were, in JSON where the text cannot carry them", () => {
  const people = [
    [
      { name: '王明远', roles: ['市委书记', '市长'] },
      { name: '李华', roles: [] },
    ],
    [],
    [{ name: 'Zhang San', roles: ['主任'] }],
  ]
  const text = peopleText(people)
  expect(text.length).toBeLessThan(JSON.stringify(people).length / 2)
  expect(peopleOf(text)).toEqual(people)
  for (const odd of [[], [[]], [[{ name: 'a\u001fb', roles: [] }]], [[{ name: '王', roles: ['x\u001ey'] }]]]) expect(peopleOf(peopleText(odd))).toEqual(odd)
})

test('the names tagging knew, and their titles, are kept as text and read back as they were', () => {
  const known = new Map([
    ['王明远', '王明远'],
    ['老王', '王明远'],
  ])
  const roles = new Map([
    ['王明远', ['市委书记', '市长']],
    ['李华', ['副市长']],
  ])
  expect(knownOf(namesText(known)!)).toEqual(known)
  expect(rolesOf(namesText(roles)!)).toEqual(roles)
  const odd = new Map([
    ['王明远', []],
    ['李华', ['']],
    ['', ['副市长', '']],
  ])
  expect(rolesOf(namesText(odd)!)).toEqual(odd)
  expect(knownOf(namesText(new Map())!)).toEqual(new Map())
  expect(namesText(new Map([['a\tb', 'a\tb']]))).toBeNull()
})

test('a state is read back as it was written, and one whose names the text cannot carry is not kept', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tag-state-store-'))
  const state: TagState = {
    registry: '[]',
    known: new Map([['王明远', '王明远']]),
    roles: new Map([['王明远', ['市长']]]),
    pages: new Map([['page-key', peopleText([[{ name: '王明远', roles: ['市长'] }]])]]),
  }
  await writeTagState(dir, state)
  expect(await readTagState(dir)).toEqual(state)
  await writeTagState(dir, { ...state, roles: new Map([['王明远', ['市\n长']]]) })
  expect(await readTagState(dir)).toBeNull()
  // With the first pass's tally: read back as written; a tally line that is not one makes no state.
  const tallied: TagState = { ...state, seen: new Map([['王明远', { count: 3, titled: true, model: false, page: 0, story: 0, offset: 12 }]]) }
  await writeTagState(dir, tallied)
  expect(await readTagState(dir)).toEqual(tallied)
  expect(seenOf(seenText(tallied.seen!)!)).toEqual(tallied.seen)
  expect(() => seenOf('王明远\t3\tx\t0\t0\t12')).toThrow()
  expect(() => seenOf('王明远\t3\t1')).toThrow()
  for (const bad of ['王明远\t3\t1\t0\t0\t12\t7', '王明远\t3\t1\t0\t0\t', '王明远 3 1 0 0 12', '\t3\t1\t0\t0\t1-2', '王明远\t3\t1\t0\t0\t12\n']) expect(() => seenOf(bad)).toThrow()
  const many = new Map([
    ['王明远', { count: 12, titled: false, model: true, page: 4021, story: 3, offset: 0 }],
    ['', { count: 1, titled: true, model: true, page: 0, story: 10, offset: 987 }],
  ])
  expect(seenOf(seenText(many)!)).toEqual(many)
})

test("a page's hits as JSON are parsed for its surname hits only when they may hold one", () => {
  const hits = (text: string): string => JSON.stringify([findPeopleWithModel(text)])
  const surname = hits('项市长出席投运仪式，并察看了运行情况。')
  expect(JSON.parse(surname)[0].some((h: { evidence: string }) => h.evidence === 'surname')).toBe(true)
  expect(mayHoldSurnameHits(surname)).toBe(true)
  expect(mayHoldSurnameHits(hits('市委书记刘建国参加植树。'))).toBe(false)
  // Hits not as JSON are at hand anyway.
  expect(mayHoldSurnameHits([[]])).toBe(true)
})

test('a surname hit is touched only by a changed name it begins', () => {
  expect(surnameTouched('项', ['项光明'])).toBe(true)
  expect(surnameTouched('项', ['李项明', '项'])).toBe(false)
  expect(surnameTouched('欧阳', ['欧阳明'])).toBe(true)
})

const page = (date: string, n: number, body: string): string => `---
paper: 测试日报
date: ${date}
page: ${n}
---
${body}
`

// One old story prints 江山 without a title (no pattern finds him there), another 项市长 (a
// surname standing alone). The added issue titles 江山 and gives 项立群 the title 市长: a full
// pass then finds 江山 in the first and resolves 项市长 to 项立群 in the second.
const OLD = page(
  '2024-03-01',
  1,
  `城区道路改造工程全面完工

本报讯（记者 吴晓东）2月28日，城区道路改造工程全面完工。工作人员在现场察看了道路通行情况，要求做好后续养护工作，确保道路安全畅通。养护联系人：江山。

据了解，此次改造涉及道路12条，总长约30公里。`,
)
const OTHER = page(
  '2024-03-02',
  1,
  `全市春季植树活动启动

本报讯（记者 周海燕）3月1日，全市春季植树活动在东山公园启动。市委书记刘建国参加植树，并与志愿者一起培土浇水。

刘建国强调，要持续推进国土绿化，建设美丽家园。`,
)
const SURNAME = page(
  '2024-03-03',
  1,
  `城东污水处理厂投入运行

本报讯（记者 周海燕）3月2日，城东污水处理厂正式投入运行。项市长出席投运仪式，并察看了运行情况。

该厂日处理污水能力达5万吨。`,
)
const ADDED = page(
  '2024-03-05',
  1,
  `全市经济工作会议召开

本报讯（记者 吴晓东）3月4日，全市经济工作会议召开。市委副书记江山、市长项立群出席会议并讲话。

项立群强调，要坚持稳中求进，推动经济高质量发展。`,
)

function folder(): { content: string; cache: string; add: () => void; remove: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), 'tag-state-'))
  const content = path.join(root, 'content')
  const put = (date: string, text: string): void => {
    const dir = path.join(content, date.slice(0, 4), date)
    mkdirSync(dir, { recursive: true })
    writeFileSync(path.join(dir, 'page-01.txt'), text)
  }
  put('2024-03-01', OLD)
  put('2024-03-02', OTHER)
  put('2024-03-03', SURNAME)
  return {
    content,
    cache: path.join(root, 'cache'),
    add: () => put('2024-03-05', ADDED),
    remove: () => rmSync(path.join(content, '2024', '2024-03-05'), { recursive: true }),
  }
}

/** Every story's people, by story id. */
const peopleById = (model: SiteModel): Record<string, string[]> =>
  Object.fromEntries(model.issues.flatMap((i) => i.pages.flatMap((p) => p.stories.map((s) => [s.id, s.people.map((m) => `${m.name}:${m.roles.join('、')}`)]))))

/** A cached build with the last state; returns its model and its state. */
async function rebuild(content: string, cache: string, previous: TagState | null): Promise<{ model: SiteModel; state: TagState }> {
  const { model, tagState } = await buildModel(content, null, {}, undefined, pageCache(cache), { previous, remember: true })
  return { model, state: tagState! }
}

test('with the last build\'s state, every story gets the people a full pass gives it, as issues come and go', async () => {
  const { content, cache, add, remove } = folder()
  const full = async (): Promise<Record<string, string[]>> => peopleById((await buildModel(content)).model)
  const first = await rebuild(content, cache, null)
  expect(peopleById(first.model)).toEqual(await full())
  const oldStory = (model: SiteModel, date: string): string[] => peopleById(model)[model.issues.find((i) => i.date === date)!.pages[0]!.stories[0]!.id]!
  const names = (model: SiteModel, date: string): string[] => oldStory(model, date).map((p) => p.split(':')[0]!)
  const before = [oldStory(first.model, '2024-03-01'), oldStory(first.model, '2024-03-03')]
  expect(names(first.model, '2024-03-01')).not.toContain('江山')
  expect(names(first.model, '2024-03-03')).not.toContain('项立群')

  add()
  const added = await rebuild(content, cache, first.state)
  expect(peopleById(added.model)).toEqual(await full())
  // The delta reached the old stories: one gained the newly known name, the other the surname's person.
  expect(names(added.model, '2024-03-01')).toContain('江山')
  expect(names(added.model, '2024-03-03')).toContain('项立群')

  remove()
  const removed = await rebuild(content, cache, added.state)
  expect(peopleById(removed.model)).toEqual(await full())
  expect([oldStory(removed.model, '2024-03-01'), oldStory(removed.model, '2024-03-03')]).toEqual(before)
}, 60_000)

test('a story whose people cannot have changed keeps them from the state, and a changed registry tags every story again', async () => {
  const { content, cache, add } = folder()
  const first = await rebuild(content, cache, null)
  add()
  // A state whose people for the unrelated page were altered by hand: they are kept, which shows they were not found afresh.
  const otherKey = [...first.state.pages.keys()].find((key) => first.state.pages.get(key)!.includes('刘建国'))!
  const doctored: TagState = { ...first.state, pages: new Map(first.state.pages).set(otherKey, first.state.pages.get(otherKey)!.replaceAll('刘建国', '刘建设')) }
  const kept = await rebuild(content, cache, doctored)
  expect(Object.values(peopleById(kept.model)).flat().some((p) => p.startsWith('刘建设'))).toBe(true)
  // Another registry: every story is tagged afresh, the doctored entry with it.
  const otherRegistry = await rebuild(content, cache, { ...doctored, registry: '[["someone",[]]]' })
  expect(Object.values(peopleById(otherRegistry.model)).flat().some((p) => p.startsWith('刘建设'))).toBe(false)
}, 60_000)

/** The unconfirmed-name messages of a build, as `path:line reason`. */
const unconfirmed = (files: { path: string; messages: { line?: number | null; reason: string; ruleId?: string | null }[] }[]): string[] =>
  files.flatMap((f) => f.messages.filter((m) => m.ruleId === 'name-unconfirmed').map((m) => `${path.basename(path.dirname(f.path))}:${m.line} ${m.reason}`)).sort()

test("the first pass goes on from the last build's tally when the pages begin with the last build's, and tallies, tags and warns as a full pass", async () => {
  const { content, cache, add } = folder()
  // A name printed once in a list without a title: warned about on its page, wherever the tally comes from.
  const put = (date: string, n: number, text: string): void => {
    const dir = path.join(content, date.slice(0, 4), date)
    mkdirSync(dir, { recursive: true })
    writeFileSync(path.join(dir, `page-0${n}.txt`), text)
  }
  put('2024-03-02', 2, page('2024-03-02', 2, `表彰名单公布\n\n本报讯（记者 周海燕）3月1日，市里公布年度表彰名单：王小川、陈大路、林一木。\n\n获表彰者将于近日领奖。`))
  const full = async (): Promise<{ state: TagState; messages: string[] }> => {
    const built = await buildModel(content, null, {}, undefined, pageCache(mkdtempSync(path.join(tmpdir(), 'tag-full-'))), { remember: true })
    return { state: built.tagState!, messages: unconfirmed(built.files) }
  }
  const go = async (previous: TagState | null) => {
    const built = await buildModel(content, null, {}, undefined, pageCache(cache), { previous, remember: true })
    return { state: built.tagState!, messages: unconfirmed(built.files) }
  }
  const first = await go(null)
  expect(first.state.seen?.size).toBeGreaterThan(0)
  // A tally entry of the last build's alone (no page prints it) shows which builds went on from it.
  const marked: TagState = { ...first.state, seen: new Map(first.state.seen).set('甲乙丙', { count: 2, titled: false, model: false, page: 0, story: 0, offset: 0 }) }
  add()
  const added = await go(marked)
  expect(added.state.seen?.has('甲乙丙')).toBe(true)
  const clean = await full()
  added.state.seen!.delete('甲乙丙')
  expect(added.state).toEqual(clean.state)
  expect(added.messages).toEqual(clean.messages)
  expect(added.messages.length).toBeGreaterThan(0)
  // A page before the last build's last one: every page is tallied again.
  put('2024-03-01', 2, page('2024-03-01', 2, `春耕备耕有序推进\n\n本报讯（记者 吴晓东）2月29日，各镇街春耕备耕工作有序推进。\n\n农技人员深入田间地头开展指导。`))
  const inserted = await go({ ...added.state, seen: new Map(added.state.seen).set('甲乙丙', { count: 2, titled: false, model: false, page: 0, story: 0, offset: 0 }) })
  expect(inserted.state.seen?.has('甲乙丙')).toBe(false)
  const cleanAgain = await full()
  expect(inserted.state.seen).toEqual(cleanAgain.state.seen)
  expect(inserted.messages).toEqual(cleanAgain.messages)
}, 60_000)
