import { expect, test } from 'vitest'
import { findKnownNames } from '../../src/tag/index.js'
import { readName } from '../../src/tag/name-shape.js'
import { findPeople, titleBefore } from '../../src/tag/people.js'

const names = (text: string): string[] => findPeople(text).map((h) => h.name)

test('a title right before a name gives the person and the printed title', () => {
  expect(findPeople('5月6日，县委书记王明远主持召开会议。')).toMatchObject([{ name: '王明远', role: '县委书记', evidence: 'title' }])
})

test('titles joined by 、 stay one printed role', () => {
  expect(findPeople('市委副书记、代市长孙丽华带队检查。')[0]?.role).toBe('市委副书记、代市长')
})

test('a two-character name ends where a follower word starts', () => {
  expect(readName('赵刚主持会议', 0)).toEqual({ name: '赵刚', bounded: true })
  expect(readName('赵刚强主持会议', 0)).toEqual({ name: '赵刚强', bounded: true })
})

test('a name whose last character is also a word (表, 和) is read whole when it clearly ends', () => {
  expect(readName('李建表、王华参加', 0)?.name).toBe('李建表')
  expect(readName('张志和、王华参加', 0)?.name).toBe('张志和')
})

test('a leaders list after 市领导 gives every name, without roles', () => {
  expect(findPeople('市领导钱一鸣、孙丽、周建新参加活动。').map((h) => [h.name, h.role, h.evidence])).toEqual([
    ['钱一鸣', null, 'list'],
    ['孙丽', null, 'list'],
    ['周建新', null, 'list'],
  ])
})

test('a title printed after the name (总书记) finds the name but no role', () => {
  expect(findPeople('深入学习贯彻刘大江同志的讲话精神')).toMatchObject([{ name: '刘大江', role: null, evidence: 'title-after' }])
})

test('the clause before a title is not part of it', () => {
  const text = '高明还与包扶的贫困户李小军交谈'
  expect(titleBefore(text, text.indexOf('李小军'))).toBe('贫困户')
})

test('ordinary words after a title are not names', () => {
  expect(names('更好激励广大党员干部在重要工作中建功立业')).toEqual([])
  expect(names('相关负责人来我县调研')).toEqual([])
  expect(names('市长碰头会召开')).toEqual([])
})

test('a known name is found without a title; a two-character one only where it clearly ends', () => {
  const known = new Map([
    ['王明远', '王明远'],
    ['温和', '温和'],
  ])
  expect(findKnownNames('王明远强调，要以温和的方式推进。温和表示同意。', known)).toEqual([
    { name: '王明远', offset: 0 },
    { name: '温和', offset: 16 },
  ])
})

test('a surname that is also a follower word (曾, 和) still starts a name in a list', () => {
  expect(names('市领导曾晓红、和平安参加活动。')).toEqual(['曾晓红', '和平安'])
})

test('a name at a clause start before a speech verb is a person; a body before 主席 is not', () => {
  expect(findPeople('会上，钱一鸣说，要抓好落实。').map((h) => [h.name, h.evidence])).toEqual([['钱一鸣', 'speech']])
  expect(names('市政协主席赵大勇出席')).toEqual(['赵大勇'])
})
