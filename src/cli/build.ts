import { build } from '../build.js'
import { discardInBackground } from '../write/discard.js'
import { parseCommandLine, runCommand } from './args.js'
import { BUILD_FLAGS, BUILD_FLAGS_USAGE, buildOptions } from './build-options.js'
import { jsonReport } from './json-report.js'
import { terminalProgress } from './progress.js'
import { countMessages, formatMessages } from './report.js'

const USAGE = `usage: npm run build -- [--content DIR] [--out DIR] [--site-url URL] [--keep-going] [--cache DIR | --no-cache] [--recheck]

${BUILD_FLAGS_USAGE}`

async function main(): Promise<number> {
  const line = parseCommandLine(BUILD_FLAGS, USAGE)
  if (typeof line === 'number') return line
  const { values } = line
  const started = performance.now()
  if (values.report !== undefined && values.report !== 'json') {
    process.stderr.write(`Unexpected --report ${values.report}, expected json\n${USAGE}\n`)
    return 2
  }
  const progress = terminalProgress()
  const result = await build({ ...buildOptions(values), onProgress: progress.listener, discard: discardInBackground })
  progress.stop()
  for (const line of formatMessages(result.files)) process.stderr.write(`${line}\n`)
  const { errors, warnings, notes } = countMessages(result.files)
  const { issues, pages, stories } = result.summary
  const seconds = ((performance.now() - started) / 1000).toFixed(2)
  if (values.report === 'json') process.stdout.write(jsonReport(result.summary, result.failed.length))
  const summary = values.report === 'json' ? process.stderr : process.stdout
  const counts = `${issues} issues, ${pages} pages, ${stories} stories`
  if (result.unchanged) {
    summary.write(`[archive] Nothing changed since ${values.out} was built: kept its ${result.written} files for ${counts} in ${seconds} seconds (--recheck runs every stage)\n`)
  } else if (result.replaced) {
    summary.write(`[archive] Wrote ${result.written - result.reused} files${result.reused ? ` (${result.reused} more unchanged)` : ''} for ${counts} to ${values.out} in ${seconds} seconds\n`)
  } else {
    process.stderr.write(`[archive] ${result.failed.length} page(s) could not be built; ${values.out} was left as it was (use --keep-going to build the rest)\n`)
  }
  if (errors || warnings || notes) {
    const report = result.replaced ? ` (all of it on report.html)` : ''
    process.stderr.write(`[archive] ${errors} error(s), ${warnings} warning(s), ${notes} note(s) on decisions worth a look${report}\n`)
  }
  return result.failed.length > 0 && !values['keep-going'] ? 1 : 0
}

runCommand(main, 'build', { exitWhenDone: true })
