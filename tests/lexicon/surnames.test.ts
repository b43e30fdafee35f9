import { expect, test } from 'vitest'
import { COMMON_SURNAMES, COMPOUND_SURNAMES, SURNAMES, surnameScore } from '../../src/lexicon/surnames.js'

test('a compound or common surname scores 2, a known rare one 1, anything else 0', () => {
  expect(surnameScore('欧阳明华')).toBe(2)
  expect(surnameScore('司马光')).toBe(2)
  expect(surnameScore('王建平')).toBe(2)
  const rare = [...SURNAMES].find((s) => s.length === 1 && !COMMON_SURNAMES.has(s) && ![...COMPOUND_SURNAMES].some((c) => c.startsWith(s)))!
  expect(surnameScore(`${rare}明`)).toBe(1)
  expect(surnameScore('的确')).toBe(0)
  expect(surnameScore('A3')).toBe(0)
  // a character outside the BMP is no surname the lists know
  expect(surnameScore('𠀀王')).toBe(0)
})

test('the first character decides unless the first two are a compound surname', () => {
  // 欧 alone is a common surname too; 欧洲 is not 欧阳
  expect(surnameScore('欧洲')).toBe(surnameScore('欧'))
  expect(surnameScore('司')).toBe(SURNAMES.has('司') ? (COMMON_SURNAMES.has('司') ? 2 : 1) : 0)
})
