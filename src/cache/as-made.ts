// Which stories are still exactly as their page job made them, so that an issue's key
// (render/group-job.ts issueKey) can stand for them by their page's cache key (types.ts
// SegmentedPage.sourceKey) instead of writing them out and hashing them again: at 60,000
// stories that was 37 MB of JSON and ~0.4 s of every build, while what changes after the
// page jobs — each story's people, which tagging finds across the archive, and the fields an
// editor's correction sets — is a fifth of it.
//
// The rule: after a page settles (pipeline.ts, where markAsMade runs), the only stages that
// write to a story are tagging (its people, always keyed as they are) and the editors'
// corrections; anything that changes another field of a story calls changedAfterJob on it
// first. tests/cache/as-made.test.ts applies each kind of correction and checks that the
// issue's key changes.
//
// The mark is a symbol property: a copy (structuredClone, a transfer to a worker thread, the
// page cache) carries none, and so nothing counts as made by the page job there.

import type { SegmentedPage, Story } from '../types.js'

const MADE = Symbol('as its page job made it')

type Marked = Story & { [MADE]?: boolean }

/** Marks the page's stories as their page job made them (see above). */
export function markAsMade(page: SegmentedPage): void {
  for (const story of page.stories) (story as Marked)[MADE] = true
}

/** To be called before a stage after the page jobs changes a field of the story other than its people. */
export function changedAfterJob(story: Story): void {
  ;(story as Marked)[MADE] = false
}

/** Whether every field of the story but its people is the one its page job made. */
export const storyAsMade = (story: Story): boolean => (story as Marked)[MADE] === true
