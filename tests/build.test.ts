import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { build, safeJoin } from '../src/build.js'
import { discardInBackground } from '../src/write/discard.js'
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

  test('a whole build removes the site it replaced, and what earlier builds left beside it', async () => {
    const parent = temp('r-')
    const out = path.join(parent, 'public')
    await build({ contentDir: path.join(ROOT, 'content'), outDir: out })
    writeFileSync(path.join(out, 'stale.html'), 'from a site built before')
    const leave = (name: string): void => {
      mkdirSync(path.join(parent, name, '2022'), { recursive: true })
      writeFileSync(path.join(parent, name, '2022', 'index.html'), 'old')
    }
    // A site whose removal was cut short; the work folder of a build that was stopped (no
    // process has that number); the work folder of a build still running (this process).
    leave('.public.old-1-2')
    leave('.public.tmp-999999999-3')
    leave(`.public.stage-${process.pid}-4`)
    const discarded: string[] = []
    // No cache: a whole build, into a folder beside the output, then swapped in.
    await build({ contentDir: path.join(ROOT, 'content'), outDir: out, discard: async (dir) => void discarded.push(path.basename(dir)) })
    expect(existsSync(path.join(out, 'stale.html'))).toBe(false)
    expect(discarded).toHaveLength(3)
    expect(discarded).toEqual(expect.arrayContaining(['.public.old-1-2', '.public.tmp-999999999-3']))
    expect(discarded.find((name) => !name.endsWith('-2') && !name.endsWith('-3'))).toMatch(/^\.public\.old-\d+-\d+$/u)
    // By default the build waits until they are gone.
    const again = path.join(temp('w-'), 'public')
    await build({ contentDir: path.join(ROOT, 'content'), outDir: again })
    await build({ contentDir: path.join(ROOT, 'content'), outDir: again })
    expect(readdirSync(path.dirname(again))).toEqual(['public'])
  })

  test('a folder left to the background is removed by a process of its own, after the call returns', async () => {
    const dir = path.join(temp('d-'), '.public.old-3-4')
    for (let i = 0; i < 200; i++) {
      mkdirSync(path.join(dir, String(i % 20)), { recursive: true })
      writeFileSync(path.join(dir, String(i % 20), `${i}.html`), 'x')
    }
    await discardInBackground(dir)
    for (let waited = 0; existsSync(dir) && waited < 20_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50))
    expect(existsSync(dir)).toBe(false)
  })
})
