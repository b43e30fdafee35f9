// Preloaded into benchmarked builds: prints the process's peak resident memory at exit
// (kilobytes, as resourceUsage gives it), which the parent cannot read for a child, the
// CPU time of all its threads (microseconds, user and system), and the main thread's own
// (microseconds; -1 where /proc cannot tell it). A rebuild waits on the main thread, so its
// CPU time says what the code costs there without the other threads' or the wait's noise.
// Worker threads load this preload too; only the main thread reports, when the whole process ends.
import { readFileSync } from 'node:fs'
import { isMainThread } from 'node:worker_threads'

/** The main thread's user + system CPU time from Linux's /proc (clock ticks of 10 ms), or -1. */
function mainThreadMicros() {
  try {
    // The fields after the command name (which may hold spaces, so cut after its last `)`): utime is the 12th, stime the 13th.
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100
  } catch {
    return -1
  }
}

if (isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    process.stderr.write(`[rss] ${usage.maxRSS} ${usage.userCPUTime} ${usage.systemCPUTime} ${mainThreadMicros()}\n`)
  })
}
