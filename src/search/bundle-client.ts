// Bundles the search page's script (src/search/client, the shared tokenizer and lunr) into
// one classic IIFE script, so the page needs no module loader and works from file://.

import { buildSync } from 'esbuild'
import { fileURLToPath } from 'node:url'

const CLIENT_ENTRY = fileURLToPath(new URL('./client/main.ts', import.meta.url))
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url))

let bundled: string | undefined

/** The bundled search script. Built once per process: it depends only on our source. */
export function bundleSearchClient(): string {
  if (bundled === undefined) {
    const result = buildSync({
      entryPoints: [CLIENT_ENTRY],
      absWorkingDir: PROJECT_ROOT,
      bundle: true,
      format: 'iife',
      platform: 'browser',
      // Unicode property escapes in the tokenizer need ES2018; ES2020 covers every current browser.
      target: 'es2020',
      minify: true,
      // Keep CJK messages readable in the output instead of \u escapes.
      charset: 'utf8',
      legalComments: 'eof',
      write: false,
      logLevel: 'silent',
    })
    const [output] = result.outputFiles
    if (!output) throw new Error('esbuild produced no search script')
    bundled = output.text
  }
  return bundled
}
