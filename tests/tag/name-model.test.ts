import { readFileSync } from 'node:fs'
import { VFile } from 'vfile'
import { expect, test } from 'vitest'
import { tagArchive } from '../../src/tag/index.js'
import { candidates, defaultNameModel, fastWeight, featureA, featureB, featureKey, featureKind, features, Kind, modelFromFile, modelNames, score, spanProbability, type NameModelFile } from '../../src/tag/name-model.js'
import { findPeople, findPeopleWithModel } from '../../src/tag/people.js'
import { segmentSnippet } from '../helpers/page.js'

// Made-up sentences in the genre's style; the names are invented, not from any key.
// names, not the surnames standing alone that are kept for resolution (`王书记`'s 王)
const names = (text: string): string[] => findPeopleWithModel(text).filter((h) => h.evidence !== 'surname').map((h) => h.name)

test('names printed without a title are found by the model', () => {
  const text = '会上，王建平介绍了今年的工作安排，李晓燕就下一步工作提出了建议。'
  expect(findPeople(text).map((h) => h.name)).not.toContain('李晓燕')
  expect(names(text)).toEqual(expect.arrayContaining(['王建平', '李晓燕']))
  expect(findPeopleWithModel(text).find((h) => h.name === '李晓燕')?.evidence).toBe('model')
})

test('a name after a verb in running text is found whole', () => {
  expect(names('记者在村里见到了正在忙碌的张国庆。')).toContain('张国庆')
})

test('places, titles and ordinary words that start with a surname character are not names', () => {
  for (const text of [
    '市长主持召开会议，研究部署安全生产工作。',
    '全市各地高度重视，方面军和平安建设同步推进。',
    '项目建设加足马力抢进度，确保按期完工。',
    '金华、温州等地的企业负责人参加了活动。',
    '文化礼堂里热闹非凡，群众高兴地观看演出。',
  ]) {
    expect(findPeopleWithModel(text).filter((h) => h.evidence === 'model')).toEqual([])
  }
})

test('the printed shapes keep their spans and roles; the model only adds where they found nothing', () => {
  const hits = findPeopleWithModel('县委书记王明远主持会议，周海涛汇报了工作。')
  expect(hits[0]).toMatchObject({ name: '王明远', role: '县委书记', evidence: 'title' })
  expect(hits.slice(1).map((h) => [h.name, h.evidence])).toEqual([['周海涛', 'model']])
})

test('a higher threshold takes fewer names, and every name taken is at least that probable', () => {
  const text = '王建平介绍，李晓燕、陈志刚和赵红梅参加了座谈，刘华也发了言。'
  const low = modelNames(text, defaultNameModel(), 0.2)
  const high = modelNames(text, defaultNameModel(), 0.9)
  expect(high.length).toBeLessThanOrEqual(low.length)
  for (const n of high) expect(n.p).toBeGreaterThanOrEqual(0.9)
  expect(modelNames(text, defaultNameModel(), 1)).toEqual([])
})

test('the fast scorer gives exactly the reference score of every candidate', () => {
  const text = '１２日上午，欧阳明华和司马光来到东阳，王建平说：“这个项目A3很好。”李四表示，'
  const model = defaultNameModel()
  const keys: number[] = []
  const reference = candidates(text)
    .map((c) => ({ name: text.slice(c.start, c.start + c.length), offset: c.start, p: 1 / (1 + Math.exp(-score(model, features(text, c, keys)))) }))
    .filter((c) => c.p >= 0.01)
  const fast = modelNames(text, model, 0.01)
  // the fast reader keeps the best non-overlapping spans: each must have the probability of the best
  // reference reading of that span (司马光 is read both as 司 + 马光 and as 司马 + 光)
  for (const f of fast) {
    const same = reference.filter((r) => r.offset === f.offset && r.name === f.name).map((r) => r.p)
    expect(Math.max(...same)).toBeCloseTo(f.p, 12)
  }
  expect(fast.length).toBeGreaterThan(0)
})

test("a span's probability is the reference score of that reading, and 0 for a span that is no candidate", () => {
  const text = '１２日上午，欧阳明华和司马光来到东阳，王建平说：“这个项目A3很好。”李四表示，'
  const model = defaultNameModel()
  const keys: number[] = []
  const found = candidates(text)
  for (const c of found) {
    // spanProbability reads a compound surname as one when the span has room for it (司马光 as 司马 + 光)
    if (c.surname === 1 && c.length >= 3 && found.some((o) => o.start === c.start && o.surname === 2)) continue
    const reference = 1 / (1 + Math.exp(-score(model, features(text, c, keys))))
    expect(spanProbability(text, c.start, c.length, model)).toBeCloseTo(reference, 12)
  }
  expect(found.length).toBeGreaterThan(4)
  expect(spanProbability(text, text.indexOf('上午'), 2, model)).toBe(0)
  expect(spanProbability(text, text.indexOf('A3'), 2, model)).toBe(0)
})

test('a model file loads the same way every time, and an empty model finds nothing', () => {
  const file: NameModelFile = { version: 1, scale: 1000, threshold: 0.5, source: 'test', features: { '0': [0, 0, -3000] } }
  expect([...modelFromFile(file).weights]).toEqual([...modelFromFile(file).weights])
  expect(modelNames('王建平介绍说', modelFromFile(file))).toEqual([])
  expect(defaultNameModel()).toBe(defaultNameModel())
})

test('the fast tables made from the model file are those made from its weights', () => {
  const file = JSON.parse(readFileSync(new URL('../../src/lexicon/name-model.json', import.meta.url), 'utf8')) as NameModelFile
  const fromFile = modelFromFile(file)
  // The same weights as a model of its own (as training makes one): its tables come from the Map.
  const fromWeights = { weights: new Map(fromFile.weights), threshold: fromFile.threshold }
  // Each triple is one weight: a key given twice would make the two ways differ.
  expect(fromWeights.weights.size).toBe(Object.values(file.features).reduce((n, triples) => n + triples.length / 3, 0))
  for (const [key, weight] of fromWeights.weights) {
    const [kind, a, b] = [featureKind(key), featureA(key), featureB(key)]
    const [fileWeight, mapWeight] = [fastWeight(fromFile, kind, a, b), fastWeight(fromWeights, kind, a, b)]
    // One expect only where they differ: 126,000 of them would take seconds.
    if (fileWeight !== weight || mapWeight !== weight) expect([kind, a, b, fileWeight, mapWeight]).toEqual([kind, a, b, weight, weight])
  }
  const text = '１２日上午，欧阳明华和司马光来到东阳，王建平说：“这个项目A3很好。”李四表示，记者在村里见到了正在忙碌的张国庆。会上，王建平介绍了今年的工作安排，李晓燕就下一步工作提出了建议。'
  const found = candidates(text)
  expect(found.length).toBeGreaterThan(10)
  for (const c of found) expect(spanProbability(text, c.start, c.length, fromFile)).toBe(spanProbability(text, c.start, c.length, fromWeights))
  expect(modelNames(text, fromFile, 0.01)).toEqual(modelNames(text, fromWeights, 0.01))
})

test('the model stays cheap: well under a millisecond of CPU per 1,000-character story', () => {
  const story = '本报讯 6月4日上午，王建平带队检查安全生产工作。他强调，要压实责任，李晓燕介绍了企业的情况。'.repeat(25).slice(0, 1000)
  for (let k = 0; k < 100; k++) modelNames(story) // compiled by the JIT, as in a long build
  const runs = 300
  const before = process.cpuUsage()
  for (let k = 0; k < runs; k++) modelNames(story)
  const used = process.cpuUsage(before)
  const ms = (used.user + used.system) / 1000 / runs
  // a guard against an accidental order-of-magnitude slowdown on a shared CI machine; the measured figure is in the README
  expect(ms).toBeLessThan(1)
})

test('in a build, a name read by the model once and never with a title is tagged and reported for an editor to confirm', () => {
  const { page } = segmentSnippet('本报讯 3月2日上午，县委书记王明远主持召开会议。会上，周海涛汇报了全县的工作情况，王明远对下一步工作提出要求。\n')
  const file = new VFile({ path: 'example.txt' })
  tagArchive([{ page, file }], { topics: [], paragraphThreshold: 3, headlineThreshold: 3 }, [])
  const people = page.stories.flatMap((s) => s.people.map((p) => p.name))
  expect(people).toEqual(expect.arrayContaining(['王明远', '周海涛']))
  const warnings = file.messages.filter((m) => m.ruleId === 'name-unconfirmed').map((m) => m.reason)
  expect(warnings).toHaveLength(1)
  expect(warnings[0]).toContain('周海涛')
  expect(warnings[0]).toContain('name model')
})

test('a surname with a form of address or a title is not a name: 王书记, 周先生, 李老师', () => {
  for (const text of ['王书记说，这件事要抓紧办。', '周先生表示，他对结果很满意。', '记者见到了李老师，她正在备课。', '张总介绍，公司今年订单充足。']) {
    expect(names(text)).toEqual([])
  }
})

test('given-name characters that are also words (家, 有, 全) do not stop a name the model reads', () => {
  expect(names('会上，李家明介绍了村里的情况。')).toContain('李家明')
  expect(names('会上，王有才介绍了村里的情况。')).toContain('王有才')
})

test('after a word for a group, a phrase is not taken for a name when the model finds it impossible', () => {
  expect(names('要加强对流动党员管理，教育广大党员和群众。')).toEqual([])
  // an office before a name is trusted whatever the model says
  expect(findPeopleWithModel('市委副书记温明主持会议。').map((h) => [h.name, h.evidence])).toEqual([['温明', 'title']])
})

test('a name inside an organisation name is the organisation, not a person', () => {
  expect(names('记者走进周成电器有限公司的车间。')).not.toContain('周成')
})

test('a less probable reading is taken next to a name in a 、 list or before a title or speech verb', () => {
  const text = '出席会议的还有陈志刚、童晓、赵红梅。'
  const list = findPeopleWithModel(text).map((h) => h.name)
  expect(list).toEqual(expect.arrayContaining(['陈志刚', '赵红梅']))
  // the cue never lowers the bar below the cue threshold, and never adds a name with no cue
  for (const h of findPeopleWithModel(text, undefined, undefined, undefined, null)) if (h.evidence === 'model') expect(h.p).toBeGreaterThanOrEqual(0.15)
})

test('after an office, where the text does not show where the name ends, the model chooses its length', () => {
  const hits = findPeopleWithModel('省委常委赵明今天上午到企业调研。')
  expect(hits.map((h) => [h.name, h.role])).toEqual([['赵明', '省委常委']])
})

test('the first characters of a foreign name are not taken for a Chinese name', () => {
  // the span model and the printed shapes alone (no sequence tagger) refuse them
  const spanOnly = (text: string): string[] => findPeopleWithModel(text, undefined, undefined, undefined, null).map((h) => h.name)
  expect(spanOnly('该国农业部长萨斯蒂卡最近表示，')).toEqual([])
  expect(spanOnly('市长罗兰·维斯出席了仪式。')).toEqual([])
  // the sequence tagger reads the whole name or nothing, never its first characters
  for (const found of names('该国农业部长萨斯蒂卡最近表示，')) expect(found).toBe('萨斯蒂卡')
  for (const found of names('市长罗兰·维斯出席了仪式。')) expect(found).toBe('罗兰·维斯')
})

test('a feature key reads back as the kind and characters it was made of', () => {
  for (const [kind, a, b] of [[Kind.Bias, 0, 0], [Kind.Surname, 0x738b, 0], [Kind.Around, 0x9fff, 0x4e00], [Kind.Shape, 11, 3]] as const) {
    const key = featureKey(kind, a, b)
    expect([featureKind(key), featureA(key), featureB(key)]).toEqual([kind, a, b])
  }
  // Every key of the shipped model, each to the same key again.
  for (const key of defaultNameModel().weights.keys()) if (featureKey(featureKind(key), featureA(key), featureB(key)) !== key) expect.fail(`key ${key}`)
})

