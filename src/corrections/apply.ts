import { changedAfterJob } from '../cache/as-made.js'
import type { SegmentHints, SegmentedPage } from '../types.js'
import type { Correction, PageCorrection, StoryCorrection } from './types.js'

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
    if ('page' in c) continue // applied before segmentation: see pageHints
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
  // Its issue's key then takes the story's fields as they are (cache/as-made.ts).
  changedAfterJob(story)
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
  if (c.byline) {
    story.byline = c.byline.map((b) => ({ name: b.name, role: b.role ?? null }))
    // a reporter is never a person of the story
    story.people = story.people.filter((p) => !story.byline.some((b) => b.name === p.name))
  }
  for (const name of c.people?.remove ?? []) {
    if (!story.people.some((p) => p.name === name)) stale.push({ line: c.line, reason: `\`${name}\` is not a person of story \`${story.id}\`; nothing to remove` })
    story.people = story.people.filter((p) => p.name !== name)
  }
  for (const { name, role } of c.people?.removeRole ?? []) {
    const person = story.people.find((p) => p.name === name)
    if (!person?.roles.includes(role)) stale.push({ line: c.line, reason: `\`${name}\` has no role \`${role}\` in story \`${story.id}\`; nothing to remove` })
    if (person) person.roles = person.roles.filter((r) => r !== role)
  }
  for (const { name, role } of c.people?.add ?? []) {
    const person = story.people.find((p) => p.name === name) ?? story.people[story.people.push({ name, roles: [] }) - 1]
    if (person && role && !person.roles.includes(role)) person.roles.push(role)
  }
}

/** The page corrections, as hints for segmenting each page, by content path. */
export function pageHints(corrections: Correction[]): Map<string, { hints: SegmentHints; sources: PageCorrection[] }> {
  const out = new Map<string, { hints: SegmentHints; sources: PageCorrection[] }>()
  for (const c of corrections) {
    if (!('page' in c)) continue
    const entry: { hints: SegmentHints; sources: PageCorrection[] } = out.get(c.page) ?? { hints: { furniture: [], splitBefore: [], mergeAt: [], headlines: [] }, sources: [] }
    entry.hints.furniture.push(...(c.furniture ?? []))
    entry.hints.splitBefore.push(...(c.split ?? []))
    entry.hints.mergeAt.push(...(c.merge ?? []))
    entry.hints.headlines.push(...(c.headlines ?? []))
    entry.sources.push(c)
    out.set(c.page, entry)
  }
  return out
}

/** Page corrections that matched nothing: a page that is not there, a split where no story starts. */
export function stalePageCorrections(pages: SegmentedPage[], corrections: Correction[], contentPaths: Set<string>): StaleCorrection[] {
  const stale: StaleCorrection[] = []
  const byPath = new Map(pages.map((p) => [p.page.contentPath, p]))
  for (const c of corrections) {
    if (!('page' in c)) continue
    const page = byPath.get(c.page)
    if (!page) {
      stale.push({ line: c.line, reason: contentPaths.has(c.page) ? `page \`${c.page}\` could not be built` : `page \`${c.page}\` does not exist` })
      continue
    }
    const lines = new Set(page.lines.map((l) => l.line))
    for (const [from, to] of c.furniture ?? []) {
      if (![...lines].some((l) => l >= from && l <= to)) stale.push({ line: c.line, reason: `lines ${from}–${to} of \`${c.page}\` hold no text` })
    }
    for (const at of c.split ?? []) {
      if (!page.stories.some((s) => s.bodyLine === at)) stale.push({ line: c.line, reason: `no story could start at line ${at} of \`${c.page}\` (is it running text?)` })
    }
  }
  return stale
}
