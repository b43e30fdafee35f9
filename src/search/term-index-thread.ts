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
import { appendPostings, collectPostings, encodeTermShards, postingsPart, statsOf, type Postings, type WordPostingsSink } from './term-index.js'
import { writeTierState, type FrozenTier } from './tier-state.js'

const debug = createDebug('archive:search')
const WORKER = workerModule('term-index-worker', import.meta.url)
/** Below this many stories the worker's start-up costs more than it saves. */
const WORKER_THRESHOLD = 5_000
/** A worker that has not answered by then has died without telling. */
const WORKER_TIMEOUT_MS = 30 * 60_000

/** One tier of the index (format.ts TermTier) to make. */
export interface TierJob {
  /** The tier's first doc number. */
  from: number
  /** Each of the tier's docs' tokens, in doc order: those after `kept`'s when there is a kept table. */
  docs: DocTerms[]
  /** The postings of the tier's first docs, kept from the last build (postings-store.ts): `docs` are appended to them. */
  kept?: Postings
  /** Where the tier's postings are kept between builds, and what they are made from (postings-store.ts). */
  store?: { file: string; stamp: PostingsStamp }
  /** The tier as an earlier build made it, from the same stories, words and code (tier-state.ts): not made again, its files kept. */
  frozen?: FrozenTier
  /** Where to keep the tier's state once it is made (an older tier), and its tierKey. */
  freeze?: { file: string; key: string }
}

export interface ShardFilesJob {
  /** The index's tiers, in doc order. */
  tiers: TierJob[]
  budget: number
  /** Indexed words (words.ts), sorted. */
  words: string[]
  /** How many of each word's results to list (rank.ts topDocs); 0: none. */
  topCount: number
}

export interface ShardFile {
  from: string
  to: string
  /** File name under `search/`. */
  name: string
  /** The registering script (script-file.ts) around the shard's JSON; empty for a frozen tier's shard, whose file an earlier build wrote. */
  bytes: Uint8Array
  /** The same for the shard's positions (format.ts PositionData). */
  positionsName: string
  positionsBytes: Uint8Array
}

export interface TierFiles {
  shards: ShardFile[]
  /** Whether the tier is an earlier build's (TierJob.frozen): its shards come without their bytes. */
  frozen: boolean
}

export interface ShardFilesResult {
  tiers: TierFiles[]
  /** The whole index's numbers, for entry.js (format.ts IndexStats). */
  stats: IndexStats
  /** Each indexed word holding postings, with the first `topCount` docs its query lists and their count (rank.ts topDocs), in word order. */
  wordTops: Array<[word: string, top: TopCardsData]>
}

/** A tier's postings: its docs appended to the kept table when it has one, else collected afresh; stored for the next build when it has a store. */
function tierPostings(tier: TierJob, words: readonly string[], consume: boolean): Postings {
  const { kept, store } = tier
  if (kept && tier.docs.length === 0) return kept
  const postings = kept ? appendPostings(kept, tier.docs, words, { consume }) : collectPostings(tier.docs, words, { consume, firstDoc: tier.from })
  if (store) savePostings(store.file, postings, store.stamp)
  return postings
}

/** Tier `tier`'s shard files from its postings, named by their content and the tier (format.ts). */
export function encodeTier(postings: Postings, tier: number, budget: number, sink?: WordPostingsSink): ShardFile[] {
  const names: string[] = []
  const positionsNames: string[] = []
  const encoded = encodeTermShards(
    postings,
    budget,
    (n, json, part) => {
      const name = hashedNameOfJson(part === 'postings' ? `terms/${tier}-${n}` : `terms/pos-${tier}-${n}`, json)
      ;(part === 'postings' ? names : positionsNames).push(name)
      return registeringScriptFrame(name, json)
    },
    sink,
  )
  return encoded.map((shard, n) => ({ from: shard.from, to: shard.to, name: names[n]!, bytes: shard.json, positionsName: positionsNames[n]!, positionsBytes: shard.positions }))
}

/** `consume`: the job's DocTerms are the caller's own copy (on the worker), free to be emptied as they are read; otherwise they are left as they are (they may be a cache's). */
export function buildShardFiles(job: ShardFilesJob, consume = false): ShardFilesResult {
  const made = job.tiers.map((tier) => (tier.frozen ? null : tierPostings(tier, job.words, consume)))
  // Each tier's documents and field totals: a frozen tier's as kept, the others' from their postings.
  const parts = job.tiers.map((tier, t) => (tier.frozen ? { documents: tier.frozen.documents, fieldTotals: tier.frozen.fieldTotals } : postingsPart(made[t]!)))
  const stats = statsOf(parts)
  // The job's DocTerms are not needed from here on: let them go before the shards take their room.
  for (const tier of job.tiers) {
    tier.docs = []
    delete tier.kept
  }
  // Each word's packed postings in each tier holding it, in tier order.
  const wordParts = new Map<string, string[]>(job.words.map((word) => [word, []]))
  const tiers = job.tiers.map((tier, t): TierFiles => {
    const postings = made[t]
    if (!postings) {
      const frozen = tier.frozen!
      for (const [word, packed] of frozen.words) wordParts.get(word)?.push(packed)
      const shards = frozen.shards.map((shard) => ({ ...shard, bytes: new Uint8Array(0), positionsBytes: new Uint8Array(0) }))
      return { shards, frozen: true }
    }
    made[t] = null
    const words: Array<[string, string]> = []
    const shards = encodeTier(postings, t, job.budget, { words: new Set(job.words), take: (word, packed) => words.push([word, packed]) })
    for (const [word, packed] of words) wordParts.get(word)!.push(packed)
    if (tier.freeze) {
      writeTierState(tier.freeze.file, {
        key: tier.freeze.key,
        ...parts[t]!,
        shards: shards.map(({ from, to, name, positionsName }) => ({ from, to, name, positionsName })),
        words,
      })
    }
    return { shards, frozen: false }
  })
  const wordTops: ShardFilesResult['wordTops'] = []
  if (job.topCount > 0) {
    for (const [word, parts] of wordParts) if (parts.length > 0) wordTops.push([word, topDocs(word, parts, stats, job.topCount)])
  }
  return { tiers, stats, wordTops }
}

/** What the shards are made of besides the tiers. */
export interface ShardOptions {
  budget: number
  words: readonly string[]
  topCount: number
  /** On a worker thread (default: for large archives, when threads can start). */
  worker?: boolean
}

/** The job as the term thread takes it: a frozen tier without its store, which only this thread reads (to make a lost file again). */
function jobOf(tiers: readonly TierJob[], { budget, words, topCount }: ShardOptions): ShardFilesJob {
  return {
    tiers: tiers.map(({ store, ...tier }) => ({ ...tier, docs: [...tier.docs], ...(store && !tier.frozen ? { store } : {}) })),
    budget,
    words: [...words],
    topCount,
  }
}

/** Stories of a tier's kept table. */
const keptStories = (tier: TierJob): number => (tier.kept ? tier.kept.documentCount - tier.kept.firstDoc : 0)

/** Stories in the job's index: tokens, kept and frozen alike. */
const storiesOf = (job: ShardFilesJob): number => job.tiers.reduce((n, tier) => n + tier.docs.length + keptStories(tier) + (tier.frozen?.documents ?? 0), 0)

function useWorkerFor(job: ShardFilesJob, worker: boolean | undefined): boolean {
  // Sized by the whole archive: with a frozen older tier the work is small, but this thread
  // still goes on with the cards while the worker makes the newest tier's shards.
  return worker ?? (storiesOf(job) >= WORKER_THRESHOLD && canStartWorkers())
}

/** Starts the worker on `job` (kept tables' arrays are handed over, not copied): it answers once on the returned port and sets the flag (term-index-worker.ts). */
function startShardWorker(job: ShardFilesJob): { port: MessagePort; signal: Int32Array; thread: Worker } {
  debug(
    'term shards of %d stories on a worker thread (tiers: %s)',
    storiesOf(job),
    job.tiers.map((tier) => (tier.frozen ? `${tier.frozen.documents} kept whole` : `${keptStories(tier)} kept + ${tier.docs.length}`)).join(', '),
  )
  const signal = new Int32Array(new SharedArrayBuffer(4))
  const { port1, port2 } = new MessageChannel()
  const buffers = job.tiers.flatMap(({ kept }) => (kept ? [kept.termStart, kept.groupDocField, kept.groupTf, kept.starts, kept.fieldLength].map((array) => array.buffer as ArrayBuffer) : []))
  const thread = startWorker(WORKER, { workerData: { job, port: port2, signal }, transferList: [port2, ...new Set(buffers)] })
  return { port: port1, signal, thread }
}

/** The worker's answer as shard files, or the error it reported. */
function shardsOf(message: (ShardFilesResult & { error?: undefined }) | { error: string } | undefined): ShardFilesResult {
  if (!message) throw new Error('term-index worker sent nothing')
  if (message.error !== undefined) throw new Error(`term-index worker failed: ${message.error}`)
  // Transferred blocks arrive as plain Uint8Arrays; Buffer views read as text with String(…) too.
  const view = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return {
    tiers: message.tiers.map((tier) => ({ ...tier, shards: tier.shards.map((shard) => ({ ...shard, bytes: view(shard.bytes), positionsBytes: view(shard.positionsBytes) })) })),
    stats: message.stats,
    wordTops: message.wordTops,
  }
}

/** The term shard files of `tiers`: on a worker thread for large archives (or when `worker` says so), else here. */
export function termShardFiles(tiers: readonly TierJob[], options: ShardOptions): ShardFilesResult {
  const job = jobOf(tiers, options)
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
 * the tiers' tokens alive in its suspended frame until the worker answers.
 */
export function termShardFilesAsync(tiers: readonly TierJob[], options: ShardOptions): Promise<ShardFilesResult> {
  const job = jobOf(tiers, options)
  if (!useWorkerFor(job, options.worker)) {
    try {
      return Promise.resolve(buildShardFiles(job))
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)))
    }
  }
  const started = startShardWorker(job)
  // The worker has its copy; this one would otherwise live as long as the wait.
  for (const tier of job.tiers) tier.docs = []
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
