// A page group's key data (render/group-job.ts groupKeyData): the parts it stands for by a
// hash must still change with what they stand for.
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { buildModel } from '../../src/pipeline.js'
import { groupKeyData, type GroupJob } from '../../src/render/group-job.js'
import { apiFileEntries, apiFiles } from '../../src/render/json-api.js'
import { ROOT } from '../helpers/score.js'
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

describe("an issue's key, shared by its pages' group and its API file", () => {
  test('the API file made when asked is the one apiFiles makes, and its key changes with the issue', async () => {
    const { model } = await buildModel(path.join(ROOT, 'content'))
    const made = new Map([...apiFiles(model)].map((f) => [f.path, String(f.contents)]))
    const entries = [...apiFileEntries(model)]
    expect(entries.map((f) => f.path)).toEqual([...made.keys()])
    for (const f of entries) expect(String(typeof f.contents === 'function' ? f.contents() : f.contents)).toBe(made.get(f.path))

    const issue = model.issues[0]!
    const keyOf = () => {
      const entry = [...apiFileEntries(model)].find((f) => f.path.endsWith(`${issue.date}.json`))!
      return 'inputs' in entry ? entry.inputs : ''
    }
    const story = issue.pages[0]!.stories[0]!
    const keys = [keyOf()]
    // Each change is made to a copy of the issue (the key is kept per issue object, as a build makes them once).
    const change = (edit: (copy: typeof issue) => void) => {
      const copy = structuredClone(issue)
      edit(copy)
      model.issues[0] = copy
      keys.push(keyOf())
      model.issues[0] = issue
    }
    // A copy as it is keys as the issue does.
    change(() => {})
    expect(keys[1]).toBe(keys[0])
    keys.pop()
    change((copy) => (copy.pages[0]!.stories[0]!.title = `${story.title}（更正）`))
    change((copy) => copy.pages[0]!.stories[0]!.people.push({ name: '陈美蓉', roles: [] }))
    change((copy) => (copy.pages[0]!.sourceKey = 'another page job'))
    change((copy) => (copy.paper = '另一份报纸'))
    expect(new Set(keys).size).toBe(keys.length)
    expect(keyOf()).toBe(keys[0])
  })
})
