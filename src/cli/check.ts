import { buildModel } from '../pipeline.js'
import { parseCommandLine } from './args.js'
import { countMessages, formatMessages } from './report.js'

const USAGE = `usage: npm run check [-- --content DIR]

Reads and segments every page and reports every diagnostic, without writing the site.
Exits non-zero when a page cannot be built.`

async function main(): Promise<number> {
  const line = parseCommandLine({ content: { type: 'string', default: 'content' } }, USAGE)
  if (typeof line === 'number') return line
  const { files, failed, model } = await buildModel(line.values.content)
  for (const message of formatMessages(files)) process.stderr.write(`${message}\n`)
  const { errors, warnings } = countMessages(files)
  const stories = model.issues.reduce((n, i) => n + i.pages.reduce((m, p) => m + p.stories.length, 0), 0)
  process.stdout.write(`[archive] checked ${files.length} files (${model.issues.length} issues, ${stories} stories): ${errors} error(s), ${warnings} warning(s)\n`)
  return failed.length > 0 ? 1 : 0
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`[archive] check failed: ${(error as Error).stack ?? String(error)}\n`)
    process.exitCode = 1
  },
)
