// Listing the content folder's pages (ingest/read-content.ts listPageFiles): a file reached
// through several paths is listed once, under its shortest path; distinct files never merge.
import { linkSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { listPageFiles } from '../../src/ingest/read-content.js'

const page = (date: string) => `---\npaper: 示例日报\ndate: ${date}\npage: 1\n---\n本报讯（记者 王明）全县召开春耕会议。\n`

test('a page reached through a linked folder or file is listed once, under its shortest path; hard links stay two files', async () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'list-')), 'content')
  mkdirSync(path.join(dir, '2023', '2023-03-04'), { recursive: true })
  mkdirSync(path.join(dir, '2023', '2023-03-05'), { recursive: true })
  mkdirSync(path.join(dir, '2023', '2023-03-06'), { recursive: true })
  writeFileSync(path.join(dir, '2023', '2023-03-04', 'page-01.txt'), page('2023-03-04'))
  writeFileSync(path.join(dir, '2023', '2023-03-05', 'page-01.txt'), page('2023-03-05'))
  // The same file under another folder's name (an editor's hard link): a page of that issue too.
  linkSync(path.join(dir, '2023', '2023-03-04', 'page-01.txt'), path.join(dir, '2023', '2023-03-06', 'page-01.txt'))
  // A folder linked in again, and a file linked beside itself.
  symlinkSync(path.join(dir, '2023'), path.join(dir, 'mirror'))
  symlinkSync(path.join(dir, '2023', '2023-03-05', 'page-01.txt'), path.join(dir, '2023', '2023-03-05', 'page-02.txt'))
  expect(await listPageFiles(dir)).toEqual(['2023/2023-03-04/page-01.txt', '2023/2023-03-05/page-01.txt', '2023/2023-03-06/page-01.txt'])
})
