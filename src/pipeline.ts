import type { VFile } from 'vfile'
import { readEditorData } from './ingest/editor-data.js'
import { readContent, type ReadOptions } from './ingest/read-content.js'
import { normalizePage } from './normalize/index.js'
import { segmentPage } from './segment/index.js'
import { tagArchive, type TagInput } from './tag/index.js'
import type { Issue, RawPage, SegmentedPage, SiteConfig, SiteModel } from './types.js'

export interface ModelResult {
  model: SiteModel
  /** One file per content page, with its diagnostics. */
  files: VFile[]
  /** Pages that could not be built (each file has a fatal message). */
  failed: VFile[]
}

/** Turns one page into its stories. Never throws: a crash becomes a fatal message on the page's file. */
export function processPage(page: RawPage, file: VFile): SegmentedPage | null {
  try {
    return segmentPage(normalizePage(page), file)
  } catch (error) {
    const m = file.message(`Cannot segment page: ${(error as Error).message}`, {
      place: { line: page.firstLine, column: 1 },
      ruleId: 'crash',
      source: 'segment',
    })
    m.fatal = true
    return null
  }
}

/** Groups pages into issues, newest issue first, pages in page order. */
export function groupIssues(pages: SegmentedPage[]): Issue[] {
  const byDate = new Map<string, SegmentedPage[]>()
  for (const p of pages) byDate.set(p.page.meta.date, [...(byDate.get(p.page.meta.date) ?? []), p])
  return [...byDate.entries()]
    .sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0))
    .map(([date, list]) => {
      const sorted = [...list].sort((a, b) => a.page.meta.page - b.page.meta.page || (a.page.contentPath < b.page.contentPath ? -1 : 1))
      return { date, paper: sorted.find((p) => p.page.meta.paper)?.page.meta.paper ?? '', pages: sorted }
    })
}

export function defaultConfig(issues: Issue[], siteUrl: string | null): SiteConfig {
  const paper = issues.find((i) => i.paper)?.paper ?? ''
  return { title: paper ? `${paper} 数字报档案` : '数字报档案', siteUrl, language: 'zh-CN' }
}

/** ingest → normalize → segment → tag, for a whole content folder. */
export async function buildModel(contentDir: string, siteUrl: string | null = null, read: ReadOptions = {}): Promise<ModelResult> {
  const data = await readEditorData(contentDir)
  const ingested = await readContent(contentDir, read)
  const failed: VFile[] = data.files.filter((f) => f.messages.some((m) => m.fatal))
  const tagged: TagInput[] = []
  const pageSlots = new Map<string, string>()
  for (const { file, page } of ingested) {
    if (page) {
      const slot = `${page.meta.date} p${page.meta.page}`
      const other = pageSlots.get(slot)
      if (other !== undefined) {
        const m = file.message(`Duplicate page ${page.meta.page} of the ${page.meta.date} issue (also ${other}); give each page its own \`page\` number`, {
          place: { line: 1, column: 1 },
          ruleId: 'page-duplicate',
          source: 'ingest',
        })
        m.fatal = true
        failed.push(file)
        continue
      }
      pageSlots.set(slot, page.displayPath)
    }
    const result = page ? processPage(page, file) : null
    if (result) tagged.push({ page: result, file })
    else failed.push(file)
  }
  tagArchive(tagged, data.taxonomy, data.people)
  const issues = groupIssues(tagged.map((t) => t.page))
  return {
    model: { config: defaultConfig(issues, siteUrl), issues, people: data.people.map((p) => ({ name: p.name, aliases: p.aliases })) },
    files: [...data.files, ...ingested.map((i) => i.file)], failed }
}
