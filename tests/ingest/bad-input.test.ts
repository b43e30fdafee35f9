// Bad input never crashes the build and never hides the good pages: each case puts one
// damaged page next to a good one, builds, and checks the exact diagnostic.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, test } from 'vitest'
import { buildModel } from '../../src/pipeline.js'
import { formatMessages } from '../../src/cli/report.js'

const GOOD = '---\npaper: 示例日报\ndate: 2023-03-03\npage: 1\n---\n本报讯（记者 王明）3月2日，全县召开春耕会议，部署春耕生产工作。\n'
const page = (body: string, fm = 'paper: 示例日报\ndate: 2023-03-04\npage: 1\n'): string => `---\n${fm}---\n${body}`
const STORY = '本报讯（记者 孙丽）3月3日，城南社区开展义诊活动，居民纷纷点赞。\n'

interface Case {
  name: string
  /** path under the content folder → bytes, or a function that makes the file */
  path?: string
  bytes?: Uint8Array | string
  make?: (dir: string) => void
  /** formatted messages of the damaged file, relative to the content folder */
  messages: string[]
  /** reading the file fails as if it had no read permission (root ignores chmod) */
  unreadable?: boolean
  /** does the damaged page still build? */
  builds: boolean
  /** ms the case may take, for the stress cases (vitest's default is 5 s) */
  timeout?: number
}

const BAD = '2023/2023-03-04/page-01.txt'
const cases: Case[] = [
  { name: 'GBK-encoded text is decoded with a warning', bytes: iconv.encode(page(STORY), 'gbk'), builds: true, messages: ['1:1: warning: Unexpected GBK/GB18030 encoding, read it as such; save the file as UTF-8 to silence this'] },
  { name: 'a UTF-8 byte-order mark is dropped', bytes: '\uFEFF' + page(STORY), builds: true, messages: [] },
  { name: 'a UTF-16 file with its byte-order mark is decoded', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page(STORY), 'utf16le')]), builds: true, messages: [] },
  { name: 'CRLF line endings read as LF', bytes: page(STORY).replace(/\n/gu, '\r\n'), builds: true, messages: [] },
  { name: 'old Mac CR line endings read as LF', bytes: page(STORY).replace(/\n/gu, '\r'), builds: true, messages: [] },
  {
    name: 'an empty file is reported and dated from its folder',
    bytes: '',
    builds: true,
    messages: [
      '1:1: warning: Unexpected page without front matter, expected a `---` block with paper, date and page',
      '1:1: warning: Unexpected empty page: no text after the front matter',
      '1:1: warning: Missing `date` in front matter, using 2023-03-04 from the folder name',
      '1:1: warning: Missing `page` in front matter, using 1',
      "1:1: warning: Missing `paper` in front matter, expected the newspaper's name (mastheads are recognised by it)",
    ],
  },
  { name: 'a binary file is refused', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]), builds: false, messages: ['1:1: error: Cannot read page: the file is binary, not text; export the page as plain text (UTF-8)'] },
  {
    name: 'a page without front matter takes its date from the folder',
    bytes: STORY,
    builds: true,
    messages: [
      '1:1: warning: Unexpected page without front matter, expected a `---` block with paper, date and page',
      '1:1: warning: Missing `date` in front matter, using 2023-03-04 from the folder name',
      '1:1: warning: Missing `page` in front matter, using 1',
      "1:1: warning: Missing `paper` in front matter, expected the newspaper's name (mastheads are recognised by it)",
    ],
  },
  { name: 'broken front matter YAML is an error', bytes: page(STORY, 'paper: [示例日报\ndate: 2023-03-04\n'), builds: false, messages: ['4:1: error: Cannot parse front matter: missed comma between flow collection entries'] },
  { name: 'a missing date is taken from the folder', bytes: page(STORY, 'paper: 示例日报\npage: 1\n'), builds: true, messages: ['1:1: warning: Missing `date` in front matter, using 2023-03-04 from the folder name'] },
  {
    name: 'an impossible date is reported and the folder date used',
    bytes: page(STORY, 'paper: 示例日报\ndate: 2023-02-30\npage: 1\n'),
    builds: true,
    messages: ['3:1: warning: Unexpected `date: 2023-02-30` in front matter, expected a calendar date YYYY-MM-DD', '1:1: warning: Missing `date` in front matter, using 2023-03-04 from the folder name'],
  },
  {
    name: 'a folder date that disagrees with the front matter is a warning; front matter wins',
    bytes: page(STORY, 'paper: 示例日报\ndate: 2023-03-05\npage: 1\n'),
    builds: true,
    messages: ['1:1: warning: Unexpected folder date 2023-03-04 for a page dated 2023-03-05 in front matter, expected them to agree (front matter wins)'],
  },
  {
    name: 'a page with no date anywhere is an error',
    path: 'loose/page.txt',
    bytes: page(STORY, 'paper: 示例日报\npage: 1\n'),
    builds: false,
    messages: [
      '1:1: warning: Unexpected page path, expected `YYYY/YYYY-MM-DD/page-NN.txt` under the content folder (built from its front matter anyway)',
      '1:1: error: Missing issue date: add `date: YYYY-MM-DD` to the front matter or put the page in a `YYYY-MM-DD` folder',
    ],
  },
  {
    name: 'a second page with the same number in one issue is an error',
    path: '2023/2023-03-03/page-01b.txt',
    bytes: page(STORY, 'paper: 示例日报\ndate: 2023-03-03\npage: 1\n'),
    builds: false,
    messages: [
      '1:1: warning: Unexpected page path, expected `YYYY/YYYY-MM-DD/page-NN.txt` under the content folder (built from its front matter anyway)',
      '1:1: error: Duplicate page 1 of the 2023-03-03 issue (also CONTENT/2023/2023-03-03/page-01.txt); give each page its own `page` number',
    ],
  },
  { name: 'an unknown front-matter key is a warning', bytes: page(STORY, 'paper: 示例日报\ndate: 2023-03-04\npage: 1\nedition: 晚报\n'), builds: true, messages: ['5:1: warning: Unexpected front-matter key `edition`, expected one of paper, date, page, source'] },
  { name: 'a page number that is not a number is reported', bytes: page(STORY, 'paper: 示例日报\ndate: 2023-03-04\npage: 第一版\n'), builds: true, messages: ['4:1: warning: Unexpected `page: 第一版` in front matter, Invalid input: expected number, received NaN', '1:1: warning: Missing `page` in front matter, using 1'] },
  // A whole build of one 2-million-character story: about 5 s alone on the 2-core machine, more beside other tests.
  { name: 'a 2 MB single line builds', bytes: page('本报讯（记者 孙丽）' + '会议指出，要加强宣传工作。'.repeat(160000) + '\n'), builds: true, messages: [], timeout: 60_000 },
  { name: 'control characters are removed with a warning', bytes: page('本报讯（记者 孙丽）3月3日，城南\u0007社区开展义诊活动，居民纷纷点赞。\n'), builds: true, messages: ['6:18: warning: Unexpected control character U+0007, removed it (and any others)'] },
  {
    name: 'folders and files with spaces and non-ASCII names build from their front matter',
    path: '2023/第 二 期/第1版 稿.txt',
    bytes: page(STORY),
    builds: true,
    messages: ['1:1: warning: Unexpected page path, expected `YYYY/YYYY-MM-DD/page-NN.txt` under the content folder (built from its front matter anyway)'],
  },
  {
    name: 'a symlink loop is not followed',
    make: (dir) => {
      mkdirSync(path.join(dir, 'loop'), { recursive: true })
      symlinkSync('..', path.join(dir, 'loop', 'again'))
    },
    builds: true,
    messages: [],
  },
  { name: 'an unreadable file is an error', bytes: page(STORY), unreadable: true, builds: false, messages: ['1:1: error: Cannot read page: EACCES: permission denied'] },
  {
    name: 'a page reached twice through a symlink is read once',
    make: (dir) => {
      mkdirSync(path.join(dir, '2023', '2023-03-04'), { recursive: true })
      writeFileSync(path.join(dir, BAD), page(STORY))
      symlinkSync(path.join(dir, '2023'), path.join(dir, 'mirror'))
    },
    builds: true,
    messages: [],
  },
  { name: 'a source that points outside the content folder is only a label', bytes: page(STORY, 'paper: 示例日报\ndate: 2023-03-04\npage: 1\nsource: ../../etc/passwd\n'), builds: true, messages: [] },
]

describe('bad input', () => {
  for (const c of cases) {
    test(c.name, { timeout: c.timeout }, async () => {
      const dir = path.join(mkdtempSync(path.join(tmpdir(), 'bad-')), 'content')
      mkdirSync(path.join(dir, '2023', '2023-03-03'), { recursive: true })
      writeFileSync(path.join(dir, '2023', '2023-03-03', 'page-01.txt'), GOOD)
      const rel = c.path ?? BAD
      if (c.make) c.make(dir)
      if (c.bytes !== undefined) {
        mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
        writeFileSync(path.join(dir, rel), c.bytes)
      }
      const readBytes = async (file: string): Promise<Uint8Array> => {
        if (c.unreadable && file === path.join(dir, rel)) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
        return readFile(file)
      }
      const { model, files, failed } = await buildModel(dir, null, { readBytes })
      const display = path.relative(process.cwd(), path.join(dir, rel))
      const mine = formatMessages(files)
        .filter((m) => m.startsWith(`${display}:`))
        .map((m) => m.slice(display.length + 1).replaceAll(path.relative(process.cwd(), dir), 'CONTENT'))
      expect(mine.sort()).toEqual([...c.messages].sort())
      // the good page always builds, with its story
      const good = model.issues.find((i) => i.date === '2023-03-03')
      expect(good?.pages[0]?.stories[0]?.byline).toEqual([{ name: '王明', role: '记者' }])
      expect(failed.some((f) => f.path === display)).toBe(!c.builds)
    })
  }
})
