// Person keys kept from the last build (render/person-keys.ts) must be the keys made afresh.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { buildModel } from '../../src/pipeline.js'
import { pageKeyer } from '../../src/render/page-key.js'
import { personKeys, type PersonKeyState } from '../../src/render/person-keys.js'
import { buildSiteContext } from '../../src/render/site-context.js'
import { loadTemplates } from '../../src/render/templates.js'
import { generateArchive } from '../../src/synth/generate.js'
import { DEFAULT_VOCABULARY } from '../../src/synth/vocabulary.js'
import type { Issue, SiteModel, Story } from '../../src/types.js'

let model: SiteModel
let previous: PersonKeyState

const templates = loadTemplates()
/** A keyer that counts the person keys it makes (every key but the context's). */
function counting(config: SiteModel['config']) {
  const key = pageKeyer(templates, config)
  const counter = { made: 0, key: (made: unknown) => (counter.made++, key(made)) }
  return counter
}

beforeAll(async () => {
  const content = path.join(mkdtempSync(path.join(tmpdir(), 'person-keys-')), 'content')
  for (const page of generateArchive({ issues: 24, seed: 5, start: '2021-11-20', vocabulary: DEFAULT_VOCABULARY })) {
    const file = path.join(content, page.path)
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, page.text)
  }
  model = (await buildModel(content)).model
  previous = personKeys(buildSiteContext(model), counting(model.config).key, null).state()
}, 60_000)

const stories = (issue: Issue): Story[] => issue.pages.flatMap((page) => page.stories)
/** A story of the issue that names someone. */
const namingStory = (issue: Issue): Story => stories(issue).find((story) => story.people.length > 0)!

describe('a person key kept from the last build', () => {
  test('is kept for everyone when nothing changed, and made for no one', () => {
    const copy = structuredClone(model)
    const counter = counting(copy.config)
    const keys = personKeys(buildSiteContext(copy), counter.key, previous)
    const site = buildSiteContext(copy)
    for (const entry of site.people) expect(keys.keyOf(entry)).toBe(previous.people[entry.name]![1])
    // The context's key alone.
    expect(counter.made).toBe(1)
    expect(keys.state()).toEqual(previous)
  })

  // Each edit is made to a copy (an issue's hash is kept per issue object, as a build makes its issues once).
  test.each<[string, (copy: SiteModel) => void]>([
    ['a retitled story', (m) => (namingStory(m.issues[5]!).title = '改过的标题')],
    ['a person added to a story', (m) => namingStory(m.issues[6]!).people.push({ name: '陈美蓉', roles: [] })],
    ['a person taken from a story', (m) => namingStory(m.issues[7]!).people.pop()],
    ['a role added', (m) => namingStory(m.issues[8]!).people[0]!.roles.push('编辑加的职务')],
    ['an issue removed', (m) => m.issues.splice(9, 1)],
    ['an issue added', (m) => m.issues.push({ ...structuredClone(m.issues[0]!), date: '2030-01-02' })],
    ['an alias in the registry', (m) => (m.people = [...m.people, { name: namingStory(m.issues[3]!).people[0]!.name, aliases: ['另一个名字'] }])],
    // `·name` sorts before `name` and has its slug, so it takes the page and moves `name` to a suffixed URL.
    ['a person moved to a suffixed URL', (m) => namingStory(m.issues[2]!).people.push({ name: `·${namingStory(m.issues[4]!).people[0]!.name}`, roles: [] })],
  ])('is the key made afresh after %s', (_name, edit) => {
    const copy = structuredClone(model)
    edit(copy)
    const site = buildSiteContext(copy)
    const counter = counting(copy.config)
    const kept = personKeys(site, counter.key, previous)
    const fresh = personKeys(site, counting(copy.config).key, null)
    let differ = 0
    for (const entry of site.people) {
      expect(kept.keyOf(entry)).toBe(fresh.keyOf(entry))
      if (previous.people[entry.name]?.[1] !== fresh.keyOf(entry)) differ++
    }
    // The edit changed someone's key; an edit to one issue left most people's keys to be kept.
    expect(differ).toBeGreaterThan(0)
    if (!/registry|suffixed/u.test(_name)) expect(counter.made).toBeLessThan(site.people.length / 2)
    expect(kept.state()).toEqual(fresh.state())
  })
})
