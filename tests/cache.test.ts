// Incremental builds: a build that reuses the cache and the previous output must write
// exactly what a clean build writes.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { deserialize, serialize } from 'node:v8'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { build } from '../src/build.js'
import { manifestId, manifestUnit, readManifest } from '../src/cache/output-manifest.js'
import { generateArchive } from '../src/synth/generate.js'
import { DEFAULT_VOCABULARY } from '../src/synth/vocabulary.js'
import { ROOT } from './helpers/score.js'
import { snapshot } from './helpers/snapshot.js'


function expectSameFiles(actual: string, expected: string): void {
  const a = snapshot(actual)
  const e = snapshot(expected)
  expect([...a.keys()]).toEqual([...e.keys()])
  const differing = [...e].filter(([file, bytes]) => !bytes.equals(a.get(file) as Buffer)).map(([file]) => file)
  expect(differing).toEqual([])
}

const temp = (prefix: string): string => mkdtempSync(path.join(tmpdir(), prefix))

/** The seeds plus a few synthetic issues, in a folder of its own. */
function contentFolder(issues: number): { content: string; addIssue: () => void; removeIssue: () => void } {
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
  return {
    content,
    addIssue: () => write(pages.filter((p) => p.expected.issueDate === last)),
    removeIssue: () => rmSync(path.join(content, last.slice(0, 4), last), { recursive: true }),
  }
}

/** Breaks the first entry of the page cache's pack file ending in `suffix` (cache/page-cache.ts), keeping its length. */
function damagePack(cacheDir: string, suffix: '.pages' | '.terms'): void {
  const pagesDir = path.join(cacheDir, 'pages')
  const file = path.join(pagesDir, readdirSync(pagesDir).find((name) => name.endsWith(suffix))!)
  const bytes = readFileSync(file)
  bytes.write('{"page": {', 0)
  writeFileSync(file, bytes)
}

/** Every folder under `dir`, relative. */
function folders(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name)
      if (statSync(p).isDirectory()) {
        out.push(path.relative(dir, p))
        walk(p)
      }
    }
  }
  walk(dir)
  return out
}

describe('incremental builds', () => {
  test('after adding an issue, a cached rebuild writes what a clean build writes, leaving unchanged files alone', async () => {
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
    // Most files do not mention the new issue; the newest pages, the calendar and the people in it do.
    expect(again.reused).toBeGreaterThan(again.written / 2)
    expect(again.reused).toBeLessThan(again.written)
  }, 120_000)

  test('after removing an issue, its files (and folders left empty) are gone, as in a clean build', async () => {
    const { content, addIssue, removeIssue } = contentFolder(4)
    addIssue()
    const cacheDir = temp('cache-')
    const out = path.join(temp('out-'), 'public')
    await build({ contentDir: content, outDir: out, cacheDir })
    removeIssue()
    await build({ contentDir: content, outDir: out, cacheDir })
    const clean = path.join(temp('clean-'), 'public')
    await build({ contentDir: content, outDir: clean })
    expectSameFiles(out, clean)
    expect(folders(out)).toEqual(folders(clean))
  }, 120_000)

  test("a correction made after the page jobs (a retitled story, then a role added) rebuilds its issue's pages and its people's, as in a clean build", async () => {
    // An issue's key stands for its pages' lines by their page-cache key, a person's for each
    // story's people by a hash of the list (render/group-job.ts); what tagging and corrections
    // change after the page job must still reach the keys.
    const { content } = contentFolder(2)
    const cacheDir = temp('cache-')
    const out = path.join(temp('out-'), 'public')
    const first = await build({ contentDir: content, outDir: out, cacheDir })
    const story = first.model!.issues.at(-1)!.pages[0]!.stories[0]!
    expect(story.people.length).toBeGreaterThan(0)
    mkdirSync(path.join(content, '_data'), { recursive: true })
    const correct = async (yaml: string): Promise<string> => {
      writeFileSync(path.join(content, '_data', 'corrections.yaml'), `- story: ${story.id}\n  title: 编辑改过的标题\n${yaml}`)
      await build({ contentDir: content, outDir: out, cacheDir })
      const clean = path.join(temp('clean-'), 'public')
      await build({ contentDir: content, outDir: clean })
      expectSameFiles(out, clean)
      return out
    }
    await correct('')
    expect(readdirSync(out, { recursive: true, encoding: 'utf8' }).some((file) => file.endsWith('.html') && readFileSync(path.join(out, file), 'utf8').includes('编辑改过的标题'))).toBe(true)
    // Only a role of someone already in the story changes now: no title, name or link does, yet their page lists the role.
    const name = story.people[0]!.name
    await correct(`  people:\n    add: [{ name: ${name}, role: 编辑加的职务 }]\n`)
    const pages = readdirSync(path.join(out, 'people'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html') && readFileSync(path.join(out, 'people', file), 'utf8').includes('编辑加的职务'))
    expect(pages.length).toBeGreaterThan(0)
  }, 60_000)

  test("the stories' paragraphs, which an issue's key stands for by the page's cache key, cannot be written after the page jobs", async () => {
    const { content } = contentFolder(1)
    const { model } = await build({ contentDir: content, outDir: path.join(temp('out-'), 'public'), cacheDir: temp('cache-') })
    const story = model!.issues[0]!.pages[0]!.stories[0]!
    expect(() => {
      story.paragraphs[0]!.text = '改写'
    }).toThrow(TypeError)
    expect(() => story.paragraphs.push({ text: '多一段', lines: [] })).toThrow(TypeError)
  }, 60_000)

  test('a rebuild with nothing changed leaves every file alone', async () => {
    const { content } = contentFolder(3)
    const cacheDir = temp('cache-')
    const out = path.join(temp('out-'), 'public')
    await build({ contentDir: content, outDir: out, cacheDir })
    const before = path.join(temp('copy-'), 'public')
    cpSync(out, before, { recursive: true })
    // A stopped build's work folder beside the site (no process has that number) is removed too.
    const stopped = path.join(path.dirname(out), '.public.stage-999999999-1')
    mkdirSync(path.join(stopped, '2020'), { recursive: true })
    // The cache's manifest and tagging state are as the last build left them: not written again.
    const kept = [path.join(cacheDir, 'tag-state.v8'), ...readdirSync(path.join(cacheDir, 'outputs')).map((name) => path.join(cacheDir, 'outputs', name))]
    // And the output folder itself, id file included, is left as it was (its folders keep their recorded times: cache/folder-times.ts).
    kept.push(out, path.join(out, '.archive-build'))
    const stamps = (): number[] => kept.map((file) => statSync(file).mtimeMs)
    const written = stamps()
    // Every stage run (by default a build with nothing changed does not run them: cache/build-record.ts, tests/cache/build-record.test.ts).
    const again = await build({ contentDir: content, outDir: out, cacheDir, keepUnchanged: false })
    expect(again.unchanged).toBe(false)
    expect(again.reused).toBe(again.written)
    expectSameFiles(out, before)
    expect(readdirSync(path.dirname(out))).toEqual(['public'])
    expect(stamps()).toEqual(written)
    expect(again.listedFolders).toBe(0)
    // And they still serve: a third build keeps every file too, without running the stages.
    const third = await build({ contentDir: content, outDir: out, cacheDir })
    expect(third.unchanged).toBe(true)
    expect(third.reused).toBe(third.written)
    expect(stamps()).toEqual(written)
  }, 60_000)

  test('a deleted output file, or a damaged cache entry, is made afresh', async () => {
    const { content } = contentFolder(2)
    const cacheDir = temp('cache-')
    const out = path.join(temp('out-'), 'public')
    await build({ contentDir: content, outDir: out, cacheDir })
    const clean = path.join(temp('copy-'), 'public')
    cpSync(out, clean, { recursive: true })
    rmSync(path.join(out, 'index.html'))
    damagePack(cacheDir, '.pages')
    const again = await build({ contentDir: content, outDir: out, cacheDir })
    expect(again.replaced).toBe(true)
    expectSameFiles(out, clean)
  }, 60_000)

  test('a rebuild lists only the folders changed since the last build, and still makes again a file removed from one of them', async () => {
    // The folders' times after each build are kept (cache/folder-times.ts): an unchanged folder is not listed.
    const { content, addIssue } = contentFolder(3)
    const cacheDir = temp('cache-')
    const out = path.join(temp('out-'), 'public')
    await build({ contentDir: content, outDir: out, cacheDir })
    const all = folders(out).length + 1
    // A file in a folder deep in the site and one in the search cards' folder, removed by hand.
    const story = readdirSync(out, { recursive: true, encoding: 'utf8' }).find((file) => /^\d{4}\/\d{2}\/\d{2}\/p\d+-l\d+\.html$/u.test(file.split(path.sep).join('/')))!
    const card = readdirSync(out, { recursive: true, encoding: 'utf8' }).find((file) => file.split(path.sep).join('/').startsWith('search/docs/') && file.endsWith('.js'))!
    rmSync(path.join(out, story))
    rmSync(path.join(out, card))
    addIssue()
    const again = await build({ contentDir: content, outDir: out, cacheDir })
    const clean = path.join(temp('clean-'), 'public')
    await build({ contentDir: content, outDir: clean })
    expectSameFiles(out, clean)
    // The two folders that lost a file, the output itself and the few the new issue changes; not every folder.
    expect(again.listedFolders).toBeGreaterThanOrEqual(2)
    expect(again.listedFolders).toBeLessThan(all / 2)
    // Then nothing changed: the folders are as that build left them, and none is listed.
    expect((await build({ contentDir: content, outDir: out, cacheDir })).listedFolders).toBe(0)
  }, 120_000)

  test('with the kept postings gone and a page\'s kept search tokens damaged, a rebuild still writes what a clean build writes', async () => {
    // Without kept postings every story's tokens are read back from the page cache (or made afresh where they cannot be).
    const { content, addIssue } = contentFolder(3)
    const cacheDir = temp('cache-')
    const out = path.join(temp('out-'), 'public')
    await build({ contentDir: content, outDir: out, cacheDir })
    const kept = readdirSync(path.join(cacheDir, 'search')).filter((name) => name.startsWith('postings-'))
    expect(kept.length).toBeGreaterThan(0)
    for (const name of kept) rmSync(path.join(cacheDir, 'search', name))
    damagePack(cacheDir, '.terms')
    addIssue()
    await build({ contentDir: content, outDir: out, cacheDir })
    const clean = path.join(temp('clean-'), 'public')
    await build({ contentDir: content, outDir: clean })
    expectSameFiles(out, clean)
  }, 60_000)

  test('an output folder written by a build without the cache is rebuilt whole, not trusted', async () => {
    const { content, addIssue, removeIssue } = contentFolder(2)
    const cacheDir = temp('cache-')
    const out = path.join(temp('out-'), 'public')
    await build({ contentDir: content, outDir: out, cacheDir })
    addIssue()
    await build({ contentDir: content, outDir: out })
    removeIssue()
    // The cache's manifest describes the first build, and the content is that again; the folder is not.
    const again = await build({ contentDir: content, outDir: out, cacheDir })
    expect(again.reused).toBe(0)
    const clean = path.join(temp('clean-'), 'public')
    await build({ contentDir: content, outDir: clean })
    expectSameFiles(out, clean)
  }, 60_000)

  test('a manifest written by other code is not trusted', async () => {
    const { content } = contentFolder(1)
    const cacheDir = temp('cache-')
    const out = path.join(temp('out-'), 'public')
    await build({ contentDir: content, outDir: out, cacheDir })
    const dir = path.join(cacheDir, 'outputs')
    // The manifest itself (beside it: its folders' times, cache/folder-times.ts).
    const file = path.join(dir, readdirSync(dir).find((name) => /^[^.]+\.v8$/u.test(name))!)
    writeFileSync(file, serialize({ ...(deserialize(readFileSync(file)) as object), fingerprint: 'other code' }))
    expect(await readManifest(cacheDir, out)).toBeNull()
    // Every stage run: with nothing changed the site would be left as it is, without the manifest being read (cache/build-record.ts).
    expect((await build({ contentDir: content, outDir: out, cacheDir, keepUnchanged: false })).reused).toBe(0)
  }, 60_000)
})

test('the id of a decade-sized output (300,000 files) is computed, and changes with any key, any path or the grouping', () => {
  const made = Array.from({ length: 100_000 }, (_, i) => {
    const paths = [0, 1, 2].map((k) => `2020/01/01/p1-l${i}-${k}.html`)
    return { group: `group${i}`, paths, keys: paths.map((file) => `key of ${file}`) }
  })
  const id = manifestId(made.map((u) => manifestUnit(u.group, u.paths, u.keys)))
  const changed = (i: number, paths: string[], keys: string[]): string => manifestId(made.map((u, k) => (k === i ? manifestUnit(u.group, paths, keys) : manifestUnit(u.group, u.paths, u.keys))))
  const at = made[7]!
  expect(changed(7, at.paths, [...at.keys.slice(0, 2), 'other'])).not.toBe(id)
  expect(changed(7, [...at.paths.slice(0, 2), 'elsewhere.html'], at.keys)).not.toBe(id)
  // The same files in other units: the second file moved from unit 7 to unit 8.
  const next = made[8]!
  const moved = made.map((u, k) =>
    k === 7
      ? manifestUnit(u.group, [u.paths[0]!, u.paths[2]!], [u.keys[0]!, u.keys[2]!])
      : k === 8
        ? manifestUnit(u.group, [at.paths[1]!, ...next.paths], [at.keys[1]!, ...next.keys])
        : manifestUnit(u.group, u.paths, u.keys),
  )
  expect(manifestId(moved)).not.toBe(id)
})
