// An issue's pages are made from its inputs alone (render/issue-group.ts): the context they
// read answers from the inputs and refuses everything else.
import path from 'node:path'
import { expect, test } from 'vitest'
import { buildModel } from '../../src/pipeline.js'
import { inputsContext, issueGroupInputs } from '../../src/render/issue-group.js'
import { buildSiteContext } from '../../src/render/site-context.js'
import { ROOT } from '../helpers/score.js'

test("an issue's inputs context answers from the inputs, refuses the site-wide lists, and shares its refusing getters with every issue", async () => {
  const { model } = await buildModel(path.join(ROOT, 'content'))
  const site = buildSiteContext(model)
  const [first, second] = site.issues
  const context = inputsContext(model.config, issueGroupInputs(site, first!))
  expect(context.storiesOf(first!).map((ref) => ref.url)).toEqual(site.storiesOf(first!).map((ref) => ref.url))
  const named = site.storiesOf(first!).flatMap((ref) => ref.story.people.map((p) => p.name))
  expect(named.length).toBeGreaterThan(0)
  for (const name of named) expect(context.personUrl(name)).toBe(site.personUrl(name))
  expect(() => context.personUrl('不在本期')).toThrow(/not among their inputs/)
  expect(() => context.storiesOf(second!)).toThrow(/another issue/)
  for (const read of [() => context.issues, () => context.stories, () => context.calendar, () => context.people, () => context.topics, () => context.suffixedPeople]) {
    expect(read).toThrow(/not among their inputs/)
  }
  // Made once for all issues, not per issue (per-issue getters kept each issue's data alive in V8's old generation).
  const other = inputsContext(model.config, issueGroupInputs(site, second!))
  expect(Object.getPrototypeOf(other)).toBe(Object.getPrototypeOf(context))
  expect(Object.getOwnPropertyDescriptor(context, 'issues')).toBeUndefined()
})
