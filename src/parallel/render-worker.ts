// Worker entry: renders the pages of one issue at a time from their inputs (render/issue-group.ts).
import { parentPort } from 'node:worker_threads'
import type { IssueGroupInputs } from '../render/issue-group.js'
import { renderIssueGroup } from '../render/issue-group.js'
import { pageKeyer } from '../render/page-key.js'
import { loadTemplates, type Templates } from '../render/templates.js'
import type { SiteConfig } from '../types.js'

export interface RenderJob {
  id: number
  config: SiteConfig
  templateDir: string | undefined
  inputs: IssueGroupInputs
}

export interface RenderDone {
  id: number
  /** Path, key and HTML of each page; or the error's message. */
  pages?: [string, string, string][]
  error?: string
}

const templates = new Map<string, Templates>()

parentPort?.on('message', (job: RenderJob) => {
  try {
    const dir = job.templateDir ?? ''
    let t = templates.get(dir)
    if (!t) templates.set(dir, (t = loadTemplates(job.templateDir)))
    const pages = renderIssueGroup(job.config, t, pageKeyer(t, job.config), job.inputs)
    parentPort?.postMessage({ id: job.id, pages } satisfies RenderDone)
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: (error as Error).stack ?? String(error) } satisfies RenderDone)
  }
})
