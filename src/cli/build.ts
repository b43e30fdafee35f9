import { build } from '../build.js'
import { parseCommandLine } from './args.js'
import { countMessages, formatMessages } from './report.js'

const USAGE = `usage: npm run build -- [--content DIR] [--out DIR] [--site-url URL] [--keep-going]

  --content DIR    content folder to build (default: content)
  --out DIR        output folder (default: public)
  --site-url URL   absolute base URL for feeds and sitemap
  --keep-going     replace the output even when some pages failed; exit 0`

async function main(): Promise<number> {
  const line = parseCommandLine(
    {
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: 'public' },
      'site-url': { type: 'string' },
      'keep-going': { type: 'boolean', default: false },
    },
    USAGE,
  )
  if (typeof line === 'number') return line
  const { values } = line
  const started = performance.now()
  const result = await build({
    contentDir: values.content,
    outDir: values.out,
    siteUrl: values['site-url'] ?? null,
    keepGoing: values['keep-going'],
  })
  for (const line of formatMessages(result.files)) process.stderr.write(`${line}\n`)
  const { errors, warnings } = countMessages(result.files)
  const stories = result.model.issues.reduce((n, i) => n + i.pages.reduce((m, p) => m + p.stories.length, 0), 0)
  const pages = result.model.issues.reduce((n, i) => n + i.pages.length, 0)
  const seconds = ((performance.now() - started) / 1000).toFixed(2)
  if (result.replaced) {
    process.stdout.write(
      `[archive] Wrote ${result.written} files (${result.model.issues.length} issues, ${pages} pages, ${stories} stories) to ${values.out} in ${seconds} seconds\n`,
    )
  } else {
    process.stderr.write(`[archive] ${result.failed.length} page(s) could not be built; ${values.out} was left as it was (use --keep-going to build the rest)\n`)
  }
  if (errors || warnings) process.stderr.write(`[archive] ${errors} error(s), ${warnings} warning(s)\n`)
  return result.failed.length > 0 && !values['keep-going'] ? 1 : 0
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`[archive] build failed: ${(error as Error).stack ?? String(error)}\n`)
    process.exitCode = 1
  },
)
