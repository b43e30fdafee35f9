// The site writer's bookkeeping (write/site-writer.ts): units of files kept whole or made, and
// two outputs that want one file are an error, whether both are made or one of them is kept.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { manifestId, manifestUnit, readManifest, unitPaths, writeManifest, type OutputManifest } from '../../src/cache/output-manifest.js'
import { codeFingerprint } from '../../src/cache/fingerprint.js'
import type { PageSpec } from '../../src/render/document.js'
import type { PageGroup, SitePlan } from '../../src/render/index.js'
import type { OutputFile } from '../../src/types.js'
import { writeSite } from '../../src/write/site-writer.js'

/** A plan of groups of pages whose HTML is their path, and of other files. */
function plan(groups: Array<{ key: string | null; paths: string[] }>, files: OutputFile[] = []): SitePlan {
  const spec = (file: string): PageSpec => ({ path: file }) as unknown as PageSpec
  const render = (s: PageSpec): OutputFile => ({ path: s.path, contents: `<p>${s.path}</p>` })
  return {
    pages: groups.map((g): PageGroup => ({ key: g.key, paths: g.paths, specs: () => g.paths.map(spec) })),
    render,
    renderGroup: () => [],
    key: (s) => `spec:${s.path}`,
    files: () => files,
    filesAsync: async function* () {
      yield* files
    },
    sitemap: () => null,
    hasSitemap: false,
    personKeyState: () => ({ version: 1, context: '', issues: {}, people: {} }),
  }
}

const outFolder = (): string => path.join(mkdtempSync(path.join(tmpdir(), 'writer-')), 'public')

test('a whole build lists every file once, in units in the order of the plan', async () => {
  const out = outFolder()
  const result = await writeSite(out, plan([{ key: 'g', paths: ['a.html', 'b.html'] }], [{ path: 'x.json', contents: '{}' }]), null)
  expect(result.files).toBe(3)
  expect(result.manifest.units.map((u) => [u.group, unitPaths(u)])).toEqual([
    ['g', ['a.html', 'b.html']],
    [null, ['x.json']],
  ])
  expect(readFileSync(path.join(out, '.archive-build'), 'utf8').trim()).toBe(manifestId(result.manifest.units))
})

test('two made outputs that want one file are an error', async () => {
  await expect(writeSite(outFolder(), plan([{ key: null, paths: ['a.html'] }], [{ path: 'a.html', contents: 'x' }]), null)).rejects.toThrow(
    /Two outputs want the same file: a\.html/u,
  )
})

test('a kept group is copied whole, and a file made into one of its files is an error', async () => {
  const out = outFolder()
  mkdirSync(out, { recursive: true })
  for (const file of ['b.html', 'c.html']) writeFileSync(path.join(out, file), `<p>${file}</p>`)
  const kept = manifestUnit('g1', ['b.html', 'c.html'], ['kb', 'kc'])
  const previous: OutputManifest = { fingerprint: codeFingerprint(), id: 'last', units: [kept] }
  const again = await writeSite(out, plan([{ key: 'g1', paths: ['b.html', 'c.html'] }]), previous)
  expect(again.unchanged).toBe(2)
  expect(again.manifest.units[0]).toBe(kept)
  await expect(writeSite(out, plan([{ key: 'g1', paths: ['b.html', 'c.html'] }], [{ path: 'b.html', contents: 'x' }]), previous)).rejects.toThrow(
    /Two outputs want the same file: b\.html/u,
  )
})

test('a manifest is read back as it was written, its units sharing one list of files', async () => {
  const out = outFolder()
  const cache = mkdtempSync(path.join(tmpdir(), 'writer-cache-'))
  const result = await writeSite(out, plan([{ key: 'g', paths: ['a.html', 'b.html'] }, { key: null, paths: ['c.html'] }], [{ path: 'x.json', contents: '{}' }]), null)
  await writeManifest(cache, out, result.manifest)
  const read = (await readManifest(cache, out))!
  expect(read.id).toBe(result.manifest.id)
  expect(read.units.map((u) => [u.group, u.digest, unitPaths(u)])).toEqual(result.manifest.units.map((u) => [u.group, u.digest, unitPaths(u)]))
  expect(new Set(read.units.map((u) => u.files)).size).toBe(1)
  expect(manifestId(read.units)).toBe(read.id)
})

test('a rebuild that changed little keeps its manifest as a delta over the whole one, until the changes grow', async () => {
  const out = outFolder()
  const cache = mkdtempSync(path.join(tmpdir(), 'writer-cache-'))
  const outputs = path.join(cache, 'outputs')
  const groups = (changed: (i: number) => boolean, round: number) =>
    Array.from({ length: 40 }, (_, i) => ({ key: changed(i) ? `g${i}-${round}` : `g${i}`, paths: [`p${i}.html`] }))
  // A file of its own each round, so each manifest has an id of its own.
  const files = (round: number): OutputFile[] => [{ path: 'x.json', contents: `{"round":${round}}` }]
  const same = (read: OutputManifest | null, made: OutputManifest): void => {
    expect(read?.id).toBe(made.id)
    expect(read?.units.map((u) => [u.group, u.digest, unitPaths(u)])).toEqual(made.units.map((u) => [u.group, u.digest, unitPaths(u)]))
  }
  const first = await writeSite(out, plan(groups(() => false, 0), files(0)), null)
  await writeManifest(cache, out, first.manifest)
  const [whole] = readdirSync(outputs)
  const wholeBytes = readFileSync(path.join(outputs, whole!))
  let previous = await readManifest(cache, out)
  same(previous, first.manifest)
  // Two rebuilds changing one group each: deltas over the first manifest, which stays as it was.
  for (const [round, changed] of [[1, 3], [2, 5]] as const) {
    const again = await writeSite(out, plan(groups((i) => i === 3 || i === changed, round), files(round)), previous)
    await writeManifest(cache, out, again.manifest, previous)
    expect(readdirSync(outputs).sort()).toEqual([whole!.replace(/\.v8$/u, '.delta.v8'), whole!].sort())
    expect(readFileSync(path.join(outputs, whole!)).equals(wholeBytes)).toBe(true)
    previous = await readManifest(cache, out)
    same(previous, again.manifest)
  }
  // A damaged delta is not trusted: the whole manifest is not the folder's.
  const delta = path.join(outputs, whole!.replace(/\.v8$/u, '.delta.v8'))
  const deltaBytes = readFileSync(delta)
  writeFileSync(delta, deltaBytes.subarray(0, deltaBytes.length >> 1))
  expect(await readManifest(cache, out)).toBeNull()
  writeFileSync(delta, deltaBytes)
  // Past a tenth of the files changed, the whole manifest is written again and the delta goes.
  const many = await writeSite(out, plan(groups((i) => i < 8, 3), files(3)), previous)
  await writeManifest(cache, out, many.manifest, previous)
  expect(readdirSync(outputs)).toEqual([whole])
  same(await readManifest(cache, out), many.manifest)
})
