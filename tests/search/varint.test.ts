import fc from 'fast-check'
import { expect, test } from 'vitest'
import { packAscending, packInts, unpackAscending, unpackInts, VARINT_BASE } from '../../src/search/varint.js'

test('numbers round-trip, and small ones take one character, two below 2,116', () => {
  fc.assert(
    fc.property(fc.array(fc.nat({ max: 2 ** 40 })), (values) => {
      expect(unpackInts(packInts(values))).toEqual(values)
    }),
    { numRuns: 300, seed: 99 },
  )
  expect(packInts([0, VARINT_BASE - 1])).toHaveLength(2)
  expect(packInts([VARINT_BASE, VARINT_BASE ** 2 - 1])).toHaveLength(4)
  expect(packInts([VARINT_BASE ** 2])).toHaveLength(3)
})

test('ascending lists round-trip as gaps', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.nat({ max: 10 ** 6 })), (values) => {
      const sorted = [...values].sort((a, b) => a - b)
      expect(unpackAscending(packAscending(sorted))).toEqual(sorted)
    }),
    { numRuns: 200, seed: 7 },
  )
})

test('packed text needs no escaping in JSON or a script', () => {
  const packed = packInts(Array.from({ length: 5000 }, (_, i) => i * 37))
  expect(JSON.stringify(packed)).toBe(`"${packed}"`)
  expect(packed).not.toMatch(/[<\\"\u0000-\u001f\u007f-\uffff]/)
})

test('a negative or fractional number is refused', () => {
  expect(() => packInts([-1])).toThrow()
  expect(() => packInts([1.5])).toThrow()
})
