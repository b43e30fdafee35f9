// Preloaded into benchmarked builds: prints the process's peak resident memory at exit
// (kilobytes, as resourceUsage gives it), which the parent cannot read for a child. Worker
// threads load this preload too; only the main thread reports, when the whole process ends.
import { isMainThread } from 'node:worker_threads'

if (isMainThread) {
  process.on('exit', () => {
    process.stderr.write(`[rss] ${process.resourceUsage().maxRSS}\n`)
  })
}
