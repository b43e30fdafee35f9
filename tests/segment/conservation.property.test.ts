// Property test over generated damaged pages: segmentation never throws, never loses or
// duplicates a character, covers every line once, and is deterministic.
import fc from 'fast-check'
import { expect, test } from 'vitest'
import { stripStrayLetter } from '../../src/segment/headline-lines.js'
import type { SegmentedPage } from '../../src/types.js'
import { segmentSnippet } from '../helpers/page.js'

const han = fc.constantFrom(...'市委书记县长会议工作发展建设推进企业群众安全疫情防控五金产业乡村振兴调研检查要求强调召开部署落实创新人才教育文化旅游民生环境王李张刘陈杨赵黄周吴'.split(''))
const word = (min: number, max: number) => fc.array(han, { minLength: min, maxLength: max }).map((a) => a.join(''))
const punct = fc.constantFrom('，', '。', '、', '；', '！', '？', ',', '.', '(', ')', '“', '”', '：', '!', '?')
const sentence = fc
  .array(fc.oneof({ weight: 5, arbitrary: word(2, 8) }, { weight: 2, arbitrary: punct }, { weight: 1, arbitrary: fc.constantFrom('2022', '6月4日', '12 月 9日', '（扩大）') }), { minLength: 3, maxLength: 14 })
  .map((a) => a.join(''))
const name = fc.tuple(fc.constantFrom('王', '李', '张', '陈', '胡'), word(1, 2)).map(([a, b]) => a + b)
const role = fc.constantFrom('记者', '融媒首席记者', '通讯员', '本报记者')

/** One printed block of a page, before wrapping. */
const block = fc.oneof(
  { weight: 6, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 6 }).map((s) => s.join('')) },
  { weight: 2, arbitrary: word(4, 20) },
  { weight: 2, arbitrary: fc.tuple(role, name, sentence).map(([r, n, s]) => `本报讯（${r} ${n}）${s}`) },
  { weight: 1, arbitrary: fc.tuple(role, name).map(([r, n]) => `□${r} ${n}`) },
  { weight: 1, arbitrary: fc.tuple(role, name).map(([r, n]) => `${r} ${n} 摄`) },
  { weight: 1, arbitrary: fc.tuple(sentence, name).map(([s, n]) => `${s}。 ${n} 摄`) },
  { weight: 1, arbitrary: fc.constantFrom('（下转2版）', '（上接1版）', '地址：东山路8号', '热线：0123-4567890', '2023年3月3日 星期五', 'S H I L I  D A I L Y', '扫码下载客户端', '今日8版') },
  { weight: 1, arbitrary: fc.tuple(sentence).map(([s]) => `■${s}`) },
  { weight: 1, arbitrary: fc.tuple(name).map(([n]) => `（${n}）`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: word(4, 12).map((w) => [...w].join(' ')) },
)

/** Extraction damage: hard wraps at a random width, blank lines inside paragraphs and between blocks. */
const page = fc
  .array(fc.tuple(block, fc.integer({ min: 6, max: 24 }), fc.array(fc.boolean(), { maxLength: 40 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 12 })
  .map((blocks) =>
    blocks
      .map(([text, width, blanks, after]) => {
        const chars = [...text]
        const lines: string[] = []
        for (let i = 0, k = 0; i < chars.length; i += width, k++) {
          lines.push(chars.slice(i, i + width).join(''))
          if (blanks[k]) lines.push('')
        }
        return lines.join('\n') + '\n'.repeat(after + 1)
      })
      .join(''),
  )

/** Every character a segmented page holds somewhere, spaces aside, sorted. */
function charsOut(p: SegmentedPage): string {
  const parts: string[] = []
  for (const s of p.stories) parts.push(...s.headline, ...s.apparatus, ...s.paragraphs.map((x) => x.text))
  for (const r of p.lineRoles) if (r.kind === 'column') parts.push(stripStrayLetter(p.lines.find((l) => l.line === r.line)?.text ?? ''))
  parts.push(...p.furniture.map((f) => f.text))
  return [...parts.join('').replace(/\s/gu, '')].sort().join('')
}
const charsIn = (p: SegmentedPage): string => [...p.lines.map((l) => l.text).join('').replace(/\s/gu, '')].sort().join('')

test('segmentation keeps every character exactly once, covers every line, and is deterministic', () => {
  fc.assert(
    fc.property(page, (text) => {
      const first = segmentSnippet(text).page
      expect(charsOut(first)).toBe(charsIn(first))
      expect(first.lineRoles.map((r) => r.line)).toEqual(first.lines.map((l) => l.line))
      expect(JSON.stringify(segmentSnippet(text).page)).toBe(JSON.stringify(first))
    }),
    { numRuns: 1000, seed: 20221207 },
  )
}, 120_000)
