// An editor's correction, as read from content/_data/corrections.yaml.

export interface StoryCorrection {
  /** The story's id (`2022-06-07-p1-l7`). */
  story: string
  headline?: string[]
  title?: string
  column?: string | null
  topics?: string[]
  people?: { add?: { name: string; role?: string }[]; remove?: string[] }
  /** Where the correction stands in its file, for messages. */
  line: number
}

export interface RenameCorrection {
  /** Every mention of `from` is the person `to` (a misspelling, a former name). */
  rename: { from: string; to: string }
  line: number
}

export type Correction = StoryCorrection | RenameCorrection
