// npm run dev: build, serve on localhost, rebuild on changes to content/ and templates/, and
// reload the open pages after each good rebuild. The site written is what `npm run build`
// writes; the reload script is added only to the pages as the dev server sends them.

import type { BuildResult } from '../build.js'
import { startDevServer } from '../dev/server.js'
import { parseCommandLine, runCommand } from './args.js'
import { BUILD_FLAGS, BUILD_FLAGS_USAGE, buildOptions } from './build-options.js'
import { countMessages, formatMessages } from './report.js'

const USAGE = `usage: npm run dev -- [--content DIR] [--out DIR] [--site-url URL] [--keep-going] [--port N] [--host HOST]

${BUILD_FLAGS_USAGE}
  --port N         port to serve on (default: 8080; 0 picks a free one)
  --host HOST      address to listen on (default: 127.0.0.1)`

function report(result: BuildResult | Error): void {
  if (result instanceof Error) {
    process.stderr.write(`[archive] build failed: ${result.message}\n`)
    return
  }
  for (const line of formatMessages(result.files)) process.stderr.write(`${line}\n`)
  const { errors, warnings } = countMessages(result.files)
  const { issues, stories } = result.summary
  const summary = result.replaced
    ? `[archive] ${result.unchanged ? 'Nothing changed:' : 'Built'} ${issues} issues, ${stories} stories (${errors} error(s), ${warnings} warning(s))`
    : `[archive] ${result.failed.length} page(s) could not be built; still serving the last good site (--keep-going builds the rest)`
  process.stdout.write(`${summary}\n`)
}

async function main(): Promise<number> {
  const line = parseCommandLine(
    {
      ...BUILD_FLAGS,
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
    },
    USAGE,
  )
  if (typeof line === 'number') return line
  const { values } = line
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`Unexpected port "${values.port}", expected a number from 0 to 65535\n${USAGE}\n`)
    return 2
  }
  const server = await startDevServer({
    build: buildOptions(values),
    port,
    host: values.host,
    onBuild: report,
  })
  process.stdout.write(`[archive] Serving ${values.out} at ${server.url} — watching ${values.content} and the templates (Ctrl-C stops)\n`)
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  await server.close()
  return 0
}

runCommand(main, 'dev server')
