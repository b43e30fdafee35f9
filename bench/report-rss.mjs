// Preloaded into benchmarked builds: prints the process's peak resident memory at exit
// (kilobytes, as resourceUsage gives it), which the parent cannot read for a child.
process.on('exit', () => {
  process.stderr.write(`[rss] ${process.resourceUsage().maxRSS}\n`)
})
