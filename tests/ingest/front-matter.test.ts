// parseFrontMatter hands gray-matter the front-matter block alone (ingest/front-matter.ts
// readMatter): what it reads of a page must be what gray-matter reads of the whole page.
import matter from 'gray-matter'
import { VFile } from 'vfile'
import { expect, test } from 'vitest'
import { parseFrontMatter } from '../../src/ingest/front-matter.js'

const pages = [
  '---\npaper: 永康日报\ndate: 2023-03-16\npage: 1\n---\n本报讯 市委书记章旭升\n\n---\n下一段',
  // Pages come with \n line ends (ingest/decode.ts); a stray \r after the closing line is cut as gray-matter cuts it.
  '---\npaper: 永康日报\ndate: 2023-03-16\npage: 2\n---\r\n本报讯\r\n',
  '---\n---\n正文',
  '---   \npage: 3\n# a comment\ndate: 2023-03-16\n---\n\n\n正文前有空行',
  '---\npage: 4\n---- 多一个横线\n正文',
  '---\npage: 5\n---正文紧跟',
  '---\npage: 6\n',
  '---\npage: 7\ndate: 2023-02-30\nsource: 12\n---',
]

test.each(pages)('reads %j as gray-matter reads the whole page', (text) => {
  const whole = matter(text, {})
  const parsed = parseFrontMatter(text, new VFile({ path: 'page-01.txt' }))
  expect(parsed.body).toBe(whole.content)
  expect(parsed.firstLine).toBe(text.slice(0, text.length - whole.content.length).split('\n').length)
  const page = whole.data.page as number | undefined
  if (page !== undefined) expect(parsed.meta.page).toBe(page)
})
