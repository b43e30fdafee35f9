import type { VFile } from 'vfile'
import { eventDate } from '../tag/event-date.js'
import type { BlockKind, BylineEntry, Furniture, LineRole, NormalizedPage, PageLine, SegmentHints, SegmentedPage, Story } from '../types.js'
import { attachHeadlines, type HeadlineAssignment } from './attach-headlines.js'
import { classifyLines } from './classify-lines.js'
import { deriveTitle } from './derive-title.js'
import { mainTitle, splitHeadlineLines } from './headline-lines.js'
import { layoutProfile } from './line-features.js'
import { buildElements } from './paragraphs.js'
import { splitStories, type DraftStory, type GapItem } from './split-stories.js'

/**
 * Splits a normalised page into its stories and its furniture. Every non-blank line
 * ends up in exactly one place: a story (headline, column, byline, body, credit,
 * continuation note) or the page's furniture list.
 */
export function segmentPage(page: NormalizedPage, file: VFile): SegmentedPage {
  const { meta } = page.page
  const layout = layoutProfile(page.lines)
  const classified = classifyLines(page.lines, meta.paper, layout, page.page.hints)
  const indexOfLine = new Map(page.lines.map((l, i) => [l.line, i]))
  const segments = splitStories(buildElements(classified, layout))

  const drafts: DraftStory[] = []
  const gaps: GapItem[][] = [[]]
  for (const s of segments) {
    if (s.type === 'story') {
      drafts.push(s.story)
      gaps.push([])
    } else (gaps[gaps.length - 1] as GapItem[]).push(s.item)
  }
  const hints = page.page.hints
  if (hints?.mergeAt.length) mergeStories(drafts, gaps, hints.mergeAt, file)
  const forced = hints?.headlines.length ? takeForcedHeadlines(drafts, gaps, hints.headlines, file) : new Map<number, PageLine[]>()
  const columns = takeBriefColumns(drafts, gaps)
  const { headlines, unattached } = attachHeadlines(drafts, gaps)
  for (const [index, lines] of forced) {
    for (const l of headlines[index]?.lines ?? []) unattached.push(l) // an editor's headline replaces the computed one
    headlines[index] = { lines, side: 'before', similarity: 1 }
  }

  const roles = new Map<number, LineRole>()
  const setRole = (line: number, kind: BlockKind, story: number | null): void => {
    roles.set(line, { line, kind, story })
  }
  const stories = drafts.map((draft, index) => {
    const assigned = headlines[index] ?? null
    const story = buildStory(draft, assigned, columns.get(index) ?? null, page, layout.normalGap, indexOfLine)
    for (const p of draft.paragraphs) for (const l of p.lines) setRole(l, draft.kind === 'photo' ? 'caption' : 'body', index)
    for (const l of draft.bylineLines) setRole(l, 'byline', index)
    for (const l of draft.creditLines) setRole(l, 'photo-credit', index)
    for (const l of draft.continuationLines) setRole(l, 'continuation', index)
    for (const l of assigned?.lines ?? []) setRole(l.line, l.line === story.columnLine ? 'column' : 'headline', index)
    const column = columns.get(index)
    if (column) setRole(column.line.line, 'column', index)
    return story
  })

  const furniture: Furniture[] = stories.flatMap((s) => s.strays.map((x) => ({ kind: 'fragment' as const, text: x.text, line: x.line })))
  for (const x of furniture) {
    file.message(`Unexpected letter \`${x.text}\` after a headline, expected Chinese text (kept as a page fragment)`, {
      place: { line: x.line, column: 1 },
      ruleId: 'headline-stray-letter',
      source: 'segment',
    })
  }
  for (const line of unattached) if (!roles.has(line.line) && !gaps.flat().some((g) => g.line === line)) gaps[0]?.push({ line, role: 'fragment' })
  for (const item of gaps.flat()) {
    if (roles.has(item.line.line)) continue
    const kind = item.role === 'furniture' ? (item.furniture ?? 'masthead') : 'fragment'
    furniture.push({ kind, text: item.line.text, line: item.line.line })
    setRole(item.line.line, kind, null)
  }
  for (const line of unattached) {
    if (columnLines(columns).has(line.line)) continue
    file.message(`Unexpected headline-like line \`${line.text}\` next to no story, expected it before or after a story's text (kept as a page fragment); to make it a story's headline: - page: ${page.page.contentPath}  headlines: [{ lines: [${line.line}, ${line.line}], story: BODY-LINE }]`, {
      place: { line: line.line, column: 1 },
      ruleId: 'headline-unattached',
      source: 'segment',
    })
  }
  noteWeakHeadlines(stories.map((s) => s.story), headlines, file)
  noteMissingBylines(stories.map((s) => s.story), file)
  furniture.sort((a, b) => a.line - b.line)
  const lineRoles = page.lines.map((l) => roles.get(l.line) ?? { line: l.line, kind: 'fragment' as const, story: null })
  // The page's text is in its lines now; later stages keep the page without it.
  const { text: _text, ...source } = page.page
  return { page: source, lines: page.lines, stories: stories.map((s) => s.story), furniture, lineRoles }
}

/** Below this word overlap with the lead, a headline was given to its story by layout alone. */
const WEAK_HEADLINE = 0.2

/** Notes for the build report: headlines attached on weak evidence, with a correction to paste. */
function noteWeakHeadlines(stories: Story[], headlines: (HeadlineAssignment | null)[], file: VFile): void {
  stories.forEach((story, i) => {
    const assigned = headlines[i]
    if (!assigned || assigned.similarity >= WEAK_HEADLINE) return
    const line = assigned.lines[0]?.line ?? story.bodyLine
    file.info(
      `Headline \`${story.headline.join(' / ')}\` given to the story at line ${story.bodyLine} by layout alone (${Math.round(assigned.similarity * 100)}% of its words in the lead); if it is wrong, add to _data/corrections.yaml: - story: ${story.id}  headline: []`,
      { place: { line, column: 1 }, ruleId: 'headline-weak', source: 'segment' },
    )
  })
}

/** An editor's merge: the story whose body starts at a listed line continues the story before it. */
function mergeStories(drafts: DraftStory[], gaps: GapItem[][], mergeAt: number[], file: VFile): void {
  for (const line of mergeAt) {
    const i = drafts.findIndex((d) => d.paragraphs[0]?.lines[0] === line)
    if (i <= 0) {
      file.message(`Correction not applied: no story after another starts at line ${line}, so there is nothing to merge (check _data/corrections.yaml)`, {
        place: { line, column: 1 },
        ruleId: 'correction-stale',
        source: 'corrections',
      })
      continue
    }
    const [first, second] = [drafts[i - 1] as DraftStory, drafts[i] as DraftStory]
    first.paragraphs.push(...second.paragraphs)
    first.apparatus.push(...second.apparatus)
    first.byline.push(...second.byline)
    first.photographers.push(...second.photographers)
    first.consumed.push(...second.consumed)
    first.bylineLines.push(...second.bylineLines)
    first.creditLines.push(...second.creditLines)
    first.continuationLines.push(...second.continuationLines)
    first.continuedOn = second.continuedOn ?? first.continuedOn
    // what stood between the two parts is left to no story
    const between = (gaps[i] ?? []).map((g): GapItem => (g.role === 'heading' ? { ...g, role: 'fragment' } : g))
    drafts.splice(i, 1)
    gaps.splice(i, 1)
    gaps[i - 1]?.push(...between)
  }
}

/** An editor's headline: the listed lines, wherever they stand, are the headline of the named story. */
function takeForcedHeadlines(drafts: DraftStory[], gaps: GapItem[][], forced: SegmentHints['headlines'], file: VFile): Map<number, PageLine[]> {
  const out = new Map<number, PageLine[]>()
  for (const { lines: [from, to], story } of forced) {
    const index = drafts.findIndex((d) => d.paragraphs[0]?.lines[0] === story)
    const items = gaps.flat().filter((g) => g.line.line >= from && g.line.line <= to && g.role !== 'furniture')
    if (index === -1 || items.length === 0) {
      file.message(`Correction not applied: lines ${from}–${to} hold no headline material or no story starts at line ${story} (check _data/corrections.yaml)`, {
        place: { line: from, column: 1 },
        ruleId: 'correction-stale',
        source: 'corrections',
      })
      continue
    }
    for (const gap of gaps) for (const item of items) if (gap.includes(item)) gap.splice(gap.indexOf(item), 1)
    out.set(index, items.map((i) => i.line).sort((a, b) => a.line - b.line))
  }
  return out
}

/** Notes for the build report: reports with no byline found (a byline the shapes missed, or none printed). */
function noteMissingBylines(stories: Story[], file: VFile): void {
  for (const story of stories) {
    if (story.kind !== 'report' || story.byline.length > 0 || story.continuedFrom !== null) continue
    file.info(`No byline found for the story at line ${story.bodyLine} (\`${story.title}\`); if the page prints one: - story: ${story.id}  byline: [{ name: NAME, role: 记者 }]`, {
      place: { line: story.bodyLine, column: 1 },
      ruleId: 'byline-missing',
      source: 'segment',
    })
  }
}

function columnLines(columns: Map<number, GapItem>): Set<number> {
  return new Set([...columns.values()].map((c) => c.line.line))
}

/** A label directly above a run of ■ briefs is the column of every brief in the run. */
function takeBriefColumns(drafts: DraftStory[], gaps: GapItem[][]): Map<number, GapItem> {
  const columns = new Map<number, GapItem>()
  drafts.forEach((draft, i) => {
    if (draft.kind !== 'brief') return
    const gap = gaps[i] as GapItem[]
    const last = gap[gap.length - 1]
    const label = last?.role === 'heading' ? last : i > 0 && drafts[i - 1]?.kind === 'brief' && gap.length === 0 ? columns.get(i - 1) : undefined
    if (!label) return
    columns.set(i, label)
    if (last === label) gap.pop()
  })
  return columns
}

function uniqueByline(entries: BylineEntry[]): BylineEntry[] {
  const seen = new Set<string>()
  return entries.filter((e) => !seen.has(e.name) && seen.add(e.name))
}

function buildStory(
  draft: DraftStory,
  assigned: HeadlineAssignment | null,
  briefColumn: GapItem | null,
  page: NormalizedPage,
  normalGap: number[],
  indexOfLine: Map<number, number>,
): { story: Story; columnLine: number | null; strays: { text: string; line: number }[] } {
  const { meta } = page.page
  const firstHeadLine = assigned?.lines[0]
  const parts = assigned
    ? splitHeadlineLines(assigned.lines, normalGap[indexOfLine.get(firstHeadLine?.line ?? 0) ?? 0] ?? 0)
    : { column: null, columnLine: null, headline: [], strays: [] }
  const lead = draft.paragraphs[0]?.text ?? ''
  const title = parts.headline.length ? mainTitle(parts.headline) : deriveTitle(lead)
  const bodyLine = draft.paragraphs[0]?.lines[0] ?? 0
  const allLines = [
    ...draft.paragraphs.flatMap((p) => p.lines),
    ...draft.bylineLines,
    ...draft.creditLines,
    ...draft.continuationLines,
    ...(assigned?.lines.map((l: PageLine) => l.line) ?? []),
    ...(briefColumn ? [briefColumn.line.line] : []),
  ]
  const story: Story = {
    id: `${meta.date}-p${meta.page}-l${bodyLine}`,
    kind: draft.kind,
    column: briefColumn?.line.text ?? parts.column,
    headline: parts.headline,
    title,
    titleDerived: parts.headline.length === 0,
    byline: uniqueByline(draft.byline),
    date: draft.continuedFrom !== null ? null : eventDate(lead, meta.date),
    paragraphs: draft.paragraphs.map((p) => ({ text: p.text, lines: p.lines })),
    people: [],
    organizations: [],
    topics: [],
    photographers: [...new Set(draft.photographers)],
    apparatus: draft.apparatus,
    continuedOn: draft.continuedOn,
    continuedFrom: draft.continuedFrom,
    lines: [Math.min(...allLines), Math.max(...allLines)],
    bodyLine,
  }
  return { story, columnLine: parts.columnLine, strays: parts.strays }
}
