import createDebug from 'debug'
import type { Taxonomy } from '../tag/types.js'
import type { RawPage } from '../types.js'
import { decodeResult, runPageJob, type EncodedResult, type PageResult } from './page-job.js'
import { canStartWorkers, startWorker, workerModule, workerThreadCount } from './worker-threads.js'

const debug = createDebug('archive:parallel')
const WORKER = workerModule('page-worker', import.meta.url)
/** Below this many pages, starting threads costs more than it saves (ARCHIVE_PARALLEL_MIN overrides, for tests). */
const PARALLEL_THRESHOLD = Number(process.env.ARCHIVE_PARALLEL_MIN ?? 200)

/**
 * Whether reading back `cached` pages from the page cache keeps this thread busy long enough to
 * hide a thread's start (~0.3 s; 12,000 pages take ~1.2 s): segmentPages' `beside`.
 */
export const besideWork = (cached: number): boolean => cached >= PARALLEL_THRESHOLD
const BATCH = 50

/**
 * Segments (and story-tags, see page-job.ts) pages on every core: batches go to a pool of worker threads and come back
 * in input order, so the result is the same as doing it in one thread. Small archives,
 * or processes that cannot start TypeScript workers, run in this thread.
 */
export async function segmentPages(
  pages: RawPage[],
  taxonomy: Taxonomy,
  onProgress: (done: number) => void = () => {},
  /**
   * Applied to each result as it arrives, with the index of its page and, from a worker, the
   * bytes it came as (page-job.ts EncodedResult): the pipeline packs the page's lines there,
   * so a big archive's results never sit unpacked together, and stores it in the page cache.
   */
  settle: (result: PageResult, index: number, encoded: EncodedResult | null) => PageResult = (result) => result,
  /**
   * Whether this thread has long work of its own to do meanwhile (reading back a big page
   * cache: besideWork): then even a few pages go to a thread, whose start that work hides.
   */
  beside = false,
): Promise<PageResult[]> {
  const threads = workerThreadCount()
  if ((pages.length < PARALLEL_THRESHOLD && !beside) || pages.length === 0 || threads < 2 || !canStartWorkers()) {
    return pages.map((page, i) => {
      const result = settle(runPageJob(page, taxonomy), i, null)
      onProgress(i + 1)
      return result
    })
  }
  debug('segmenting %d pages on %d threads', pages.length, threads)
  const batches: RawPage[][] = []
  for (let i = 0; i < pages.length; i += BATCH) batches.push(pages.slice(i, i + BATCH))
  const results: PageResult[][] = new Array(batches.length)
  let next = 0
  let done = 0
  const workers = Array.from({ length: Math.min(threads, batches.length) }, () => startWorker(WORKER))
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              if (next >= batches.length) return resolve()
              const id = next++
              worker.postMessage({ id, pages: batches[id], taxonomy })
            }
            worker.on('message', (msg: { id: number; results: EncodedResult[] }) => {
              results[msg.id] = msg.results.map((sent, j) => settle(decodeResult(sent), msg.id * BATCH + j, sent))
              done += msg.results.length
              onProgress(done)
              send()
            })
            worker.on('error', reject)
            send()
          }),
      ),
    )
  } finally {
    await Promise.all(workers.map((w) => w.terminate()))
  }
  return results.flat()
}
