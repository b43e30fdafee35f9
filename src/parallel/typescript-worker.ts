// Worker threads that run our TypeScript modules: the one boot file registers tsx's module
// hooks (workers do not inherit them) and loads the module each worker is started with.

import os from 'node:os'
import { Worker, type WorkerOptions } from 'node:worker_threads'

const BOOT = new URL('./worker-boot.mjs', import.meta.url)

/**
 * Whether this process can start TypeScript workers: it runs from source under tsx (as
 * `npm run build` does). Test runners transform modules their own way; there the work is
 * done in-process. ARCHIVE_WORKERS=0 turns threads off.
 */
export function canStartWorkers(): boolean {
  if (process.env.ARCHIVE_WORKERS === '0' || process.env.VITEST) return false
  return import.meta.url.endsWith('.ts')
}

/** Threads worth starting for work spread over every core. */
export function workerThreadCount(): number {
  return Math.min(os.availableParallelism(), 8)
}

/** A worker thread running `module` (a TypeScript file's URL). */
export function startWorker(module: URL, options: WorkerOptions = {}): Worker {
  return new Worker(BOOT, { ...options, argv: [module.href] })
}
