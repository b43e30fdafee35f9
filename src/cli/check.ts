import { buildModel, countStories, summaryOf } from '../pipeline.js'
import { parseCommandLine, runCommand } from './args.js'
import { jsonReport } from './json-report.js'
import { countMessages, formatMessages } from './report.js'

const USAGE = `usage: npm run check [-- --content DIR] [--report json]

Reads and segments every page and reports every diagnostic, without writing the site.
With --report json, prints the whole report (with notes) as JSON on stdout instead.
Exits non-zero when a page cannot be built.`

async function main(): Promise<number> {
  const line = parseCommandLine({ content: { type: 'string', default: 'content' }, report: { type: 'string' } }, USAGE)
  if (typeof line === 'number') return line
  const { files, failed, model } = await buildModel(line.values.content)
  if (line.values.report !== undefined) {
    if (line.values.report !== 'json') {
      process.stderr.write(`Unexpected --report ${line.values.report}, expected json\n${USAGE}\n`)
      return 2
    }
    process.stdout.write(jsonReport(summaryOf(model), failed.length))
    return failed.length > 0 ? 1 : 0
  }
  for (const message of formatMessages(files)) process.stderr.write(`${message}\n`)
  const { errors, warnings } = countMessages(files)
  const stories = countStories(model)
  process.stdout.write(`[archive] checked ${files.length} files (${model.issues.length} issues, ${stories} stories): ${errors} error(s), ${warnings} warning(s)\n`)
  return failed.length > 0 ? 1 : 0
}

runCommand(main, 'check')
