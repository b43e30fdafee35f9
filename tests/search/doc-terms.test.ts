// A story's index terms (search/doc-terms.ts), made the fast way, against their definition made
// from the reference tokenizer (tokenize: a Token object per term).
import { expect, test } from 'vitest'
import { docTerms, type DocTerms } from '../../src/search/doc-terms.js'
import { tokenize } from '../../src/search/tokenizer.js'
import { VarintWriter } from '../../src/search/varint.js'

/** DocTerms as its comment defines them: terms in order of first occurrence; per field its token count, then per term its index, count and starts as gaps. */
function reference(texts: readonly string[]): DocTerms {
  const ids = new Map<string, number>()
  const terms: string[] = []
  const fields = texts.map((text) => {
    const tokens = tokenize(text)
    const byTerm = new Map<number, number[]>()
    for (const token of tokens) {
      let id = ids.get(token.term)
      if (id === undefined) {
        id = terms.length
        ids.set(token.term, id)
        terms.push(token.term)
      }
      const starts = byTerm.get(id)
      if (starts) starts.push(token.position[0])
      else byTerm.set(id, [token.position[0]])
    }
    const out = new VarintWriter()
    out.int(tokens.length)
    out.int(byTerm.size)
    for (const [id, starts] of byTerm) {
      out.int(id)
      out.int(starts.length)
      let previous = 0
      for (const start of starts) {
        out.int(start - previous)
        previous = start
      }
    }
    return out.take()
  })
  return { terms: terms.join(' '), fields }
}

/** A deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Han of the common block and beyond it (Ext-A, a compatibility ideograph, an astral one),
// kana, Latin (ASCII and full width), digits, a combining mark, punctuation, white space.
const PIECES = ['市', '委', '书', '记', '章', '旭', '升', '五', '金', '产', '业', '疫', '情', '㐀', '豈', '𠮷', 'の', 'カ', 'a', 'B', 'Ｃ', 'z', '7', '２', 'é', 'e\u0301', '，', '。', '（', '）', '“', '”', '-', '.', ' ', '\n', '\n\n', '\u3000', '\t']

test('docTerms gives what its definition gives from the reference tokenizer, for 2,000 random titles and bodies', () => {
  const next = random(8)
  const text = (length: number): string => Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)]).join('')
  let terms = 0
  for (let k = 0; k < 2_000; k++) {
    const texts = [text(Math.floor(next() * 12)), text(Math.floor(next() * 200))]
    const made = docTerms(texts)
    expect(made, JSON.stringify(texts)).toEqual(reference(texts))
    terms += made.terms === '' ? 0 : made.terms.split(' ').length
  }
  expect(terms).toBeGreaterThan(50_000)
})

test('docTerms of a story as printed, and of nothing', () => {
  const story = ['市委书记章旭升主持召开专题会议', '6月6日下午，市委书记章旭升主持召开专题会议，听取五金产业转型升级工作情况汇报。\n\n市领导胡勇春、陈美蓉参加会议。APP下载 2022']
  expect(docTerms(story)).toEqual(reference(story))
  expect(docTerms(['', ''])).toEqual(reference(['', '']))
})
