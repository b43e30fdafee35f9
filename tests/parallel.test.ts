// Segmenting and rendering on worker threads gives the same site, byte for byte, as doing it
// in one thread: on a fresh build, and on a rebuild that updates the folder in place. The
// threaded builds run the compiled CLI as `npm run build` does (bin/build.mjs, dist/), the
// single-thread ones the TypeScript sources under tsx, so the compiled tool is held to the
// sources' output too.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { generateArchive } from '../src/synth/generate.js'
import { DEFAULT_VOCABULARY } from '../src/synth/vocabulary.js'
import { ROOT } from './helpers/score.js'
import { snapshot } from './helpers/snapshot.js'


function archive(): { dir: string; pages: { path: string; text: string }[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'parallel-'))
  return { dir, pages: [...generateArchive({ issues: 8, seed: 11, start: '2019-04-01', vocabulary: DEFAULT_VOCABULARY })] }
}

function writePages(dir: string, pages: { path: string; text: string }[]): void {
  for (const p of pages) {
    const file = path.join(dir, 'content', p.path)
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, p.text)
  }
}

function run(dir: string, out: string, env: Record<string, string>, cache: string[] = ['--no-cache']): void {
  const { VITEST: _vitest, ...rest } = process.env
  const cli = env.ARCHIVE_WORKERS === '0' ? ['--import', 'tsx', path.join(ROOT, 'src/cli/build.ts')] : [path.join(ROOT, 'bin/build.mjs')]
  execFileSync(process.execPath, [...cli, '--content', path.join(dir, 'content'), '--out', out, ...cache], {
    cwd: ROOT,
    env: { ...rest, ...env },
    stdio: 'pipe',
  })
}

function expectSameFiles(a: string, b: string): void {
  const x = snapshot(a)
  const y = snapshot(b)
  expect([...x.keys()]).toEqual([...y.keys()])
  for (const [k, v] of x) expect(v.equals(y.get(k)!), k).toBe(true)
}

const THREADS = { ARCHIVE_PARALLEL_MIN: '2', DEBUG: '' }

test('a build with worker threads equals a build in one thread', () => {
  const { dir, pages } = archive()
  writePages(dir, pages)
  run(dir, path.join(dir, 'threads'), THREADS)
  run(dir, path.join(dir, 'single'), { ARCHIVE_WORKERS: '0' })
  expectSameFiles(path.join(dir, 'threads'), path.join(dir, 'single'))
}, 120_000)

test('a rebuild with worker threads after adding an issue equals a fresh build in one thread', () => {
  const { dir, pages } = archive()
  const newest = pages.map((p) => p.path.split('/')[1]!).sort().at(-1)!
  writePages(
    dir,
    pages.filter((p) => !p.path.includes(newest)),
  )
  const cache = ['--cache', path.join(dir, 'cache')]
  run(dir, path.join(dir, 'threads'), THREADS, cache)
  writePages(
    dir,
    pages.filter((p) => p.path.includes(newest)),
  )
  run(dir, path.join(dir, 'threads'), THREADS, cache)
  run(dir, path.join(dir, 'single'), { ARCHIVE_WORKERS: '0' })
  expectSameFiles(path.join(dir, 'threads'), path.join(dir, 'single'))
}, 180_000)

test('a rebuild after adding one page segments it on a thread beside the page cache read, and equals a fresh build in one thread', () => {
  const { dir, pages } = archive()
  const added = pages.map((p) => p.path).sort().at(-1)!
  writePages(
    dir,
    pages.filter((p) => p.path !== added),
  )
  const cache = ['--cache', path.join(dir, 'cache')]
  run(dir, path.join(dir, 'threads'), THREADS, cache)
  writePages(
    dir,
    pages.filter((p) => p.path === added),
  )
  // One page, under the threshold of two, with the rest read back from the cache meanwhile (pipeline.ts segmentWithCache).
  const { VITEST: _vitest, ...rest } = process.env
  const again = spawnSync(process.execPath, [path.join(ROOT, 'bin/build.mjs'), '--content', path.join(dir, 'content'), '--out', path.join(dir, 'threads'), ...cache], {
    cwd: ROOT,
    env: { ...rest, ...THREADS, DEBUG: 'archive:parallel,archive:build' },
    encoding: 'utf8',
  })
  expect(again.status, again.stderr).toBe(0)
  expect(again.stderr).toMatch(/segmenting 1 pages on \d+ threads/u)
  expect(again.stderr).toMatch(new RegExp(`page cache: ${pages.length - 1} of ${pages.length} pages`, 'u'))
  run(dir, path.join(dir, 'single'), { ARCHIVE_WORKERS: '0' })
  expectSameFiles(path.join(dir, 'threads'), path.join(dir, 'single'))
}, 180_000)
