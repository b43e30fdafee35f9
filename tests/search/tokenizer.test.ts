import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  foldedUnit,
  forEachIndexToken,
  isCjk,
  isIdeographUnit,
  isStableUnit,
  normalizeText,
  normalizeTextFast,
  normalizeWithOffsets,
  tokenize,
  tokenizeQuery,
  TOKENIZER_VERSION,
} from '../../src/search/tokenizer.js'

const terms = (tokens: Array<{ term: string }>) => tokens.map((t) => t.term)

describe('normalizeText', () => {
  test('folds full-width Latin and digits (NFKC) and lower-cases Latin', () => {
    expect(normalizeText('ＡＢＣ１２３ Smart')).toBe('abc123 smart')
  })

  test('joins a CJK run across a line break', () => {
    expect(normalizeText('市长王小\n明来到')).toBe('市长王小明来到')
  })

  test('joins a CJK run across spaces', () => {
    expect(normalizeText('五 金 城')).toBe('五金城')
  })

  test('keeps a blank line as one paragraph break', () => {
    expect(normalizeText('第一段。\n\n  第二段')).toBe('第一段。\n第二段')
  })

  test('collapses whitespace next to Latin words to one space and trims the ends', () => {
    expect(normalizeText('  covid\t 19 疫苗  ')).toBe('covid 19 疫苗')
  })
})

describe('the code units normalisation takes without a Unicode regex', () => {
  // What the general path would compute for each of them, checked for all 65,536 units: the
  // shortcuts in foldClusters, foldWhitespace and isCjk skip only work whose result this fixes.
  test('a stable unit is its own NFKC lower case and no mark; a known fold is the NFKC lower case; an ideograph is CJK and no space', () => {
    const wrong: string[] = []
    let known = 0
    for (let unit = 0; unit <= 0xffff; unit++) {
      const char = String.fromCharCode(unit)
      if (isStableUnit(unit) && (char.normalize('NFKC').toLowerCase() !== char || /\p{M}/u.test(char))) wrong.push(`stable ${unit.toString(16)}`)
      const folded = foldedUnit(unit)
      if (folded !== null) {
        known++
        if (folded !== char.normalize('NFKC').toLowerCase() || /\p{M}/u.test(char)) wrong.push(`folded ${unit.toString(16)}`)
      }
      if (isIdeographUnit(unit) && (!/\p{Script=Han}/u.test(char) || !isStableUnit(unit) || /\s/u.test(char))) wrong.push(`ideograph ${unit.toString(16)}`)
      if (unit < 0x80 && /\s/u.test(char) !== (unit === 0x20 || (unit >= 0x09 && unit <= 0x0d))) wrong.push(`space ${unit.toString(16)}`)
    }
    expect(wrong).toEqual([])
    expect(known).toBeGreaterThan(21_000)
    expect(foldedUnit('Ａ'.charCodeAt(0))).toBe('a')
    expect(foldedUnit('，'.charCodeAt(0))).toBe(',')
    expect(foldedUnit('\u3000'.charCodeAt(0))).toBe(null)
    expect(isStableUnit('A'.charCodeAt(0))).toBe(false)
    expect(isCjk('王')).toBe(true)
    expect(isCjk('가')).toBe(true)
    expect(isCjk('a')).toBe(false)
  })
})

describe('normalizeWithOffsets', () => {
  test('maps every normalised code unit back to its source cluster', () => {
    const source = 'Ｗ 王\n小'
    const { text, sourceStart, sourceEnd } = normalizeWithOffsets(source)
    expect(text).toBe('w 王小')
    expect(sourceStart).toEqual([0, 1, 2, 4])
    expect(sourceEnd).toEqual([1, 2, 3, 5])
  })
})

describe('tokenize', () => {
  test('emits every CJK character and every adjacent pair, with positions', () => {
    expect(tokenize('五金城')).toEqual([
      { term: '五', position: [0, 1], kind: 'char' },
      { term: '五金', position: [0, 2], kind: 'bigram' },
      { term: '金', position: [1, 1], kind: 'char' },
      { term: '金城', position: [1, 2], kind: 'bigram' },
      { term: '城', position: [2, 1], kind: 'char' },
    ])
  })

  test('a lone CJK character is a token of its own', () => {
    expect(terms(tokenize('，好！'))).toEqual(['好'])
  })

  test('a bigram spans a hard line break', () => {
    expect(terms(tokenize('小\n明'))).toContain('小明')
  })

  test('no bigram spans a paragraph break', () => {
    expect(terms(tokenize('小\n\n明'))).toEqual(['小', '明'])
  })

  test('Latin words and numbers are whole tokens, split at punctuation', () => {
    expect(tokenize('COVID-19疫苗')).toEqual([
      { term: 'covid', position: [0, 5], kind: 'word' },
      { term: '19', position: [6, 2], kind: 'word' },
      { term: '疫', position: [8, 1], kind: 'char' },
      { term: '疫苗', position: [8, 2], kind: 'bigram' },
      { term: '苗', position: [9, 1], kind: 'char' },
    ])
  })

  test('letters with accents stay in one word', () => {
    expect(terms(tokenize('Café crème'))).toEqual(['café', 'crème'])
  })

  test('CJK outside the basic plane counts in UTF-16 code units', () => {
    expect(tokenize('𠀀一')).toEqual([
      { term: '𠀀', position: [0, 2], kind: 'char' },
      { term: '𠀀一', position: [0, 3], kind: 'bigram' },
      { term: '一', position: [2, 1], kind: 'char' },
    ])
  })

  test('punctuation, symbols and emoji give no tokens', () => {
    expect(tokenize('*:~^ 😀 <>“”（）')).toEqual([])
  })

  test('kana and hangul are CJK too', () => {
    expect(terms(tokenize('カナ'))).toEqual(['カ', 'カナ', 'ナ'])
  })
})

describe('tokenizeQuery', () => {
  test('leaves characters inside a longer CJK run to their bigrams', () => {
    expect(terms(tokenizeQuery('王小明'))).toEqual(['王小', '小明'])
  })

  test('keeps a one-character query', () => {
    expect(terms(tokenizeQuery('明'))).toEqual(['明'])
  })

  test('keeps positions relative to the normalised query', () => {
    expect(tokenizeQuery('5G工厂')).toEqual([
      { term: '5g', position: [0, 2], kind: 'word' },
      { term: '工厂', position: [2, 2], kind: 'bigram' },
    ])
  })
})

test('the tokenizer has a version for the index to record', () => {
  expect(Number.isInteger(TOKENIZER_VERSION) && TOKENIZER_VERSION > 0).toBe(true)
})

describe('the build fast path gives what tokenize gives', () => {
  const fast = (input: string) => {
    const out: Array<[string, number]> = []
    forEachIndexToken(input, (term, start) => out.push([term, start]))
    return out
  }
  const fastByCodes = (input: string) => {
    const out: Array<[string, number]> = []
    forEachIndexToken(
      input,
      (term, start) => out.push([term, start]),
      (first, second, start) => out.push([String.fromCharCode(first) + (second === -1 ? '' : String.fromCharCode(second)), start]),
    )
    return out
  }
  const slow = (input: string) => tokenize(input).map((t): [string, number] => [t.term, t.position[0]])
  // Characters chosen for the edges: CJK and astral CJK, combining marks (BMP and astral),
  // full-width forms, lone surrogates, every kind of whitespace, letters, digits, symbols.
  const piece = fc.constantFrom(
    '王', '小', '明', '，', '。', '𠀋', 'e', 'Ａ', 'ß', 'İ', '١', '\u0301', '\u{1D165}', '\ud800', '\udc00', ' ', '\n', '\n\n', '\t', '\u3000', '\u00a0', '\u2028',
    'ﬁ', '㍿', '-', '😀', 'a', 'Z', '9', 'ｶ', 'ﾞ', '가', 'ㄅ',
  )
  test('on generated text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 40 }), (parts) => {
        const input = parts.join('')
        expect(normalizeTextFast(input)).toBe(normalizeText(input))
        expect(fast(input)).toEqual(slow(input))
        expect(fastByCodes(input)).toEqual(slow(input))
      }),
      { numRuns: 2000, seed: 7 },
    )
  }, 60_000)
})
