// A page group's key data (render/group-job.ts groupKeyData): the parts it stands for by a
// hash must still change with what they stand for.
import { describe, expect, test } from 'vitest'
import { groupKeyData, type GroupJob } from '../../src/render/group-job.js'
import type { PersonMention } from '../../src/types.js'

const person = (stories: [string, string, string, PersonMention[]][]): GroupJob => ({
  kind: 'person',
  inputs: { name: '章旭升', url: 'people/p1.html', aliases: [], stories, urls: [['胡勇春', 'people/p2.html']] },
})

const key = (job: GroupJob) => JSON.stringify(groupKeyData(job))

describe('a person group key', () => {
  const people: PersonMention[] = [{ name: '章旭升', roles: ['市委书记'] }, { name: '胡勇春', roles: [] }]
  const story: [string, string, string, PersonMention[]] = ['2022/2022-06-07/p1-l9.html', '市委书记章旭升主持召开专题会议', '2022-06-07', people]

  test('is the same for the same stories, and holds a short hash for each instead of the story', () => {
    expect(key(person([story]))).toBe(key(person([[...story]])))
    expect(key(person([story]))).not.toContain('主持召开')
  })

  test("changes with a story's url, title, date or people, even when its list of people is the same array", () => {
    const base = key(person([story]))
    expect(key(person([[story[0], '另一个标题', story[2], people]]))).not.toBe(base)
    expect(key(person([[story[0].replace('l9', 'l10'), story[1], story[2], people]]))).not.toBe(base)
    expect(key(person([[story[0], story[1], '2022-06-08', people]]))).not.toBe(base)
    expect(key(person([[story[0], story[1], story[2], [...people, { name: '陈美蓉', roles: [] }]]]))).not.toBe(base)
    // And back: the first story's key again, not the last one memoized for its people.
    expect(key(person([story]))).toBe(base)
  })
})
