// The tokenizer bundled for the browser must cut text exactly as Node does, token for token:
// the index is built in Node and queried in Chromium.

import { buildSync } from 'esbuild'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { collectSearchDocs } from '../../src/search/search-docs.js'
import { normalizeWithOffsets, tokenize, tokenizeQuery } from '../../src/search/tokenizer.js'
import { WordSet } from '../../src/search/words.js'
import { sampleModel } from '../search/fixtures/site-model.js'
import { chromiumAvailability, launchChromium } from './helpers.js'

const availability = chromiumAvailability()

const CORPUS = [
  ...collectSearchDocs(sampleModel()).flatMap(({ card }) => [card.titleText, card.body]),
  'ＦＵＬＬ－ＷＩＤＴＨ　１２３，全角。',
  '市长王小明调研五金产业，五金城管委会。王小\n明',
  'Café crème brûlée',
  'e\u0301te\u0301',
  '𠀀𠀁 一二 カタカナ 한국어 ㄅㄆ',
  '王小\n明\n\n第二段\r\n第三',
  'İstanbul ǅ ß',
  '😀 👍🏽 <img src=x> * ~ ^ :',
]

/** Whole words (words.ts) as an index might hold them. */
const WORDS = ['五金产业', '五金城管委会', '王小明']

function tokenizerBundle(): string {
  const root = fileURLToPath(new URL('../../', import.meta.url))
  const result = buildSync({
    stdin: {
      contents: "import * as t from './src/search/tokenizer.ts'; import { WordSet } from './src/search/words.ts'; globalThis.__tokenizer = { ...t, WordSet }",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
  })
  return result.outputFiles[0]!.text
}

describe.skipIf(!availability.run)('tokenizer parity', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchChromium()
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
  })

  test('Chromium and Node produce the same normalised text and tokens', { timeout: 60_000 }, async () => {
    const page = await browser.newPage()
    await page.addScriptTag({ content: tokenizerBundle() })
    const inBrowser = await page.evaluate(
      ([texts, words]) => {
        // The bundle above set this global; the shape is the tokenizer module's exports and WordSet.
        const t = (globalThis as unknown as { __tokenizer: typeof import('../../src/search/tokenizer.js') & { WordSet: typeof WordSet } }).__tokenizer
        const set = new t.WordSet(words)
        return texts.map((text) => [t.normalizeWithOffsets(text), t.tokenize(text), t.tokenizeQuery(text), t.tokenize(text, set), t.tokenizeQuery(text, set)])
      },
      [CORPUS, WORDS] as const,
    )
    const set = new WordSet(WORDS)
    expect(inBrowser).toEqual(CORPUS.map((text) => [normalizeWithOffsets(text), tokenize(text), tokenizeQuery(text), tokenize(text, set), tokenizeQuery(text, set)]))
    await page.close()
  })
})
