// Runs the term indexer (term-index.ts) for large archives on a worker thread, synchronously.
// Not for parallelism: the build's heap holds the whole site model (about a gigabyte at
// 60,000 stories), and every full garbage collection walks all of it. The indexer allocates
// hundreds of megabytes of typed arrays, and each such allocation makes V8 collect; in a
// worker with only the story texts on its heap those collections are cheap. The main thread
// waits on a shared flag and takes the result with receiveMessageOnPort, so callers stay
// synchronous. Same bytes either way (tests/search/term-index.test.ts).

import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads'
import { canStartWorkers, startWorker, workerModule } from '../parallel/worker-threads.js'
import createDebug from 'debug'
import { hashedNameOfJson, registeringScriptFrame } from './script-file.js'
import type { DocTerms } from './doc-terms.js'
import type { IndexStats, TopCardsData } from './format.js'
import { topDocs } from './rank.js'
import { savePostings, type PostingsStamp } from './postings-store.js'
import { appendPostings, collectPostings, encodeTermShards, postingsStats, type Postings } from './term-index.js'

const debug = createDebug('archive:search')
const WORKER = workerModule('term-index-worker', import.meta.url)
/** Below this many stories the worker's start-up costs more than it saves. */
const WORKER_THRESHOLD = 5_000
/** A worker that has not answered by then has died without telling. */
const WORKER_TIMEOUT_MS = 30 * 60_000

export interface ShardFilesJob {
  /** Each doc's tokens, in doc order: the docs after `kept`'s when there is a kept table. */
  docs: DocTerms[]
  /** The postings of the first docs, kept from the last build (postings-store.ts): `docs` are appended to them. */
  kept?: Postings
  budget: number
  /** Indexed words (words.ts), sorted. */
  words: string[]
  /** How many of each word's results to list (rank.ts topDocs); 0: none. */
  topCount: number
  /** Where the postings are kept between builds, and what they are made from (postings-store.ts). */
  store?: { file: string; stamp: PostingsStamp }
}

export interface ShardFile {
  from: string
  to: string
  /** File name under `search/`. */
  name: string
  /** The registering script (script-file.ts) around the shard's JSON. */
  bytes: Uint8Array
  /** The same for the shard's positions (format.ts PositionData). */
  positionsName: string
  positionsBytes: Uint8Array
}

export interface ShardFilesResult {
  shards: ShardFile[]
  /** The whole index's numbers, for entry.js (format.ts IndexStats). */
  stats: IndexStats
  /** Each indexed word holding postings, with the first `topCount` docs its query lists and their count (rank.ts topDocs), in word order. */
  wordTops: Array<[word: string, top: TopCardsData]>
}

/** The job's postings: its docs appended to the kept table when it has one, else collected afresh; stored for the next build when it has a store. */
function jobPostings(job: ShardFilesJob, consume: boolean): Postings {
  const { kept, store } = job
  if (kept && job.docs.length === 0) return kept
  const postings = kept ? appendPostings(kept, job.docs, job.words, { consume }) : collectPostings(job.docs, job.words, { consume })
  if (store) savePostings(store.file, postings, store.stamp)
  return postings
}

/** `consume`: the job's DocTerms are the caller's own copy (on the worker), free to be emptied as they are read; otherwise they are left as they are (they may be a cache's). */
export function buildShardFiles(job: ShardFilesJob, consume = false): ShardFilesResult {
  const names: string[] = []
  const positionsNames: string[] = []
  const postings = jobPostings(job, consume)
  const wordTops: ShardFilesResult['wordTops'] = []
  const stats = postingsStats(postings)
  const sink = job.topCount > 0 ? { words: new Set(job.words), take: (word: string, packed: string) => wordTops.push([word, topDocs(word, packed, stats, job.topCount)]) } : undefined
  // The job's DocTerms are not needed from here on: let them go before the shards take their room.
  job.docs = []
  delete job.kept
  const shards = encodeTermShards(
    postings,
    job.budget,
    (n, json, part) => {
      const name = hashedNameOfJson(part === 'postings' ? `terms/${n}` : `terms/pos-${n}`, json)
      ;(part === 'postings' ? names : positionsNames).push(name)
      return registeringScriptFrame(name, json)
    },
    sink,
  )
  return {
    stats,
    shards: shards.map((shard, n) => ({
      from: shard.from,
      to: shard.to,
      name: names[n]!,
      bytes: shard.json,
      positionsName: positionsNames[n]!,
      positionsBytes: shard.positions,
    })),
    // Terms are encoded in code-unit order, as the words are sorted.
    wordTops,
  }
}

/** What the shards are made of besides the docs' tokens. */
export interface ShardOptions {
  budget: number
  words: readonly string[]
  topCount: number
  /** On a worker thread (default: for large archives, when threads can start). */
  worker?: boolean
  kept?: Postings
  store?: ShardFilesJob['store']
}

function jobOf(docs: readonly DocTerms[], { budget, words, topCount, kept, store }: ShardOptions): ShardFilesJob {
  return { docs: [...docs], budget, words: [...words], topCount, ...(kept ? { kept } : {}), ...(store ? { store } : {}) }
}

function useWorkerFor(job: ShardFilesJob, worker: boolean | undefined): boolean {
  // Encoding the shards grows with the whole archive, kept docs included.
  return worker ?? (job.docs.length + (job.kept?.documentCount ?? 0) >= WORKER_THRESHOLD && canStartWorkers())
}

/** Starts the worker on `job` (a kept table's arrays are handed over, not copied): it answers once on the returned port and sets the flag (term-index-worker.ts). */
function startShardWorker(job: ShardFilesJob): { port: MessagePort; signal: Int32Array; thread: Worker } {
  debug('term shards of %d stories on a worker thread (%d kept from the last build)', job.docs.length + (job.kept?.documentCount ?? 0), job.kept?.documentCount ?? 0)
  const signal = new Int32Array(new SharedArrayBuffer(4))
  const { port1, port2 } = new MessageChannel()
  const { kept } = job
  const buffers = kept ? [kept.termStart, kept.groupDocField, kept.groupTf, kept.starts, kept.fieldLength].map((array) => array.buffer as ArrayBuffer) : []
  const thread = startWorker(WORKER, { workerData: { job, port: port2, signal }, transferList: [port2, ...new Set(buffers)] })
  return { port: port1, signal, thread }
}

/** The worker's answer as shard files, or the error it reported. */
function shardsOf(message: (ShardFilesResult & { error?: undefined }) | { error: string } | undefined): ShardFilesResult {
  if (!message) throw new Error('term-index worker sent nothing')
  if (message.error !== undefined) throw new Error(`term-index worker failed: ${message.error}`)
  // Transferred blocks arrive as plain Uint8Arrays; Buffer views read as text with String(…) too.
  const view = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return { shards: message.shards.map((shard) => ({ ...shard, bytes: view(shard.bytes), positionsBytes: view(shard.positionsBytes) })), stats: message.stats, wordTops: message.wordTops }
}

/** The term shard files of `docs`: on a worker thread for large archives (or when `worker` says so), else here. */
export function termShardFiles(docs: readonly DocTerms[], options: ShardOptions): ShardFilesResult {
  const job = jobOf(docs, options)
  if (!useWorkerFor(job, options.worker)) return buildShardFiles(job)
  const { port, signal, thread } = startShardWorker(job)
  try {
    if (Atomics.wait(signal, 0, 0, WORKER_TIMEOUT_MS) === 'timed-out') throw new Error('term-index worker did not answer')
    return shardsOf(receiveMessageOnPort(port)?.message)
  } finally {
    port.close()
    void thread.terminate()
  }
}

/**
 * The same files, without blocking this thread while a worker makes them: the build goes
 * on handing page groups to the render threads meanwhile (waiting here left them idle for
 * seconds at tens of thousands of stories). Not an async function itself: one would keep
 * `docs`, every story's tokens, alive in its suspended frame until the worker answers.
 */
export function termShardFilesAsync(docs: readonly DocTerms[], options: ShardOptions): Promise<ShardFilesResult> {
  const job = jobOf(docs, options)
  if (!useWorkerFor(job, options.worker)) {
    try {
      return Promise.resolve(buildShardFiles(job))
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)))
    }
  }
  const started = startShardWorker(job)
  // The worker has its copy; this one would otherwise live as long as the wait.
  job.docs = []
  return shardsFrom(started.port, started.thread)
}

async function shardsFrom(port: MessagePort, thread: Worker): Promise<ShardFilesResult> {
  try {
    return await new Promise<ShardFilesResult>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('term-index worker did not answer')), WORKER_TIMEOUT_MS)
      const answer = (message: Parameters<typeof shardsOf>[0]) => {
        clearTimeout(timer)
        try {
          resolve(shardsOf(message))
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)))
        }
      }
      port.once('message', answer)
      thread.once('error', (error) => {
        clearTimeout(timer)
        reject(error)
      })
      // The worker ends once it has answered; its message may still be queued on the port.
      thread.once('exit', (code) => {
        const queued = receiveMessageOnPort(port)
        if (queued) answer(queued.message as Parameters<typeof shardsOf>[0])
        else answer({ error: `the thread stopped (exit code ${code}) without an answer` })
      })
    })
  } finally {
    port.close()
    void thread.terminate()
  }
}
