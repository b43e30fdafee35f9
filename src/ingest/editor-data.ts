import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { VFile } from 'vfile'
import { location } from 'vfile-location'
import YAML from 'yaml'
import { z } from 'zod'
import type { Correction } from '../corrections/types.js'
import type { PersonRecord, Taxonomy } from '../tag/types.js'

const DEFAULT_TOPICS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'tag', 'defaults', 'topics.yaml')

const TopicsFile = z.object({
  threshold: z.object({ paragraph: z.number().positive().optional(), headline: z.number().positive().optional() }).optional(),
  topics: z
    .record(z.string().min(1), z.object({ keywords: z.record(z.string().min(1), z.number().min(0)).optional(), remove: z.boolean().optional() }))
    .optional(),
})

const MonthOrDay = z.union([z.string(), z.date()]).transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
const PeopleFile = z.array(
  z.object({
    name: z.string().min(2),
    aliases: z.array(z.string().min(1)).optional(),
    roles: z.array(z.object({ title: z.string().min(1), from: MonthOrDay.optional(), to: MonthOrDay.optional() })).optional(),
  }),
)

const SiteFile = z.object({
  title: z.string().min(1).optional(),
  /** The newspaper's name, for pages imported without one. */
  paper: z.string().min(1).optional(),
  description: z.string().optional(),
  siteUrl: z.url().optional(),
  language: z.string().min(2).optional(),
})

export type SiteSettings = z.infer<typeof SiteFile>

const CorrectionsFile = z.array(
  z.union([
    z.strictObject({ rename: z.strictObject({ from: z.string().min(1), to: z.string().min(1) }) }),
    z.strictObject({
      page: z.string().regex(/^\d{4}\/\d{4}-\d{2}-\d{2}\/page-\d+\.txt$/u, 'expected a page path such as 2022/2022-06-07/page-01.txt'),
      furniture: z
        .array(z.union([z.number().int().positive(), z.tuple([z.number().int().positive(), z.number().int().positive()])]))
        .transform((items) => items.map((x): [number, number] => (typeof x === 'number' ? [x, x] : x)))
        .optional(),
      split: z.array(z.number().int().positive()).optional(),
      merge: z.array(z.number().int().positive()).optional(),
      headlines: z
        .array(z.strictObject({ lines: z.tuple([z.number().int().positive(), z.number().int().positive()]), story: z.number().int().positive() }))
        .optional(),
    }),
    z.strictObject({
      story: z.string().regex(/^\d{4}-\d{2}-\d{2}-p\d+-l\d+$/u, 'expected a story id such as 2022-06-07-p1-l7'),
      headline: z.array(z.string()).optional(),
      title: z.string().optional(),
      column: z.string().nullable().optional(),
      topics: z.array(z.string()).optional(),
      byline: z.array(z.strictObject({ name: z.string().min(1), role: z.string().nullable().optional() })).optional(),
      people: z
        .strictObject({
          add: z.array(z.strictObject({ name: z.string().min(1), role: z.string().optional() })).optional(),
          remove: z.array(z.string()).optional(),
          removeRole: z.array(z.strictObject({ name: z.string().min(1), role: z.string().min(1) })).optional(),
        })
        .optional(),
    }),
  ]),
)

/** The line where each top-level list item of a YAML file starts. */
function itemLines(text: string): number[] {
  const doc = YAML.parseDocument(text)
  const place = location(text)
  const items = YAML.isSeq(doc.contents) ? doc.contents.items : []
  return items.map((item) => place.toPoint((item as { range?: [number, number, number] }).range?.[0] ?? 0)?.line ?? 1)
}

export interface EditorData {
  site: SiteSettings
  corrections: Correction[]
  /** The corrections file, for messages about stale corrections. */
  correctionsFile: VFile | null
  taxonomy: Taxonomy
  people: PersonRecord[]
  /** Files read, with their diagnostics. */
  files: VFile[]
}

async function readYaml(file: string, cwd: string): Promise<{ data: unknown; vfile: VFile } | null> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return null
  }
  const vfile = new VFile({ path: path.relative(cwd, file) || file, value: text })
  try {
    return { data: YAML.parse(text) as unknown, vfile }
  } catch (error) {
    const pos = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0]
    const m = vfile.message(`Cannot parse YAML: ${(error as Error).message.split('\n')[0]}`, {
      place: { line: pos?.line ?? 1, column: pos?.col ?? 1 },
      ruleId: 'data-yaml',
      source: 'ingest',
    })
    m.fatal = true
    return { data: undefined, vfile }
  }
}

function schemaProblem(vfile: VFile, error: z.ZodError, what: string): void {
  const issue = error.issues[0]
  const m = vfile.message(`Unexpected ${what} at \`${issue?.path.join('.') ?? ''}\`: ${issue?.message ?? 'invalid'}`, {
    place: { line: 1, column: 1 },
    ruleId: 'data-schema',
    source: 'ingest',
  })
  m.fatal = true
}

/**
 * Reads the editor data of a content folder (`_data/site.yaml`, `_data/topics.yaml`,
 * `_data/people.yaml`),
 * on top of the defaults shipped with the tool. All of it is optional.
 */
export async function readEditorData(contentDir: string, cwd = process.cwd()): Promise<EditorData> {
  const files: VFile[] = []
  const defaults = await readYaml(DEFAULT_TOPICS, cwd)
  const base = TopicsFile.parse(defaults?.data)
  const topics = new Map(Object.entries(base.topics ?? {}).map(([name, t]) => [name, t.keywords ?? {}]))
  let threshold = { paragraph: base.threshold?.paragraph ?? 6, headline: base.threshold?.headline ?? 3 }

  const local = await readYaml(path.join(contentDir, '_data', 'topics.yaml'), cwd)
  if (local) {
    files.push(local.vfile)
    const parsed = TopicsFile.safeParse(local.data ?? {})
    if (!parsed.success) schemaProblem(local.vfile, parsed.error, 'topic taxonomy')
    else {
      threshold = { paragraph: parsed.data.threshold?.paragraph ?? threshold.paragraph, headline: parsed.data.threshold?.headline ?? threshold.headline }
      for (const [name, t] of Object.entries(parsed.data.topics ?? {})) {
        if (t.remove) topics.delete(name)
        else topics.set(name, t.keywords ?? {})
      }
    }
  }

  let site: SiteSettings = {}
  const siteFile = await readYaml(path.join(contentDir, '_data', 'site.yaml'), cwd)
  if (siteFile) {
    files.push(siteFile.vfile)
    const parsed = SiteFile.safeParse(siteFile.data ?? {})
    if (!parsed.success) schemaProblem(siteFile.vfile, parsed.error, 'site setting')
    else site = parsed.data
  }

  const corrections: Correction[] = []
  const correctionsFile = await readYaml(path.join(contentDir, '_data', 'corrections.yaml'), cwd)
  if (correctionsFile) {
    files.push(correctionsFile.vfile)
    const parsed = CorrectionsFile.safeParse(correctionsFile.data ?? [])
    if (!parsed.success) schemaProblem(correctionsFile.vfile, parsed.error, 'correction')
    else {
      const lines = itemLines(String(correctionsFile.vfile.value))
      parsed.data.forEach((c, i) => corrections.push({ ...c, line: lines[i] ?? 1 }))
    }
  }

  const people: PersonRecord[] = []
  const registry = await readYaml(path.join(contentDir, '_data', 'people.yaml'), cwd)
  if (registry) {
    files.push(registry.vfile)
    const parsed = PeopleFile.safeParse(registry.data ?? [])
    if (!parsed.success) schemaProblem(registry.vfile, parsed.error, 'people registry entry')
    else for (const p of parsed.data) people.push({ name: p.name, aliases: p.aliases ?? [], roles: p.roles ?? [] })
  }
  return {
    site,
    corrections,
    correctionsFile: correctionsFile?.vfile ?? null,
    taxonomy: {
      topics: [...topics].map(([name, keywords]) => ({ name, keywords })),
      paragraphThreshold: threshold.paragraph,
      headlineThreshold: threshold.headline,
    },
    people,
    files,
  }
}
