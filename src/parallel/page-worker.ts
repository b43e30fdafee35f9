// Worker entry: segments the pages it is sent, one batch per message.
import { parentPort } from 'node:worker_threads'
import type { Taxonomy } from '../tag/types.js'
import type { RawPage } from '../types.js'
import { encodeResult, runPageJob } from './page-job.js'

parentPort?.on('message', (batch: { id: number; pages: RawPage[]; taxonomy: Taxonomy }) => {
  parentPort?.postMessage({ id: batch.id, results: batch.pages.map((page) => encodeResult(runPageJob(page, batch.taxonomy))) })
})
