// Worker entry: renders the pages of one group (an issue's, a person's) at a time from their inputs (render/group-job.ts)
// and writes them (write/page-files.ts); only paths and keys go back to the main thread.
import { parentPort } from 'node:worker_threads'
import { jobFromTransit, renderGroup, type JobInTransit } from '../render/group-job.js'
import { loadTemplates, type Templates } from '../render/templates.js'
import type { SiteConfig } from '../types.js'
import { writePageFiles, type GroupTarget, type WrittenPage } from '../write/page-files.js'

export interface RenderJob {
  id: number
  config: SiteConfig
  templateDir: string | undefined
  job: JobInTransit
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

parentPort?.on('message', (message: RenderJob) => {
  try {
    const { config, target } = message
    const job = jobFromTransit(message.job)
    const dir = message.templateDir ?? ''
    let t = templates.get(dir)
    if (!t) templates.set(dir, (t = loadTemplates(message.templateDir)))
    const pages = writePageFiles(target, renderGroup(config, t, job), folders)
    parentPort?.postMessage({ id: message.id, group: { key: job.key, pages } } satisfies RenderDone)
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: (error as Error).stack ?? String(error) } satisfies RenderDone)
  }
})
