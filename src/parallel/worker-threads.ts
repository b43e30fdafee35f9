// Worker threads that run our modules. Compiled (dist/, as `npm run build` runs) a worker
// starts from its .js module directly; from source under tsx the one boot file registers
// tsx's module hooks (workers do not inherit them) and loads the worker's .ts module.

import os from 'node:os'
import v8 from 'node:v8'
import { Worker, type WorkerOptions } from 'node:worker_threads'
import { FROM_SOURCE } from '../from-source.js'

const BOOT = new URL('./worker-boot.mjs', import.meta.url)

/**
 * Whether this process can start worker threads. Test runners transform modules their own
 * way; there the work is done in-process. ARCHIVE_WORKERS=0 turns threads off.
 */
export function canStartWorkers(): boolean {
  return process.env.ARCHIVE_WORKERS !== '0' && !process.env.VITEST
}

/** Threads worth starting for work spread over every core. */
export function workerThreadCount(): number {
  return Math.min(os.availableParallelism(), 8)
}

/** The URL of worker module `name` (no extension) beside the module at `base`, compiled or not. */
export function workerModule(name: string, base: string): URL {
  return new URL(`./${name}${FROM_SOURCE ? '.ts' : '.js'}`, base)
}

/**
 * The young generation of each worker thread, in MB per semi-space. The main thread holds
 * the archive's model and runs with a larger one (`npm run build`: --max-semi-space-size=32):
 * with 4 its scavenges took 6.9–7.6 s of a 28 s rebuild, with 32 3.0–4.2 s. Each worker
 * holds one page or group at a time; with 4 MB each render thread spent 15–17 s of a full
 * 60,000-story build in scavenges, with 16 MB 8.4–9.1 s, for 50–110 MB more at the peak
 * (1.69–1.75 GB). V8 reads the flag when an isolate is made, so setting it here sizes the
 * threads started from now on and leaves the main thread's heap as the process started it.
 * (A worker's resourceLimits cannot do this: they are ignored when the process was started
 * with the flag.)
 */
const WORKER_SEMI_SPACE_MB = 16

/** A worker thread running `module` (from workerModule). */
export function startWorker(module: URL, options: WorkerOptions = {}): Worker {
  v8.setFlagsFromString(`--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`)
  return module.pathname.endsWith('.ts') ? new Worker(BOOT, { ...options, argv: [module.href] }) : new Worker(module, options)
}
