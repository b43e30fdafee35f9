// bin/compile.mjs: `npm run build` runs dist/, compiled from src/ whenever the sources change.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { expect, test } from 'vitest'
import { compile } from '../../bin/compile.mjs'
import { sourceStamp } from '../../bin/source-stamp.mjs'

function sources(): { source: string; out: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'compile-'))
  const source = path.join(dir, 'src')
  mkdirSync(path.join(source, 'data'), { recursive: true })
  writeFileSync(path.join(source, 'a.ts'), `import { b } from './b.js'\nexport const a: number = b + 1\n`)
  writeFileSync(path.join(source, 'b.ts'), `export const b: number = 1\n`)
  writeFileSync(path.join(source, 'data', 'table.json'), '{"x":1}')
  return { source, out: path.join(dir, 'dist') }
}

async function load(out: string, file: string, version: number): Promise<Record<string, unknown>> {
  // A query makes each import a new module instance (Node caches modules by URL).
  return (await import(`${pathToFileURL(path.join(out, file)).href}?v=${version}`)) as Record<string, unknown>
}

test('TypeScript becomes runnable modules in the same layout, data files copied beside them', async () => {
  const { source, out } = sources()
  expect(await compile({ source, out })).toBe(true)
  expect((await load(out, 'a.js', 1)).a).toBe(2)
  // Each of our modules stays a module of its own in its place (they read files relative to themselves): imported, not bundled in.
  expect(readFileSync(path.join(out, 'a.js'), 'utf8')).toMatch(/from ["']\.\/b\.js["']/u)
  expect(readFileSync(path.join(out, 'data', 'table.json'), 'utf8')).toBe('{"x":1}')
  expect(existsSync(path.join(out, 'a.ts'))).toBe(false)
})

test('unchanged sources are not compiled again; a changed, added or removed file is', async () => {
  const { source, out } = sources()
  await compile({ source, out })
  expect(await compile({ source, out })).toBe(false)

  writeFileSync(path.join(source, 'b.ts'), `export const b: number = 41\n`)
  expect(await compile({ source, out })).toBe(true)
  expect((await load(out, 'a.js', 2)).a).toBe(42)

  rmSync(path.join(source, 'data', 'table.json'))
  writeFileSync(path.join(source, 'c.ts'), `export const c = 'new'\n`)
  expect(await compile({ source, out })).toBe(true)
  expect(existsSync(path.join(out, 'data', 'table.json'))).toBe(false)
  expect((await load(out, 'c.js', 3)).c).toBe('new')
  expect(await compile({ source, out })).toBe(false)
})

test('a compile error leaves the last compiled folder as it was', async () => {
  const { source, out } = sources()
  await compile({ source, out })
  writeFileSync(path.join(source, 'b.ts'), `export const b: number = (\n`)
  await expect(compile({ source, out })).rejects.toThrow(/b\.ts/u)
  expect((await load(out, 'a.js', 4)).a).toBe(2)
  expect(readdirSync(path.dirname(out)).sort()).toEqual(['dist', 'src'])
})

test('a compiled folder is stamped with its sources’ stamp, which the cache’s code fingerprint is made from whichever way the tool runs', async () => {
  const { source, out } = sources()
  await compile({ source, out })
  expect(readFileSync(path.join(out, '.source-hash'), 'utf8')).toBe(sourceStamp(source))
  writeFileSync(path.join(source, 'b.ts'), `export const b: number = 2\n`)
  expect(sourceStamp(source)).not.toBe(readFileSync(path.join(out, '.source-hash'), 'utf8'))
  await compile({ source, out })
  expect(readFileSync(path.join(out, '.source-hash'), 'utf8')).toBe(sourceStamp(source))
})
