// Shapes of the editor data the tagger reads (the pipeline's stage data is in ../types.ts).

export interface Topic {
  name: string
  /** keyword → weight (3 names the topic, 2 a strong sign, 1 counts only with others, 0 only blocks) */
  keywords: Record<string, number>
}

export interface Taxonomy {
  topics: Topic[]
  /** A paragraph scoring this much is spent on the topic. */
  paragraphThreshold: number
  /** A headline scoring this much names the topic. */
  headlineThreshold: number
}

/** An entry of `content/_data/people.yaml`. */
export interface PersonRecord {
  name: string
  aliases: string[]
  roles: { title: string; from?: string; to?: string }[]
}
