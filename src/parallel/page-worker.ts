// Worker entry: segments the pages it is sent, one batch per message.
import { parentPort } from 'node:worker_threads'
import type { RawPage } from '../types.js'
import { runPageJob } from './page-job.js'

parentPort?.on('message', (batch: { id: number; pages: RawPage[] }) => {
  parentPort?.postMessage({ id: batch.id, results: batch.pages.map(runPageJob) })
})
