import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { excerptPieces, findHighlights, snippetHighlights, toPieces } from '../../src/search/highlight.js'

describe('findHighlights', () => {
  test('marks the text as printed, full-width punctuation and all', () => {
    const text = '市长，王小明。'
    expect(toPieces(text, findHighlights(text, ['王小明']))).toEqual([
      { text: '市长，', mark: false },
      { text: '王小明', mark: true },
      { text: '。', mark: false },
    ])
  })

  test('a match across a hard line break marks the break with it', () => {
    expect(findHighlights('王小\n明', ['王小明'])).toEqual([{ start: 0, end: 4 }])
  })

  test('a full-width query marks half-width text', () => {
    expect(findHighlights('建设5G工厂', ['５Ｇ'])).toEqual([{ start: 2, end: 4 }])
  })

  test('words match whole, not inside longer words', () => {
    expect(findHighlights('party art', ['art'])).toEqual([{ start: 6, end: 9 }])
  })

  test('overlapping matches merge', () => {
    expect(findHighlights('五金城', ['五金', '金城'])).toEqual([{ start: 0, end: 3 }])
  })
})

describe('excerptPieces', () => {
  test('cuts a window around the first match, with ellipses where text was cut', () => {
    const text = `${'甲'.repeat(100)}王小明${'乙'.repeat(100)}`
    const pieces = excerptPieces(text, findHighlights(text, ['王小明']), 40)
    expect(pieces[0]).toEqual({ text: '…', mark: false })
    expect(pieces.find((p) => p.mark)).toEqual({ text: '王小明', mark: true })
    expect(pieces[pieces.length - 1]).toEqual({ text: '…', mark: false })
    expect(pieces.map((p) => p.text).join('').length).toBe(42)
  })

  test('starts at the beginning when nothing is marked', () => {
    expect(excerptPieces('短文。', [])).toEqual([{ text: '短文。', mark: false }])
  })

  test('shows a paragraph break as a space', () => {
    expect(excerptPieces('一段。\n\n二段。', [])).toEqual([{ text: '一段。 二段。', mark: false }])
  })
})

describe('snippetHighlights', () => {
  // Long stories (over 1,200 code units), hits early, late or nowhere, text that normalisation
  // changes (full-width letters, spaces and blank lines inside words) near the lead's end too.
  const piece = fc.constantFrom('王小明', '王小\n\n明', '五金', '产业', '，', '。', ' ', '\n\n', 'ＡＢ', 'ab', 'Covid', '19', '城市', '的', '在', '建设')
  const longText = fc.array(piece, { minLength: 600, maxLength: 900 }).map((parts) => parts.join(''))
  const needles = fc.array(fc.constantFrom('王小明', '五金产业', '城市建设', 'ab', 'covid', '１９', '的'), { minLength: 1, maxLength: 3 })

  // Text free of the needles, so the first hit can be put anywhere, near the lead's end too.
  const filler = fc.array(fc.constantFrom('其', '他', '内', '容', '，', ' ', '\n\n', 'Ｘ', 'x'), { minLength: 380, maxLength: 640 }).map((parts) => parts.join(''))

  test('the same snippet as from every hit of the whole text', () => {
    fc.assert(
      fc.property(filler, longText, needles, (before, after, query) => {
        const text = before + after
        expect(excerptPieces(text, snippetHighlights(text, query))).toEqual(excerptPieces(text, findHighlights(text, query)))
      }),
      { numRuns: 300, seed: 20261205 },
    )
  })

  test('a hit in the lead is found without the rest of the text', () => {
    const text = `王小明在五金城调研。${'其他内容。'.repeat(400)}王小明`
    expect(snippetHighlights(text, ['王小明'])).toEqual([{ start: 0, end: 3 }])
    expect(findHighlights(text, ['王小明'])).toHaveLength(2)
  })
})
