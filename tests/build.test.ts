import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { build, safeJoin } from '../src/build.js'
import { ROOT } from './helpers/score.js'
import { snapshot } from './helpers/snapshot.js'


const temp = (prefix: string): string => mkdtempSync(path.join(tmpdir(), prefix))

describe('build output', () => {
  test('two builds of the same content are byte-identical', async () => {
    const a = path.join(temp('a-'), 'public')
    const b = path.join(temp('b-'), 'public')
    await build({ contentDir: path.join(ROOT, 'content'), outDir: a })
    await build({ contentDir: path.join(ROOT, 'content'), outDir: b })
    const sa = snapshot(a)
    const sb = snapshot(b)
    expect([...sa.keys()]).toEqual([...sb.keys()])
    for (const [file, bytes] of sa) expect(bytes.equals(sb.get(file) as Buffer), file).toBe(true)
  })

  test('a failed build leaves the previous site byte-identical; --keep-going replaces it', async () => {
    const content = path.join(temp('c-'), 'content')
    cpSync(path.join(ROOT, 'content'), content, { recursive: true })
    const out = path.join(temp('o-'), 'public')
    await build({ contentDir: content, outDir: out })
    const before = snapshot(out)
    writeFileSync(path.join(content, '2022', '2022-06-07', 'page-02.txt'), '---\npaper: [broken\n---\n正文。\n')
    const failed = await build({ contentDir: content, outDir: out })
    expect(failed.replaced).toBe(false)
    expect(failed.failed.map((f) => path.basename(f.path))).toEqual(['page-02.txt'])
    const after = snapshot(out)
    expect([...after.keys()]).toEqual([...before.keys()])
    for (const [file, bytes] of before) expect(bytes.equals(after.get(file) as Buffer), file).toBe(true)
    const kept = await build({ contentDir: content, outDir: out, keepGoing: true })
    expect(kept.replaced).toBe(true)
  })

  test('a build reports its progress: every page segmented, every file written', async () => {
    const events: string[] = []
    const out = path.join(temp('p-'), 'public')
    const result = await build({ contentDir: path.join(ROOT, 'content'), outDir: out, onProgress: (stage, done, total) => events.push(`${stage} ${done}/${total}`) })
    expect(events.filter((e) => e.startsWith('segment')).at(-1)).toBe('segment 5/5')
    expect(events.filter((e) => e.startsWith('write')).at(-1)).toBe(`write ${result.written}/${result.written}`)
  })

  test('an output path cannot leave the output folder', () => {
    expect(() => safeJoin('/site', '../etc/passwd')).toThrow(/outside the output folder/u)
    expect(() => safeJoin('/site', '/etc/passwd')).toThrow(/outside the output folder/u)
    expect(safeJoin('/site', '2022/06/07/p1-l7.html')).toBe('/site/2022/06/07/p1-l7.html')
  })
})
