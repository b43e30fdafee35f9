// The search page builds results from story text, so its script must never hand text to the
// HTML parser or to the JavaScript compiler. A static check over the client's source and over
// the bundle the site ships (which adds lunr and the shared modules).

import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { bundleSearchClient, bundleStoryHighlight } from '../../src/search/bundle-client.js'

const CLIENT_DIR = fileURLToPath(new URL('../../src/search/client/', import.meta.url))

/** Sinks that parse a string as HTML or as code. */
const SINKS = [/\binnerHTML\b/, /\bouterHTML\b/, /\binsertAdjacentHTML\b/, /\bdocument\.write(ln)?\b/, /\beval\s*\(/, /\bnew\s+Function\b/, /\bcreateContextualFragment\b/, /\bsrcdoc\b/]

/** The code without its comments (which may well name the sinks to say they are not used). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1')
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  )
}

describe('search client uses no HTML or code sinks', () => {
  test('the client has source files to check', () => {
    expect(sourceFiles(CLIENT_DIR).length).toBeGreaterThan(2)
  })

  for (const file of sourceFiles(CLIENT_DIR)) {
    test(path.relative(CLIENT_DIR, file), () => {
      const text = withoutComments(readFileSync(file, 'utf8'))
      expect(SINKS.filter((sink) => sink.test(text)).map(String)).toEqual([])
    })
  }

  test('nor does the bundled script the site ships', () => {
    const bundle = bundleSearchClient()
    expect(SINKS.filter((sink) => sink.test(bundle)).map(String)).toEqual([])
  })

  test('nor does the story pages’ highlighting script', () => {
    const bundle = bundleStoryHighlight()
    expect(SINKS.filter((sink) => sink.test(bundle)).map(String)).toEqual([])
  })
})
