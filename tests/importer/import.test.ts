import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { VFile } from 'vfile'
import { describe, expect, test } from 'vitest'
import { decodePage } from '../../src/ingest/decode.js'
import { ImportRefusal, planImport } from '../../src/importer/import-page.js'
import { FIXTURES, ROOT } from '../helpers/score.js'

interface SeedKey {
  pages: { seed: string; issueDate: string; page: number }[]
}
const key = JSON.parse(readFileSync(path.join(FIXTURES, 'seed-gold.json'), 'utf8')) as SeedKey

const plan = (text: string, options = {}) => planImport(Buffer.from(text), text, 'page.txt', options)

describe('import', () => {
  for (const page of key.pages) {
    test(`seed ${page.seed} with only --year lands on its issue date and page`, () => {
      const bytes = readFileSync(path.join(FIXTURES, 'seeds', page.seed))
      const text = decodePage(bytes, new VFile()) as string
      const result = planImport(bytes, text, page.seed, { year: Number(page.issueDate.slice(0, 4)) })
      expect([result.date, result.page]).toEqual([page.issueDate, page.page])
      expect(result.contents.subarray(result.contents.length - bytes.length).equals(bytes)).toBe(true) // text byte for byte
    })
  }

  test('a page that prints its date and page number needs no option', () => {
    const result = plan('示例日报\n2023年3月3日 星期五\n第2版\n\n本报讯（记者 王明）3月2日，全县召开春耕会议。\n')
    expect([result.date, result.page, result.path]).toEqual(['2023-03-03', 2, '2023/2023-03-03/page-02.txt'])
    expect(result.report).toEqual(['date 2023-03-03: printed in the page header', 'page 2: printed in the page header'])
  })

  test('December datelines next to January ones belong to the year before', () => {
    const result = plan('本报讯（记者 王明）12月31日，全县召开总结会。\n\n本报讯（记者 孙丽）1月2日，新年第一会召开。\n', { year: 2024 })
    expect(result.date).toBe('2024-01-03')
  })

  test('a page with neither a printed date nor a year is refused, asking for --date', () => {
    expect(() => plan('本报讯（记者 王明）3月2日，全县召开春耕会议。\n')).toThrow(ImportRefusal)
    expect(() => plan('本报讯（记者 王明）3月2日，全县召开春耕会议。\n')).toThrow(/--date/u)
    expect(() => plan('本报讯（记者 王明）近日，全县召开春耕会议。\n', { year: 2023 })).toThrow(/--date/u)
  })

  test('the command refuses to overwrite a page without --force', () => {
    const content = path.join(mkdtempSync(path.join(tmpdir(), 'import-')), 'content')
    const seed = path.join(FIXTURES, 'seeds', key.pages[0]!.seed)
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/import.ts'), seed, '--year', '2022', '--content', content, ...args], { cwd: ROOT, encoding: 'utf8' })
    expect(run().status).toBe(0)
    const again = run()
    expect(again.status).toBe(1)
    expect(again.stderr).toMatch(/exists already; use --force/u)
    expect(run('--force').status).toBe(0)
  }, 60_000)
})

describe('check', () => {
  test('--report json prints every diagnostic, notes included, as JSON', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/check.ts'), '--report', 'json'], { cwd: ROOT, encoding: 'utf8' })
    expect(r.status).toBe(0)
    const report = JSON.parse(r.stdout) as { stories: number; errors: number; notes: number; diagnostics: { path: string; line: number; rule: string; severity: string }[] }
    expect(report).toMatchObject({ stories: 13, errors: 0 })
    expect(report.diagnostics.filter((d) => d.severity === 'info').length).toBe(report.notes)
    expect(report.diagnostics.every((d) => /^\d{4}\/\d{4}-\d{2}-\d{2}\/page-\d+\.txt$/u.test(d.path) && d.line > 0 && d.rule.includes(':'))).toBe(true)
  }, 60_000)
})
