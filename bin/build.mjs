// `npm run build`: the build CLI (src/cli/build.ts) run compiled, so it starts in plain Node
// (see compile.mjs). Sources changed since the last compile are compiled first (~0.4 s).
import { compiled } from './compile.mjs'

let cli
try {
  cli = await compiled('cli/build.js')
} catch (error) {
  process.stderr.write(`[archive] could not compile src/ to dist/: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}
await import(cli)
