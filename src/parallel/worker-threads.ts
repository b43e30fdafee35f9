// Worker threads that run our modules. Compiled (dist/, as `npm run build` runs) a worker
// starts from its .js module directly; from source under tsx the one boot file registers
// tsx's module hooks (workers do not inherit them) and loads the worker's .ts module.

import os from 'node:os'
import { Worker, type WorkerOptions } from 'node:worker_threads'

const BOOT = new URL('./worker-boot.mjs', import.meta.url)
/** Whether this module runs from source (.ts under tsx) or compiled (.js in dist/). */
const FROM_SOURCE = import.meta.url.endsWith('.ts')

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

/** A worker thread running `module` (from workerModule). */
export function startWorker(module: URL, options: WorkerOptions = {}): Worker {
  return module.pathname.endsWith('.ts') ? new Worker(BOOT, { ...options, argv: [module.href] }) : new Worker(module, options)
}
