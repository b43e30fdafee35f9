// Incremental builds: a build that reuses the cache and the previous output must write
// exactly what a clean build writes.
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { build } from '../src/build.js'
import { readManifest } from '../src/cache/output-manifest.js'
import { generateArchive } from '../src/synth/generate.js'
import { DEFAULT_VOCABULARY } from '../src/synth/vocabulary.js'
import { ROOT } from './helpers/score.js'

function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else out.set(path.relative(dir, p), readFileSync(p))
    }
  }
  walk(dir)
  return out
}

function expectSameFiles(actual: string, expected: string): void {
  const a = snapshot(actual)
  const e = snapshot(expected)
  expect([...a.keys()]).toEqual([...e.keys()])
  const differing = [...e].filter(([file, bytes]) => !bytes.equals(a.get(file) as Buffer)).map(([file]) => file)
  expect(differing).toEqual([])
}

const temp = (prefix: string): string => mkdtempSync(path.join(tmpdir(), prefix))

/** The seeds plus a few synthetic issues, in a folder of its own. */
function contentFolder(issues: number): { content: string; addIssue: () => void } {
  const content = path.join(temp('inc-'), 'content')
  cpSync(path.join(ROOT, 'content'), content, { recursive: true })
  const pages = [...generateArchive({ issues: issues + 1, seed: 11, start: '2021-03-01', vocabulary: DEFAULT_VOCABULARY })]
  const last = pages.at(-1)!.expected.issueDate
  const write = (list: typeof pages): void => {
    for (const p of list) {
      const file = path.join(content, p.path)
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, p.text)
    }
  }
  write(pages.filter((p) => p.expected.issueDate !== last))
  return { content, addIssue: () => write(pages.filter((p) => p.expected.issueDate === last)) }
}

describe('incremental builds', () => {
  test('after adding an issue, a cached rebuild writes what a clean build writes, reusing unchanged pages', async () => {
    const { content, addIssue } = contentFolder(12)
    const cacheDir = temp('cache-')
    const out = path.join(temp('out-'), 'public')
    const first = await build({ contentDir: content, outDir: out, cacheDir })
    expect(first.reused).toBe(0)

    addIssue()
    const again = await build({ contentDir: content, outDir: out, cacheDir })
    const clean = path.join(temp('clean-'), 'public')
    await build({ contentDir: content, outDir: clean })
    expectSameFiles(out, clean)
    // Most pages do not mention the new issue; the newest ones, the calendar and the people in it do.
    const pages = Object.keys((await readManifest(cacheDir, out))!.files).length
    expect(again.reused).toBeGreaterThan(pages / 2)
    expect(again.reused).toBeLessThan(pages)
  }, 120_000)

  test('a rebuild with nothing changed reuses every page and changes no byte', async () => {
    const { content } = contentFolder(3)
    const cacheDir = temp('cache-')
    const out = path.join(temp('out-'), 'public')
    await build({ contentDir: content, outDir: out, cacheDir })
    const before = path.join(temp('copy-'), 'public')
    cpSync(out, before, { recursive: true })
    const again = await build({ contentDir: content, outDir: out, cacheDir })
    const manifest = await readManifest(cacheDir, out)
    expect(again.reused).toBe(Object.keys(manifest!.files).length)
    expectSameFiles(out, before)
  }, 60_000)

  test('an output file edited by hand, or a damaged cache entry, is made afresh', async () => {
    const { content } = contentFolder(2)
    const cacheDir = temp('cache-')
    const out = path.join(temp('out-'), 'public')
    await build({ contentDir: content, outDir: out, cacheDir })
    const clean = path.join(temp('copy-'), 'public')
    cpSync(out, clean, { recursive: true })
    appendFileSync(path.join(out, 'index.html'), '<!-- edited -->')
    const pagesDir = path.join(cacheDir, 'pages')
    const sub = readdirSync(pagesDir)[0]!
    const entry = path.join(pagesDir, sub, readdirSync(path.join(pagesDir, sub))[0]!)
    writeFileSync(entry, '{"page": {')
    const again = await build({ contentDir: content, outDir: out, cacheDir })
    expect(again.replaced).toBe(true)
    expectSameFiles(out, clean)
  }, 60_000)

  test('a manifest written by other code is not trusted', async () => {
    const { content } = contentFolder(1)
    const cacheDir = temp('cache-')
    const out = path.join(temp('out-'), 'public')
    await build({ contentDir: content, outDir: out, cacheDir })
    const dir = path.join(cacheDir, 'outputs')
    const file = path.join(dir, readdirSync(dir)[0]!)
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), fingerprint: 'other code' }))
    expect(await readManifest(cacheDir, out)).toBeNull()
    expect((await build({ contentDir: content, outDir: out, cacheDir })).reused).toBe(0)
  }, 60_000)
})
