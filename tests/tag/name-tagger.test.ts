import { VFile } from 'vfile'
import { expect, test } from 'vitest'
import { trainTagger } from '../../scripts/names/tagger-training.js'
import { tagArchive } from '../../src/tag/index.js'
import {
  decodingEmissions,
  emissions,
  encode,
  featureBases,
  layout,
  readTaggerFile,
  shippedTagger,
  spansOf,
  Tag,
  TAGS,
  tagNames,
  viterbi,
  writeTaggerFile,
} from '../../src/tag/name-tagger.js'
import { findPeopleWithModel } from '../../src/tag/people.js'
import { resolveSurname, titleAfterSurname } from '../../src/tag/surname-mentions.js'
import { segmentSnippet } from '../helpers/page.js'

// Made-up sentences and names in the genre's style, not from any answer key or corpus.
const tagger = shippedTagger()
if (!tagger) throw new Error('src/lexicon/name-tagger.bin is missing')
const read = (text: string): string[] => tagNames(text, tagger).map((s) => text.slice(s.offset, s.offset + s.length))
const names = (text: string): string[] => findPeopleWithModel(text).filter((h) => h.evidence !== 'surname').map((h) => h.name)

test('Viterbi keeps to well-formed spans: B M… E or S, never an I without a B', () => {
  // emission scores that alone would say M at position 0 and B at the end: both impossible
  const L = layout(2, 0, 0)
  const w = new Float64Array(L.size)
  const scores = new Float64Array(4 * TAGS)
  const set = (i: number, t: number, v: number): void => void (scores[i * TAGS + t] = v)
  set(0, Tag.M, 5)
  set(1, Tag.B, 3)
  set(2, Tag.E, 3)
  set(3, Tag.B, 4)
  const tags = viterbi(4, scores, L, w)
  expect([...tags]).toEqual([Tag.O, Tag.B, Tag.E, Tag.O])
  expect(spansOf(tags)).toEqual([{ offset: 1, length: 2 }])
  expect(spansOf(Uint8Array.from([Tag.S, Tag.O, Tag.B, Tag.M, Tag.M, Tag.E]))).toEqual([
    { offset: 0, length: 1 },
    { offset: 2, length: 4 },
  ])
})

test('the emission scores of training and of decoding are both exactly the sum of the weights of featureBases', () => {
  const text = '１２日上午，欧阳明华和司马光来到东阳，约翰·斯特朗说：“这个项目A3很好。”𠀋'
  const e = encode(text, tagger.idOf, tagger.pairs, tagger.triples)
  const training = emissions(e, tagger.layout, tagger.weights, 1.5)
  const decoding = decodingEmissions(text, tagger, 1.5)
  const bases: number[] = []
  for (let i = 0; i < text.length; i++) {
    for (let t = 0; t < TAGS; t++) {
      let s = t === Tag.O ? 1.5 : 0
      for (const b of featureBases(e, tagger.layout, i, bases)) s += tagger.weights[b + t] as number
      expect(training[i * TAGS + t]).toBeCloseTo(s, 9)
      expect(decoding[i * TAGS + t]).toBeCloseTo(s, 4) // merged rows are float32 sums
    }
  }
})

test('the tagger reads whole names of any length, transliterated ones included', () => {
  expect(read('会上，王建平介绍了今年的工作安排。')).toContain('王建平')
  // a transliterated name: no surname at its start, four characters
  expect(read('俄罗斯外长拉夫罗申科今天表示，')).toContain('拉夫罗申科')
  expect(names('美国国务卿约翰·斯特朗今天表示，')).toContain('约翰·斯特朗')
})

test('a surname standing alone is never a person by itself', () => {
  const hits = findPeopleWithModel('项市长说，这件事要抓紧办。')
  expect(hits.filter((h) => h.evidence !== 'surname')).toEqual([])
  expect(hits.filter((h) => h.evidence === 'surname').map((h) => [h.name, h.role])).toEqual([['项', '市长']])
})

test('a surname standing alone resolves to the one full name of the story, or the one of the archive with the same title', () => {
  expect(titleAfterSurname('项市长说', 1)).toBe('市长')
  const archive = new Map([
    ['项明远', ['市委副书记、市长']],
    ['项立新', ['副市长']],
    ['王海涛', ['县委书记']],
  ])
  expect(resolveSurname('项', '市长', ['项明远', '周海'], new Map())).toBe('项明远')
  expect(resolveSurname('项', '市长', [], archive)).toBe('项明远')
  expect(resolveSurname('项', '副市长', [], archive)).toBe('项立新')
  // two candidates are as good as none; without a title the archive is not asked
  expect(resolveSurname('项', '市长', ['项明远', '项立新'], archive)).toBeNull()
  expect(resolveSurname('项', null, [], archive)).toBeNull()
  expect(resolveSurname('王', '市长', [], archive)).toBeNull()
})

test('in a build, 项市长 is the person the archive knows as 市长项明远; an unresolved surname makes no person', () => {
  const { page } = segmentSnippet(
    '本报讯 3月2日上午，市长项明远主持召开会议，部署安全生产工作。\n\n本报讯 3月5日，项市长来到开发区调研，王书记陪同。他强调，要压实责任。\n',
  )
  tagArchive([{ page, file: new VFile({ path: 'example.txt' }) }], { topics: [], paragraphThreshold: 3, headlineThreshold: 3 }, [])
  const people = page.stories.map((s) => s.people.map((p) => p.name))
  expect(people.flat()).not.toContain('项')
  expect(people.flat()).not.toContain('王')
  expect(people.at(-1)).toContain('项明远')
})

test('an office printed after a full name (项明远市长) is that person’s title: 项市长 elsewhere resolves to it; 先生 is no office', () => {
  expect(findPeopleWithModel('会上，项明远市长作了讲话。').find((h) => h.name === '项明远')?.titleAfter).toBe('市长')
  expect(findPeopleWithModel('会上，周海涛先生作了讲话。').find((h) => h.name === '周海涛')?.titleAfter).toBeUndefined()
  const { page } = segmentSnippet(
    '本报讯 3月2日上午，项明远市长主持召开会议，部署安全生产工作。\n\n本报讯 3月5日，项市长来到开发区调研。他强调，要压实责任。\n',
  )
  tagArchive([{ page, file: new VFile({ path: 'example.txt' }) }], { topics: [], paragraphThreshold: 3, headlineThreshold: 3 }, [])
  const people = page.stories.map((s) => s.people)
  expect(people.at(-1)?.map((p) => p.name)).toContain('项明远')
  // not shown as a role printed before the name
  expect(people[0]?.find((p) => p.name === '项明远')?.roles).toEqual([])
})

test('an item of a 、 list between names, shaped like a name, is a name too; a word at the list’s end is not', () => {
  expect(names('获奖的有王建平、童傅、周海涛等。')).toEqual(['王建平', '童傅', '周海涛'])
  expect(names('会上，张立国、童傅、陈海涛分别发言。')).toContain('童傅')
  expect(names('表现中日甲午海战、孙中山就任临时大总统。')).not.toContain('海战')
})

test('a day of the week before a time of day is a date, not a person named 周', () => {
  expect(names('县长周二上午来到开发区。')).toEqual([])
  expect(names('法国总理若斯潘周二晚表示支持。')).not.toContain('周二晚')
  expect(names('市长周一鸣强调，要压实责任。')).toContain('周一鸣')
})

test('training is deterministic, and a tiny corpus is learnt', () => {
  const corpus = [
    { text: '会上，王建平介绍了情况。', names: [[3, 6]] as [number, number][] },
    { text: '李晓燕说，要抓好落实。', names: [[0, 3]] as [number, number][] },
    { text: '项目建设加快推进。', names: [] },
    { text: '会上，周海涛介绍了情况。', names: [[3, 6]] as [number, number][] },
  ]
  const options = { epochs: 5, minPairCount: 1, minTripleCount: 1, minWeight: 0, seed: 7 }
  const a = writeTaggerFile({ ...trainTagger(corpus, options), source: 'test' })
  const b = writeTaggerFile({ ...trainTagger(corpus, options), source: 'test' })
  expect(a.equals(b)).toBe(true)
  const model = readTaggerFile(a)
  expect(tagNames('会上，王建平介绍了情况。', model)).toEqual([{ offset: 3, length: 3 }])
  expect(tagNames('项目建设加快推进。', model)).toEqual([])
  // another seed shuffles differently: the bytes are the seed's, not an accident of the run
  expect(writeTaggerFile({ ...trainTagger(corpus, { ...options, seed: 8 }), source: 'test' }).length).toBeGreaterThan(0)
})

test('the tagger stays cheap: well under a millisecond of CPU per 1,000-character story', () => {
  const story = '本报讯 6月4日上午，王建平带队检查安全生产工作。他强调，要压实责任，李晓燕介绍了企业的情况。'.repeat(25).slice(0, 1000)
  for (let k = 0; k < 100; k++) tagNames(story, tagger)
  const runs = 300
  const before = process.cpuUsage()
  for (let k = 0; k < runs; k++) tagNames(story, tagger)
  const used = process.cpuUsage(before)
  // a guard against an accidental order-of-magnitude slowdown on a shared machine; the measured figure is in the README
  expect((used.user + used.system) / 1000 / runs).toBeLessThan(1)
})
