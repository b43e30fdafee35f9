// `npm run build` as users run it (bin/build.mjs, the compiled CLI), through pipes: its report
// on stdout arrives whole, and its exit code says whether the site was replaced. The build ends
// its process as soon as its output is flushed (cli/args.ts runCommand's exitWhenDone), so these
// are what that must not cut short.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { ROOT } from '../helpers/score.js'

const CLI = path.join(ROOT, 'bin/build.mjs')

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const { VITEST: _vitest, ...env } = process.env
  const done = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...env, DEBUG: '' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  return { status: done.status, stdout: done.stdout, stderr: done.stderr }
}

test('the JSON report arrives whole on a piped stdout, the summary on stderr, exit code 0', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'build-cli-'))
  const out = path.join(dir, 'public')
  const { status, stdout, stderr } = run(['--content', path.join(ROOT, 'content'), '--out', out, '--no-cache', '--report', 'json'])
  expect(status).toBe(0)
  const report = JSON.parse(stdout) as { issues: number; stories: number; diagnostics: unknown[] }
  expect(report.issues).toBeGreaterThan(0)
  expect(report.stories).toBeGreaterThan(0)
  expect(report.diagnostics.length).toBeGreaterThan(0)
  expect(stderr).toMatch(/\[archive\] Wrote \d+ files/u)
  expect(existsSync(path.join(out, 'index.html'))).toBe(true)
}, 60_000)

test('a page that cannot be built exits 1, names the file and line, and leaves the last site as it was', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'build-cli-'))
  const content = path.join(dir, 'content')
  cpSync(path.join(ROOT, 'content'), content, { recursive: true })
  const out = path.join(dir, 'public')
  expect(run(['--content', content, '--out', out, '--no-cache']).status).toBe(0)
  const bad = path.join(content, '2099', 'undated')
  mkdirSync(bad, { recursive: true })
  writeFileSync(path.join(bad, 'page-01.txt'), '---\npaper: 示例日报\n---\n本报讯 正文\n')
  const { status, stderr } = run(['--content', content, '--out', out, '--no-cache'])
  expect(status).toBe(1)
  expect(stderr).toMatch(/2099\/undated\/page-01\.txt:1:1: error: Missing issue date/u)
  expect(stderr).toMatch(/could not be built; .* was left as it was/u)
  expect(existsSync(path.join(out, 'index.html'))).toBe(true)
}, 60_000)

test('a second build with nothing changed keeps the site, says so, and prints the same messages; --recheck runs every stage', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'build-cli-'))
  const args = ['--content', path.join(ROOT, 'content'), '--out', path.join(dir, 'public'), '--cache', path.join(dir, 'cache')]
  const first = run(args)
  const again = run(args)
  const rechecked = run([...args, '--recheck'])
  for (const r of [first, again, rechecked]) expect(r.status).toBe(0)
  expect(again.stdout).toMatch(/^\[archive\] Nothing changed since .*public was built: kept its \d+ files for 5 issues, 5 pages, 13 stories in [\d.]+ seconds/u)
  expect(rechecked.stdout).toMatch(/^\[archive\] Wrote 0 files \(\d+ more unchanged\)/u)
  expect(again.stderr).toBe(first.stderr)
  expect(rechecked.stderr).toBe(first.stderr)
  expect(first.stderr).toMatch(/warning/u)
}, 60_000)
