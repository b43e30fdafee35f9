// The segmenter and tagger are general, not fitted: no person name, headline,
// organization or furniture string of an annotated page appears anywhere in src/.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { FIXTURES, ROOT } from './helpers/score.js'

interface GoldStory {
  headline?: string[]
  people?: string[]
  byline?: { names?: string[] }
  photographers?: string[]
  organizations?: string[]
  column?: string
}
interface Gold {
  pages: { stories: GoldStory[]; notInAnyStory?: string[] }[]
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name)
    return statSync(p).isDirectory() ? sourceFiles(p) : [p]
  })
}

/** Furniture of a shape every paper prints (`今日8版`), not a page's own wording. */
const GENERIC = /^(?:今日\d+版|All Rights Reserved)$/u

test('no string of an annotated page appears in src/', () => {
  const strings = new Set<string>()
  for (const file of ['seed-gold.json', 'dev-pages/gold.json']) {
    const gold = JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as Gold
    for (const page of gold.pages) {
      for (const s of page.stories) {
        for (const n of [...(s.people ?? []), ...(s.byline?.names ?? []), ...(s.photographers ?? []), ...(s.organizations ?? [])]) strings.add(n)
        for (const h of s.headline ?? []) for (const part of h.split(' ')) if ([...part].length >= 4) strings.add(part)
        if (s.column) strings.add(s.column)
      }
      for (const f of page.notInAnyStory ?? []) if ([...f].length >= 4 && !GENERIC.test(f)) strings.add(f)
    }
  }
  const found: string[] = []
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8')
    for (const s of strings) if (text.includes(s)) found.push(`${path.relative(ROOT, file)}: ${s}`)
  }
  expect(found).toEqual([])
})
