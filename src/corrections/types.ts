// An editor's correction, as read from content/_data/corrections.yaml.

export interface StoryCorrection {
  /** The story's id (`2022-06-07-p1-l7`). */
  story: string
  headline?: string[]
  title?: string
  column?: string | null
  topics?: string[]
  byline?: { name: string; role?: string | null }[]
  people?: { add?: { name: string; role?: string }[]; remove?: string[]; removeRole?: { name: string; role: string }[] }
  /** Where the correction stands in its file, for messages. */
  line: number
}

export interface RenameCorrection {
  /** Every mention of `from` is the person `to` (a misspelling, a former name). */
  rename: { from: string; to: string }
  line: number
}

/** How one page is cut: lines that are furniture, lines where a new story starts. */
export interface PageCorrection {
  /** The page's path in the content folder (`2022/2022-06-07/page-01.txt`). */
  page: string
  furniture?: [number, number][]
  split?: number[]
  /** Body start lines of stories that continue the story before them. */
  merge?: number[]
  /** These lines are the headline of the story whose body starts at `story`. */
  headlines?: { lines: [number, number]; story: number }[]
  line: number
}

export type Correction = StoryCorrection | RenameCorrection | PageCorrection
