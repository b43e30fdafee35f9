// Renders and writes page groups — an issue's pages, a person's — on worker threads while
// the main thread builds the site-wide pages: those groups are most of a site, and rendering
// is most of a build. Each worker loads the templates itself; a group goes to the worker with
// the fewest groups in hand. Same bytes as rendering in this thread (tests/parallel.test.ts).

import createDebug from 'debug'
import { jobForTransit, type GroupJob } from '../render/group-job.js'
import type { SiteConfig } from '../types.js'
import type { GroupTarget, WrittenPage } from '../write/page-files.js'
import { canStartWorkers, startWorker, workerModule, workerThreadCount } from './worker-threads.js'
import type { RenderDone, RenderJob } from './render-worker.js'

const debug = createDebug('archive:parallel')
const WORKER = workerModule('render-worker', import.meta.url)
/** Below this many issues, starting threads costs more than it saves (ARCHIVE_PARALLEL_MIN overrides, for tests). */
const PARALLEL_THRESHOLD = Number(process.env.ARCHIVE_PARALLEL_MIN ?? 100)

export interface RenderPool {
  /** Renders the group's pages and writes them into `target`: the group's key (as its job carries it), and path, key and whether written, for each page. */
  render(job: GroupJob, target: GroupTarget): Promise<{ key: string; pages: WrittenPage[] }>
  close(): Promise<void>
}

/** A pool for a site of `issues` issues, or null when it would not pay (or threads cannot start). */
export function renderPool(issues: number, config: SiteConfig, templateDir: string | undefined): RenderPool | null {
  const threads = workerThreadCount()
  if (issues < PARALLEL_THRESHOLD || threads < 2 || !canStartWorkers()) return null
  debug('rendering page groups on %d threads', threads)
  const workers = Array.from({ length: threads }, () => ({ worker: startWorker(WORKER), busy: 0 }))
  const waiting = new Map<number, { resolve: (group: { key: string; pages: WrittenPage[] }) => void; reject: (error: Error) => void }>()
  let next = 0
  for (const w of workers) {
    w.worker.on('message', (done: RenderDone) => {
      w.busy--
      const job = waiting.get(done.id)
      waiting.delete(done.id)
      if (done.group) job?.resolve(done.group)
      else job?.reject(new Error(`Rendering a page group failed on a worker thread: ${done.error}`))
    })
    w.worker.on('error', (error: Error) => {
      for (const job of waiting.values()) job.reject(error)
      waiting.clear()
    })
  }
  return {
    render: (job, target) =>
      new Promise((resolve, reject) => {
        const w = workers.reduce((a, b) => (b.busy < a.busy ? b : a))
        const id = next++
        waiting.set(id, { resolve, reject })
        w.busy++
        w.worker.postMessage({ id, config, templateDir, job: jobForTransit(job), target } satisfies RenderJob)
      }),
    close: async () => {
      await Promise.all(workers.map((w) => w.worker.terminate()))
    },
  }
}
