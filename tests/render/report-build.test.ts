// The build report from a real build: with --keep-going, a page that cannot be built is
// listed on report.html as an error, and the home page links the report.

import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { build } from '../../src/build.js'
import { byTag, elements, hasClass, parseHtml, textOf } from './helpers/html.js'

const GOOD = `---
paper: 示例日报
date: 2024-04-02
page: 1
---
本报讯（记者 王明）4月1日，新桥正式建成通车，市民出行更加方便。
`
const BROKEN = `---
paper: 示例日报
date: [not a date
page: 1
---
正文。
`

describe('report.html from a build with a broken page', () => {
  let root: string

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'archive-report-'))
    await mkdir(path.join(root, 'content/2024/2024-04-02'), { recursive: true })
    await mkdir(path.join(root, 'content/2024/2024-04-03'), { recursive: true })
    await writeFile(path.join(root, 'content/2024/2024-04-02/page-01.txt'), GOOD)
    await writeFile(path.join(root, 'content/2024/2024-04-03/page-01.txt'), BROKEN)
  })

  afterAll(async () => {
    const { rm } = await import('node:fs/promises')
    await rm(root, { recursive: true, force: true })
  })

  test('without --keep-going nothing is written; with it, the report lists the error and home links it', async () => {
    const outDir = path.join(root, 'public')
    const refused = await build({ contentDir: path.join(root, 'content'), outDir })
    expect(refused.replaced).toBe(false)
    const result = await build({ contentDir: path.join(root, 'content'), outDir, keepGoing: true })
    expect(result.replaced).toBe(true)
    const report = parseHtml(await readFile(path.join(outDir, 'report.html'), 'utf8'))
    const sections = elements(report, (n) => hasClass(n, 'report-file'))
    const broken = sections.find((s) => textOf(byTag(s, 'h2')[0]!) === '2024/2024-04-03/page-01.txt')!
    expect(broken).toBeDefined()
    expect(elements(broken, (n) => hasClass(n, 'report-severity')).map((n) => textOf(n))).toContain('错误')
    expect(textOf(elements(report, (n) => hasClass(n, 'lede'))[0]!)).toContain('--keep-going')
    const home = parseHtml(await readFile(path.join(outDir, 'index.html'), 'utf8'))
    const note = elements(home, (n) => hasClass(n, 'footer-note'))[0]!
    expect(byTag(note, 'a').map((a) => a.properties.href)).toEqual(['report.html'])
  })
})
