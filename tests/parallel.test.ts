// Segmenting on worker threads gives the same site, byte for byte, as doing it in one thread.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { generateArchive } from '../src/synth/generate.js'
import { DEFAULT_VOCABULARY } from '../src/synth/vocabulary.js'
import { ROOT } from './helpers/score.js'
import { snapshot } from './helpers/snapshot.js'


test('a build with worker threads equals a build in one thread', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'parallel-'))
  for (const p of generateArchive({ issues: 8, seed: 11, start: '2019-04-01', vocabulary: DEFAULT_VOCABULARY })) {
    const file = path.join(dir, 'content', p.path)
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, p.text)
  }
  const run = (out: string, env: Record<string, string>): void => {
    const { VITEST: _vitest, ...rest } = process.env
    execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/build.ts'), '--content', path.join(dir, 'content'), '--out', out, '--no-cache'], {
      cwd: ROOT,
      env: { ...rest, ...env },
      stdio: 'pipe',
    })
  }
  run(path.join(dir, 'threads'), { ARCHIVE_PARALLEL_MIN: '2', DEBUG: '' })
  run(path.join(dir, 'single'), { ARCHIVE_WORKERS: '0' })
  const a = snapshot(path.join(dir, 'threads'))
  const b = snapshot(path.join(dir, 'single'))
  expect([...a.keys()]).toEqual([...b.keys()])
  for (const [k, v] of a) expect(v.equals(b.get(k)!), k).toBe(true)
}, 120_000)
