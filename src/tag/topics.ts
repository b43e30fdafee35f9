import type { Story } from '../types.js'
import type { Taxonomy } from './types.js'

export interface TopicScore {
  topic: string
  headline: number
  /** Best single paragraph. */
  paragraph: number
  total: number
}

interface KeywordIndex {
  /** Every keyword of the taxonomy as [word, topic, weight], longest first. */
  entries: [string, string, number][]
  /** A keyword's first UTF-16 unit → the indexes of the entries it starts, ascending. */
  byFirst: Map<number, number[]>
}

const indexCache = new WeakMap<Taxonomy, KeywordIndex>()

/** The taxonomy's keywords, ordered and indexed once per taxonomy. */
function keywordIndex(taxonomy: Taxonomy): KeywordIndex {
  let index = indexCache.get(taxonomy)
  if (!index) {
    const entries: [string, string, number][] = []
    for (const t of taxonomy.topics) for (const [word, weight] of Object.entries(t.keywords)) if (word !== '') entries.push([word, t.name, weight])
    entries.sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    const byFirst = new Map<number, number[]>()
    entries.forEach(([word], e) => {
      const first = word.charCodeAt(0)
      const list = byFirst.get(first)
      if (list) list.push(e)
      else byFirst.set(first, [e])
    })
    index = { entries, byFirst }
    indexCache.set(taxonomy, index)
  }
  return index
}

/**
 * Finds keyword hits in a text, longest keyword first across all topics, so a
 * phrase is counted once for the topic it names (`美丽乡村` is 乡村振兴, not also
 * 美丽 for 生态环境). Weight-0 keywords only block: `人民生活` hides the 民生 inside it.
 */
export function keywordHits(text: string, taxonomy: Taxonomy): Map<string, number> {
  const { entries, byFirst } = keywordIndex(taxonomy)
  // Every occurrence of every keyword, in one pass over the text (a search of the whole text
  // for each of the taxonomy's keywords cost more than all the rest of tagging a topic), as
  // entry × (text length + 1) + position: sorted, they come keyword by keyword in the order
  // above, each keyword's left to right.
  const span = text.length + 1
  const found: number[] = []
  for (let i = 0; i < text.length; i++) {
    const starting = byFirst.get(text.charCodeAt(i))
    if (starting) for (const e of starting) if (text.startsWith((entries[e] as [string, string, number])[0], i)) found.push(e * span + i)
  }
  const scores = new Map<string, number>()
  if (found.length === 0) return scores
  found.sort((a, b) => a - b)
  const used = new Array<boolean>(text.length).fill(false)
  let entry = -1
  let after = 0
  for (const at of found) {
    const e = Math.floor(at / span)
    const i = at - e * span
    const [word, topic, weight] = entries[e] as [string, string, number]
    if (e !== entry) {
      entry = e
      after = 0
    }
    // A keyword's occurrences are taken without overlapping each other (as indexOf from the end of the last would find them).
    if (i < after) continue
    after = i + word.length
    let free = true
    for (let k = i; k < i + word.length; k++) if (used[k]) free = false
    if (!free) continue
    for (let k = i; k < i + word.length; k++) used[k] = true
    if (weight > 0) scores.set(topic, (scores.get(topic) ?? 0) + weight)
  }
  return scores
}

export function scoreTopics(story: Pick<Story, 'headline' | 'column' | 'paragraphs'>, taxonomy: Taxonomy): TopicScore[] {
  const headline = keywordHits([story.column ?? '', ...story.headline].join(' '), taxonomy)
  const paragraphs = story.paragraphs.map((p) => keywordHits(p.text, taxonomy))
  return taxonomy.topics.map((t) => {
    const per = paragraphs.map((p) => p.get(t.name) ?? 0)
    return {
      topic: t.name,
      headline: headline.get(t.name) ?? 0,
      paragraph: Math.max(0, ...per),
      total: per.reduce((a, b) => a + b, 0),
    }
  })
}

/** A story shorter than this is judged as a whole rather than by its best paragraph. */
const SHORT_STORY = 300
/** A topic must weigh at least this share of the story's main topic to count. */
const MIN_SHARE = 0.5

/**
 * The topics a story is substantially about: a paragraph or more spent on it (its
 * best paragraph reaches the threshold) while it is either named in the headline or
 * one of the story's main subjects (at least half the weight of the strongest topic).
 * A word that occurs once in passing is not enough.
 */
export function assignTopics(story: Pick<Story, 'headline' | 'column' | 'paragraphs'>, taxonomy: Taxonomy): string[] {
  return judgeTopics(story, taxonomy)
    .filter((j) => j.assigned)
    .map((j) => j.topic)
}

/** How close a topic came, for the build report: a topic this near its threshold is worth an editor's look. */
const NEAR = 0.75

export interface TopicJudgement {
  topic: string
  assigned: boolean
  /** Not assigned, but within reach of the threshold. */
  near: boolean
}

export function judgeTopics(story: Pick<Story, 'headline' | 'column' | 'paragraphs'>, taxonomy: Taxonomy): TopicJudgement[] {
  const scores = scoreTopics(story, taxonomy)
  const top = Math.max(0, ...scores.map((s) => s.total))
  const short = story.paragraphs.reduce((n, p) => n + p.text.length, 0) < SHORT_STORY
  return scores
    .filter((s) => s.total > 0)
    .map((s) => {
      const main = s.total >= MIN_SHARE * top
      const named = s.headline >= taxonomy.headlineThreshold
      // a short item is judged as a whole: it must be mainly about the topic
      const need = short ? taxonomy.paragraphThreshold / 2 : taxonomy.paragraphThreshold
      const score = short ? s.total : s.paragraph
      const eligible = short ? main : named || main
      const assigned = eligible && score >= need
      return { topic: s.topic, assigned, near: !assigned && eligible && score >= NEAR * need }
    })
}
