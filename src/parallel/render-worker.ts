// Worker entry: renders the pages of one issue at a time from their inputs (render/issue-group.ts)
// and writes them (write/page-files.ts); only paths and keys go back to the main thread.
import { parentPort } from 'node:worker_threads'
import type { IssueGroupInputs } from '../render/issue-group.js'
import { renderIssueGroup } from '../render/issue-group.js'
import { pageKeyer } from '../render/page-key.js'
import { loadTemplates, type Templates } from '../render/templates.js'
import type { SiteConfig } from '../types.js'
import { writePageFiles, type GroupTarget, type WrittenPage } from '../write/page-files.js'

export interface RenderJob {
  id: number
  config: SiteConfig
  templateDir: string | undefined
  inputs: IssueGroupInputs
  target: GroupTarget
}

export interface RenderDone {
  id: number
  /** The group's key (render/page-key.ts), and path, key and whether it was written, for each page; or the error's message. */
  group?: { key: string; pages: WrittenPage[] }
  error?: string
}

const templates = new Map<string, Templates>()
/** Folders this thread has made: a worker lives for one build. */
const folders = new Set<string>()

parentPort?.on('message', (job: RenderJob) => {
  try {
    const dir = job.templateDir ?? ''
    let t = templates.get(dir)
    if (!t) templates.set(dir, (t = loadTemplates(job.templateDir)))
    const pages = writePageFiles(job.target, renderIssueGroup(job.config, t, job.inputs), folders)
    parentPort?.postMessage({ id: job.id, group: { key: pageKeyer(t, job.config)(job.inputs), pages } } satisfies RenderDone)
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: (error as Error).stack ?? String(error) } satisfies RenderDone)
  }
})
