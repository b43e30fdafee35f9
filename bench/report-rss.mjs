// Preloaded into benchmarked builds: prints the process's peak resident memory at exit
// (kilobytes, as resourceUsage gives it), which the parent cannot read for a child, and the
// CPU time of all its threads (microseconds, user and system). Worker threads load this
// preload too; only the main thread reports, when the whole process ends.
import { isMainThread } from 'node:worker_threads'

if (isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    process.stderr.write(`[rss] ${usage.maxRSS} ${usage.userCPUTime} ${usage.systemCPUTime}\n`)
  })
}
