// Bundles the search page's script (src/search/client, the shared tokenizer and lunr) into
// one classic IIFE script, so the page needs no module loader and works from file://; and
// the small script that marks a search's words on a story page opened from the results.

import { buildSync } from 'esbuild'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { FROM_SOURCE } from '../from-source.js'

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url))
// The client's TypeScript sources, also when this module runs compiled from dist/search/.
const CLIENT = path.join(PROJECT_ROOT, 'src', 'search', 'client')
/** The scripts, by their entry module in src/search/client. */
const ENTRIES = ['main', 'early', 'story-highlight'] as const
type Entry = (typeof ENTRIES)[number]
/**
 * Where the compiled tool keeps the scripts, bundled when it was compiled (bin/compile.mjs
 * calls writeClientBundles): a build then spends no time bundling. From source (tsx, tests)
 * the folder is absent and each script is bundled on first use.
 */
const PREBUILT = fileURLToPath(new URL('./client-bundles/', import.meta.url))

const bundled = new Map<Entry, string>()

/** The bundled search script. Built once per process: it depends only on our source. */
export function bundleSearchClient(): string {
  return bundleOnce('main')
}

/** The search page's head script (client/early.ts), built once per process. */
export function bundleSearchEarly(): string {
  return bundleOnce('early')
}

/** The bundled story-page highlighter (client/story-highlight.ts), built once per process. */
export function bundleStoryHighlight(): string {
  return bundleOnce('story-highlight')
}

/** Bundles every client script into `dir` (the compiled tool's client-bundles folder). */
export function writeClientBundles(dir: string = PREBUILT): void {
  mkdirSync(dir, { recursive: true })
  for (const entry of ENTRIES) writeFileSync(path.join(dir, `${entry}.js`), bundle(entry))
}

function bundleOnce(entry: Entry): string {
  let text = bundled.get(entry)
  if (text === undefined) {
    text = FROM_SOURCE ? bundle(entry) : readFileSync(path.join(PREBUILT, `${entry}.js`), 'utf8')
    bundled.set(entry, text)
  }
  return text
}

function bundle(entry: Entry): string {
  const result = buildSync({
    entryPoints: [path.join(CLIENT, `${entry}.ts`)],
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
  return output.text
}
