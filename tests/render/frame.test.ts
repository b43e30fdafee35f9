import { describe, expect, test } from 'vitest'
import { renderDocument, renderWholeDocument } from '../../src/render/document.js'
import { groupSpecs } from '../../src/render/group-job.js'
import { planSite } from '../../src/render/index.js'
import { loadTemplates } from '../../src/render/templates.js'
import { sampleModel } from '../search/fixtures/site-model.js'

describe('pages rendered inside a frame serialised once per folder', () => {
  const model = sampleModel()
  const site = { config: model.config, templates: loadTemplates() }
  // Rendering rewrites a spec's links in place, so each rendering gets specs of its own.
  const makeSpecs = () => [...planSite(model).pages].flatMap((group) => (group.job ? groupSpecs(model.config, group.job()) : group.specs()))
  const specs = makeSpecs()
  const whole = new Map(makeSpecs().map((spec) => [spec.path, renderWholeDocument(site, spec)]))

  test('are byte for byte the pages serialised as one tree, for every page of a site', () => {
    expect(specs.length).toBeGreaterThan(20)
    for (const spec of specs) expect(String(renderDocument(site, spec).contents), spec.path).toBe(whole.get(spec.path))
  })

  test("take their links, title and head from the page, not from the folder's first page", () => {
    const [a, b] = makeSpecs().filter((spec) => spec.path.startsWith('people/') && spec.path !== 'people/index.html')
    expect(a && b).toBeTruthy()
    const first = String(renderDocument(site, a!).contents)
    const second = String(renderDocument(site, b!).contents)
    expect(first).toBe(whole.get(a!.path))
    expect(second).toBe(whole.get(b!.path))
    expect(second).not.toBe(first)
  })

  test("a title with markup or the frame's marker character stays text", () => {
    const odd = (list: typeof specs) => ({ ...list.find((s) => s.template === 'story')!, title: '<b>&\uE000</b>' })
    const html = String(renderDocument(site, odd(makeSpecs())).contents)
    expect(html).toBe(renderWholeDocument(site, odd(makeSpecs())))
    expect(html).toContain('&#x3C;b>&#x26;\uE000&#x3C;/b>')
  })
})
