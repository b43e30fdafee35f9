// Worker entry for term-index-thread.ts: builds the term shards of the texts it was started
// with, posts them on the given port (the shard bytes transferred, not copied), then wakes
// the waiting main thread.

import { workerData, type MessagePort } from 'node:worker_threads'
import { buildShardFiles, type ShardFilesJob, type ShardFilesResult } from './term-index-thread.js'

const { job, port, signal } = workerData as { job: ShardFilesJob; port: MessagePort; signal: Int32Array }
let result: ShardFilesResult | { error: string }
const transfer: ArrayBuffer[] = []
try {
  const built = buildShardFiles(job, true)
  result = built
  for (const shard of built.tiers.flatMap((tier) => tier.shards)) {
    for (const bytes of [shard.bytes, shard.positionsBytes]) {
      const buffer = bytes.buffer as ArrayBuffer
      if (!transfer.includes(buffer)) transfer.push(buffer)
    }
  }
} catch (error) {
  result = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) }
}
port.postMessage(result, transfer)
Atomics.store(signal, 0, 1)
Atomics.notify(signal, 0)
