// The synthetic archive and the segmenter together: a regression check, not a quality
// claim (quality is measured on real pages in gold.test.ts).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { build } from '../src/build.js'
import { generateArchive } from '../src/synth/generate.js'
import { DEFAULT_VOCABULARY } from '../src/synth/vocabulary.js'
import { score } from './helpers/score.js'

test('the same seed writes the same archive', () => {
  const a = [...generateArchive({ issues: 3, seed: 7, start: '2020-01-06', vocabulary: DEFAULT_VOCABULARY })]
  const b = [...generateArchive({ issues: 3, seed: 7, start: '2020-01-06', vocabulary: DEFAULT_VOCABULARY })]
  expect(b).toEqual(a)
  expect([...generateArchive({ issues: 3, seed: 8, start: '2020-01-06', vocabulary: DEFAULT_VOCABULARY })]).not.toEqual(a)
})

test('segmentation on a synthetic archive: at least 99% of stories exact, nothing spurious, no leaks', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'synth-'))
  const pages = [...generateArchive({ issues: 30, seed: 3, start: '2018-03-05', vocabulary: DEFAULT_VOCABULARY })]
  for (const p of pages) {
    const file = path.join(dir, 'content', p.path)
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, p.text)
  }
  const gold = path.join(dir, 'expected.json')
  writeFileSync(gold, JSON.stringify({ pages: pages.map((p) => p.expected) }))
  const site = path.join(dir, 'site')
  await build({ contentDir: path.join(dir, 'content'), outDir: site })
  const { report } = score(gold, site, path.join(dir, 'content'))
  console.log(`synthetic: ${report.totals.exact}/${report.totals.expected} exact`)
  expect(report.totals.exact / report.totals.expected).toBeGreaterThanOrEqual(0.99)
  expect(report.totals).toMatchObject({ spurious: 0, leaks: 0 })
}, 120_000)
