// A build whose inputs are all as they were leaves the site as it is, without running the
// pipeline (cache/build-record.ts); any change to what the site is made from runs it.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { build, type BuildOptions } from '../../src/build.js'
import { formatMessages } from '../../src/cli/report.js'
import { ROOT } from '../helpers/score.js'
import { snapshot } from '../helpers/snapshot.js'

const temp = (prefix: string): string => mkdtempSync(path.join(tmpdir(), prefix))

/** The seed pages in a folder of their own, with a cache and an output beside them. */
function setup(): BuildOptions & { cacheDir: string } {
  const root = temp('record-')
  const contentDir = path.join(root, 'content')
  cpSync(path.join(ROOT, 'content'), contentDir, { recursive: true })
  return { contentDir, outDir: path.join(root, 'public'), cacheDir: path.join(root, 'cache') }
}

/** Every file of a folder with its bytes, and when it was last written. */
function files(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const [file, bytes] of snapshot(dir)) out.set(file, `${bytes.toString('base64')} ${statSync(path.join(dir, file)).mtimeMs}`)
  return out
}

function pagePaths(content: string): string[] {
  return readdirSync(content, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => /^\d{4}\/[\d-]+\/page-\d+\.txt$/u.test(file))
    .sort()
}

test('a rebuild with nothing changed keeps the site as it is, and reports what the build that made it reported', async () => {
  const options = setup()
  const first = await build(options)
  expect(first.unchanged).toBe(false)
  expect(first.summary.diagnostics.length).toBeGreaterThan(0)
  const before = files(options.outDir)
  const again = await build(options)
  expect(again.unchanged).toBe(true)
  expect(again.model).toBeNull()
  expect(again.replaced).toBe(true)
  expect([again.written, again.reused]).toEqual([first.written, first.written])
  expect(again.summary).toEqual(first.summary)
  // Warnings and notes alike, on the same files and lines.
  expect(formatMessages(again.files, true)).toEqual(formatMessages(first.files, true))
  expect(files(options.outDir)).toEqual(before)
}, 60_000)

/** Changes to what a site is made from, each made after a build; `options` changes what the next build is given. */
const changes: Array<[string, (o: BuildOptions & { cacheDir: string }) => Partial<BuildOptions> | void]> = [
  ['a page edited', (o) => {
    const file = path.join(o.contentDir, pagePaths(o.contentDir)[0]!)
    writeFileSync(file, readFileSync(file, 'utf8').replace(/本报讯/u, '本报讯　'))
  }],
  ['a page removed', (o) => rmSync(path.join(o.contentDir, pagePaths(o.contentDir).at(-1)!))],
  ['a page added', (o) => {
    const page = pagePaths(o.contentDir)[0]!
    const text = readFileSync(path.join(o.contentDir, page), 'utf8').replace(/^page: *\d+$/mu, 'page: 9')
    writeFileSync(path.join(o.contentDir, path.dirname(page), 'page-09.txt'), text)
  }],
  ['an editor data file added', (o) => {
    mkdirSync(path.join(o.contentDir, '_data'), { recursive: true })
    writeFileSync(path.join(o.contentDir, '_data', 'site.yaml'), 'title: 另一个标题\n')
  }],
  ['another site URL', () => ({ siteUrl: 'https://example.org/archive/' })],
  ['an output file removed by hand', (o) => rmSync(path.join(o.outDir, 'index.html'))],
  ['a file put into the output by hand', (o) => writeFileSync(path.join(o.outDir, 'stray.html'), 'stray')],
  ['keepUnchanged switched off', () => ({ keepUnchanged: false })],
]

test.each(changes)('with %s, the pipeline runs and the site is what a clean build makes', async (_, change) => {
  const options = setup()
  await build(options)
  const given = { ...options, ...(change(options) ?? {}) }
  const again = await build(given)
  expect(again.unchanged).toBe(false)
  expect(again.model).not.toBeNull()
  const clean = path.join(temp('clean-'), 'public')
  await build({ ...given, outDir: clean, cacheDir: null })
  const made = snapshot(given.outDir)
  // A file put in by hand is not the build's to remove (it was never in a manifest).
  made.delete('stray.html')
  expect([...made.keys()]).toEqual([...snapshot(clean).keys()])
  expect([...made].filter(([file, bytes]) => !bytes.equals(snapshot(clean).get(file)!)).map(([file]) => file)).toEqual([])
  // And then nothing changed again: kept.
  expect((await build({ ...given, keepUnchanged: true })).unchanged).toBe(true)
}, 60_000)

test('a build with a page that failed keeps no record: the next one runs the pipeline and reports the failure again', async () => {
  const options = setup()
  const page = pagePaths(options.contentDir)[0]!
  // The same page number twice in one issue: the second copy cannot be built.
  cpSync(path.join(options.contentDir, page), path.join(options.contentDir, path.dirname(page), 'page-99.txt'))
  const first = await build({ ...options, keepGoing: true })
  expect(first.failed.length).toBe(1)
  const again = await build({ ...options, keepGoing: true })
  expect(again.unchanged).toBe(false)
  expect(again.failed.length).toBe(1)
}, 60_000)
