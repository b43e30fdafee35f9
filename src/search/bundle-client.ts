// Bundles the search page's script (src/search/client, the shared tokenizer and lunr) into
// one classic IIFE script, so the page needs no module loader and works from file://; and
// the small script that marks a search's words on a story page opened from the results.

import { buildSync } from 'esbuild'
import { fileURLToPath } from 'node:url'

const CLIENT_ENTRY = fileURLToPath(new URL('./client/main.ts', import.meta.url))
const STORY_HIGHLIGHT_ENTRY = fileURLToPath(new URL('./client/story-highlight.ts', import.meta.url))
const SEARCH_EARLY_ENTRY = fileURLToPath(new URL('./client/early.ts', import.meta.url))
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url))

const bundled = new Map<string, string>()

/** The bundled search script. Built once per process: it depends only on our source. */
export function bundleSearchClient(): string {
  return bundleOnce(CLIENT_ENTRY)
}

/** The search page's head script (client/early.ts), built once per process. */
export function bundleSearchEarly(): string {
  return bundleOnce(SEARCH_EARLY_ENTRY)
}

/** The bundled story-page highlighter (client/story-highlight.ts), built once per process. */
export function bundleStoryHighlight(): string {
  return bundleOnce(STORY_HIGHLIGHT_ENTRY)
}

function bundleOnce(entry: string): string {
  let text = bundled.get(entry)
  if (text === undefined) {
    const result = buildSync({
      entryPoints: [entry],
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
    if (!output) throw new Error(`esbuild produced no script for ${entry}`)
    text = output.text
    bundled.set(entry, text)
  }
  return text
}
