// A page group's key data (render/group-job.ts groupKeyData): the parts it stands for by a
// hash must still change with what they stand for.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { buildModel } from '../../src/pipeline.js'
import { issueKey, issueKeyData, personKeyData } from '../../src/render/group-job.js'
import { issueGroupInputs } from '../../src/render/issue-group.js'
import { apiFileEntries, apiFiles } from '../../src/render/json-api.js'
import { buildSiteContext } from '../../src/render/site-context.js'
import { planSite } from '../../src/render/index.js'
import { INDEX_LIMIT } from '../../src/render/pages/name-index.js'
import { crowdNames, makeStory, visitsModel } from '../search/fixtures/site-model.js'
import { ROOT } from '../helpers/score.js'
import type { SiteModel } from '../../src/types.js'

describe('a person group key', () => {
  // The seeds' most mentioned person; each change is made to a copy of the model, as a build
  // makes its issues once (an issue's hash is kept per issue object).
  const keyOf = (model: SiteModel, name: string) => {
    const site = buildSiteContext(model)
    const entry = site.people.find((e) => e.name === name)!
    return JSON.stringify(personKeyData(site, entry))
  }
  const seeds = async () => (await buildModel(path.join(ROOT, 'content'))).model
  const storyOf = (model: SiteModel, name: string) =>
    model.issues.flatMap((i) => i.pages.flatMap((p) => p.stories)).find((s) => s.people.some((p) => p.name === name))!

  test("stands for each story by its issue's hash and url, not the story's text, and is the same for a copy", async () => {
    const model = await seeds()
    const name = buildSiteContext(model).people[0]!.name
    const key = keyOf(model, name)
    expect(key).not.toContain(storyOf(model, name).title)
    expect(keyOf(structuredClone(model), name)).toBe(key)
  })

  test("changes with a story's title, people or roles, and with the people named beside the person", async () => {
    const model = await seeds()
    const name = buildSiteContext(model).people[0]!.name
    const base = keyOf(model, name)
    const changed = (edit: (copy: SiteModel) => void) => {
      const copy = structuredClone(model)
      edit(copy)
      return keyOf(copy, name)
    }
    const keys = [
      base,
      changed((copy) => (storyOf(copy, name).title = '另一个标题')),
      changed((copy) => storyOf(copy, name).people.push({ name: '陈美蓉', roles: [] })),
      changed((copy) => storyOf(copy, name).people.find((p) => p.name === name)!.roles.push('市长')),
      changed((copy) => (copy.people = [...copy.people, { name, aliases: ['另一个名字'] }])),
    ]
    expect(new Set(keys).size).toBe(keys.length)
  })

  test("changes when a person named beside them has their page moved to a suffixed URL by another issue's story", async () => {
    const model = await seeds()
    const site = buildSiteContext(model)
    // A person whose stories are not all the archive's issues, one named beside them, and a story of another issue.
    const issuesOf = (name: string) => new Set(site.people.find((e) => e.name === name)!.stories.map((ref) => ref.issue.date))
    const entry = site.people.find((e) => issuesOf(e.name).size < model.issues.length && e.stories.some((ref) => ref.story.people.length > 1))!
    expect(entry).toBeDefined()
    const beside = entry.stories.flatMap((ref) => ref.story.people.map((p) => p.name)).find((name) => name !== entry.name)!
    const elsewhere = model.issues.findIndex((issue) => !issuesOf(entry.name).has(issue.date))
    const base = keyOf(model, entry.name)
    const copy = structuredClone(model)
    // `·胡勇春` sorts before `胡勇春` and has the same slug, so it takes `people/胡勇春.html` and pushes `胡勇春` to `-2`.
    copy.issues[elsewhere]!.pages[0]!.stories[0]!.people.push({ name: `·${beside}`, roles: [] })
    const moved = buildSiteContext(copy)
    expect(moved.personUrl(beside)).not.toBe(site.personUrl(beside))
    expect(moved.suffixedPeople.has(beside)).toBe(true)
    expect(keyOf(copy, entry.name)).not.toBe(base)
  })
})

describe("an issue group's key", () => {
  // Each edit is made to a copy of the seeds' model (an issue's hash is kept per issue object).
  const seeds = async () => (await buildModel(path.join(ROOT, 'content'))).model
  /** The group's key data, and its inputs as they reach the render thread, with the issue by its hash. */
  const both = (model: SiteModel, date: string) => {
    const site = buildSiteContext(model)
    const issue = site.issues.find((i) => i.date === date)!
    return { key: JSON.stringify(issueKeyData(site, issue)), inputs: JSON.stringify({ ...issueGroupInputs(site, issue), issue: issueKey(issue) }) }
  }

  test('changes whenever its inputs do — neighbours, the pages of the people and topics it names — and not otherwise', async () => {
    const model = await seeds()
    const dates = model.issues.map((i) => i.date).sort()
    // The middle issue: it has an issue and a story on either side.
    const date = dates[2]!
    const inIssue = (copy: SiteModel, d: string) => copy.issues.find((i) => i.date === d)!.pages[0]!.stories
    const issueOf = (d: string) => model.issues.find((i) => i.date === d)!
    // An issue not beside it, and a person and a topic it names that that issue does not.
    const far = dates[0]!
    const farStories = issueOf(far).pages.flatMap((p) => p.stories)
    const person = inIssue(model, date).flatMap((s) => s.people.map((p) => p.name)).find((name) => !farStories.some((s) => s.people.some((m) => m.name === name)))!
    const topic = inIssue(model, date).flatMap((s) => s.topics).find((name) => !farStories.some((s) => s.topics.includes(name)))!
    expect(person).toBeDefined()
    expect(topic).toBeDefined()
    const base = both(model, date)
    const edited = (edit: (copy: SiteModel) => void) => {
      const copy = structuredClone(model)
      edit(copy)
      return both(copy, date)
    }
    const edits = {
      // The story read just before it: the previous issue's last story.
      'the story before it retitled': edited((copy) => (inIssue(copy, dates[1]!).at(-1)!.title = '另一个标题')),
      'an older issue moved to another date': edited((copy) => (copy.issues.find((i) => i.date === dates[1])!.date = '2021-12-31')),
      // `·name` sorts before the name and has the same slug, so it takes the name's page and pushes it to `-2`.
      "a person it names pushed to a suffixed page by another issue's story": edited((copy) => inIssue(copy, far).at(0)!.people.push({ name: `·${person}`, roles: [] })),
      "a topic it names pushed to a suffixed page by another issue's story": edited((copy) => inIssue(copy, far).at(0)!.topics.push(`·${topic}`)),
    }
    for (const [what, made] of Object.entries(edits)) {
      expect(made.inputs, what).not.toBe(base.inputs)
      expect(made.key, what).not.toBe(base.key)
    }
    // A story of an issue that is not beside it, naming none of its people or topics.
    const unrelated = edited((copy) => (inIssue(copy, far).at(0)!.title = '另一个标题'))
    expect(unrelated).toEqual(base)
    expect(both(structuredClone(model), date)).toEqual(base)
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

describe('a site-wide page group keyed by its inputs (year, month, topic and name-index pages)', () => {
  // Over three years a topic and an official with year pages, and more names than the people
  // index lists, so that it has pages by first character.
  const crowd = crowdNames(INDEX_LIMIT + 20)
  const base = (): SiteModel =>
    visitsModel(130, (i) => ({
      people: [{ name: '周明远', roles: ['县长'] }, ...(i === 0 ? crowd.map((name) => ({ name, roles: [] })) : [])],
      topics: i % 2 === 0 ? ['五金产业'] : ['五金产业', '疫情防控'],
    }))
  /** Each keyed site-wide group's key and its pages' HTML, by the group's paths. */
  const render = (model: SiteModel): Map<string, { key: string; html: string }> => {
    const plan = planSite(model)
    const out = new Map<string, { key: string; html: string }>()
    for (const group of plan.pages) {
      if (group.job || group.key === null) continue
      out.set(group.paths.join(' '), { key: group.key, html: group.specs().map((spec) => String(plan.render(spec).contents)).join('\n') })
    }
    return out
  }
  const story = (model: SiteModel, i: number) => model.issues[i]!.pages[0]!.stories[0]!

  test('names every kind of site-wide list page', () => {
    const groups = [...render(base()).keys()]
    for (const path of ['2019/index.html', '2019/01/index.html', 'topics/index.html', 'people/index.html', 'people/by/王.html']) {
      expect(groups.some((paths) => paths.split(' ').includes(path))).toBe(true)
    }
    // A topic's year pages are groups of their own.
    expect(groups).toContain('topics/五金产业/2019.html')
  })

  test("a new story in the newest year changes that year's page and the entry's, not the other years', and of the pages by first character only its person's", () => {
    const before = render(base())
    const model = base()
    const newest = model.issues.reduce((a, b) => (a.date > b.date ? a : b))
    const year = newest.date.slice(0, 4)
    newest.pages[0]!.stories.push(makeStory(newest.date, 1, { title: '又一篇', body: ['又一篇。'], bodyLine: 9, topics: ['五金产业'], people: [{ name: '周明远', roles: [] }] }))
    const after = render(model)
    const changed = [...after].filter(([paths, now]) => before.get(paths)?.key !== now.key).map(([paths]) => paths)
    const yearPages = [...after.keys()].filter((paths) => /^topics\/五金产业\/\d{4}\.html$/.test(paths))
    expect(yearPages.length).toBeGreaterThan(2)
    expect(changed).toContain(`topics/五金产业/${year}.html`)
    expect(changed).toContain('topics/五金产业.html')
    for (const other of yearPages.filter((paths) => !paths.endsWith(`${year}.html`))) expect(changed).not.toContain(other)
    // 周明远's count and latest story change on the page of 周 alone.
    expect(changed.filter((paths) => paths.startsWith('people/by/'))).toEqual(['people/by/周.html'])
  })

  // A group whose key is unchanged must make the same bytes; each edit changes some group's bytes.
  test.each<[string, (model: SiteModel) => void]>([
    ['a retitled story', (m) => (story(m, 40).title = '改过的标题')],
    ['a topic added to a story', (m) => story(m, 40).topics.push('城市建设')],
    ['a topic taken from a story', (m) => (story(m, 41).topics = ['五金产业'])],
    ['a person added to a story', (m) => story(m, 3).people.push({ name: '王一一', roles: [] })],
    ['the newest story naming one of the crowd', (m) => story(m, m.issues.length - 1).people.push({ name: crowd[7]!, roles: [] })],
    ['another paper name', (m) => (m.issues[50]!.paper = '另一份报纸')],
    ['an issue removed', (m) => m.issues.splice(60, 1)],
    ['the issues of a month removed', (m) => (m.issues = m.issues.filter((i) => !i.date.startsWith('2019-02')))],
    ['the newest story retitled', (m) => (story(m, m.issues.length - 1).title = '改过的标题')],
    ['a second story in an issue', (m) => m.issues[70]!.pages[0]!.stories.push(makeStory(m.issues[70]!.date, 1, { title: '又一篇', body: ['又一篇。'], bodyLine: 9, topics: ['五金产业'] }))],
  ])('%s', (_name, edit) => {
    const before = render(base())
    const model = base()
    edit(model)
    const after = render(model)
    let changed = 0
    for (const [paths, now] of after) {
      const was = before.get(paths)
      if (!was) continue
      if (was.key === now.key) expect(now.html).toBe(was.html)
      else if (was.html !== now.html) changed++
    }
    expect(changed).toBeGreaterThan(0)
  })
})

describe('the API page (api.html), made from templates/api.md', () => {
  const apiGroup = (model: SiteModel, templateDir: string) => {
    const plan = planSite(model, { templateDir })
    const group = [...plan.pages].find((g) => g.paths.includes('api.html'))!
    return { key: group.key, html: group.specs().map((spec) => String(plan.render(spec).contents)).join('\n') }
  }

  test('is keyed, so a rebuild keeps it without rendering its markdown, and its key and page change with the markdown', () => {
    const model = visitsModel(3, () => ({ people: [], topics: [] }))
    const dir = mkdtempSync(path.join(tmpdir(), 'api-doc-'))
    cpSync(path.join(ROOT, 'templates'), dir, { recursive: true })
    const before = apiGroup(model, dir)
    expect(before.key).not.toBeNull()
    expect(apiGroup(model, dir)).toEqual(before)
    writeFileSync(path.join(dir, 'api.md'), `${readFileSync(path.join(dir, 'api.md'), 'utf8')}\n\n另见本地说明。\n`)
    const after = apiGroup(model, dir)
    expect(after.key).not.toBe(before.key)
    expect(after.html).toContain('另见本地说明。')
    expect(before.html).not.toContain('另见本地说明。')
  })
})
