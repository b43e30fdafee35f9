import type { SegmentedPage } from '../types.js'
import type { Correction, StoryCorrection } from './types.js'

/** A correction that matched nothing, with why. */
export interface StaleCorrection {
  line: number
  reason: string
}

/**
 * Applies the editors' corrections to the tagged stories, in file order: story edits by
 * id (headline, title, column, topics, people added or removed), and renames across
 * the archive. Returns the corrections that no longer match anything, so they can be
 * reported instead of silently ignored.
 */
export function applyCorrections(pages: SegmentedPage[], corrections: Correction[]): StaleCorrection[] {
  const stories = new Map(pages.flatMap((p) => p.stories.map((s) => [s.id, s] as const)))
  const stale: StaleCorrection[] = []
  for (const c of corrections) {
    if ('rename' in c) {
      let hits = 0
      for (const s of stories.values()) {
        const from = s.people.find((p) => p.name === c.rename.from)
        if (!from) continue
        hits++
        const to = s.people.find((p) => p.name === c.rename.to)
        if (to) {
          for (const r of from.roles) if (!to.roles.includes(r)) to.roles.push(r)
          s.people = s.people.filter((p) => p !== from)
        } else from.name = c.rename.to
      }
      if (hits === 0) stale.push({ line: c.line, reason: `rename of \`${c.rename.from}\` matches no person in any story` })
      continue
    }
    const story = stories.get(c.story)
    if (!story) {
      stale.push({ line: c.line, reason: `story \`${c.story}\` does not exist (any more); check its id on the story page` })
      continue
    }
    applyStoryCorrection(story, c, stale)
  }
  return stale
}

function applyStoryCorrection(story: SegmentedPage['stories'][number], c: StoryCorrection, stale: StaleCorrection[]): void {
  if (c.headline) {
    story.headline = c.headline
    if (c.title === undefined) {
      story.title = c.headline.at(-1) ?? story.title
      story.titleDerived = c.headline.length === 0
    }
  }
  if (c.title !== undefined) {
    story.title = c.title
    story.titleDerived = false
  }
  if (c.column !== undefined) story.column = c.column
  if (c.topics) story.topics = [...c.topics]
  for (const name of c.people?.remove ?? []) {
    if (!story.people.some((p) => p.name === name)) stale.push({ line: c.line, reason: `\`${name}\` is not a person of story \`${story.id}\`; nothing to remove` })
    story.people = story.people.filter((p) => p.name !== name)
  }
  for (const { name, role } of c.people?.add ?? []) {
    const person = story.people.find((p) => p.name === name) ?? story.people[story.people.push({ name, roles: [] }) - 1]
    if (person && role && !person.roles.includes(role)) person.roles.push(role)
  }
}
