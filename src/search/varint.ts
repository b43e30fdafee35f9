// Lists of non-negative integers packed into plain ASCII strings, for the search files. JSON
// spends a digit per decimal place plus a comma on every number; here each character is a
// digit in base 46, least significant first, and the 46 characters after the first 46 mark
// "more digits follow": a number below 46 is one character, below 2,116 two, below 97,336
// three (lunr weights in thousandths, 1,000–2,000 for most postings, take two). The 92
// characters are printable ASCII without the quote, the backslash and `<`, so a packed
// string needs no escaping inside JSON or a script. Shared by the build and the page.

/** Values per digit. */
export const VARINT_BASE = 46
const ALPHABET = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i))
  .filter((char) => char !== '"' && char !== '\\' && char !== '<')
  .join('')
if (ALPHABET.length !== 2 * VARINT_BASE) throw new Error('varint: the alphabet must hold two sets of digits')
const CODE = ALPHABET.split('').map((char) => char.charCodeAt(0))
const VALUE = new Int8Array(0x10000).fill(-1)
CODE.forEach((code, value) => (VALUE[code] = value))

/** Character code of each digit (0–91), for writers that build bytes themselves. */
export const VARINT_CODES: readonly number[] = CODE
/** Digit (0–91: below VARINT_BASE the last of a number) of each UTF-16 code unit, -1 outside the alphabet, for readers that decode inline. */
export const VARINT_VALUES: Int8Array = VALUE

/** Appends packed numbers to an array of character codes (the build packs millions; no string per number). */
export class VarintWriter {
  codes: number[] = []
  int(value: number): void {
    if (!Number.isInteger(value) || value < 0) throw new Error(`varint: ${value} is not a non-negative integer`)
    let rest = value
    while (rest >= VARINT_BASE) {
      this.codes.push(CODE[VARINT_BASE + (rest % VARINT_BASE)]!)
      rest = Math.floor(rest / VARINT_BASE)
    }
    this.codes.push(CODE[rest]!)
  }
  /** The packed text so far, and the writer emptied. */
  take(): string {
    let out = ''
    // In slices: String.fromCharCode takes its arguments on the stack.
    for (let i = 0; i < this.codes.length; i += 8192) out += String.fromCharCode(...this.codes.slice(i, i + 8192))
    this.codes = []
    return out
  }
}

export function packInts(values: Iterable<number>): string {
  const writer = new VarintWriter()
  for (const value of values) writer.int(value)
  return writer.take()
}

/** Reads packed numbers one by one. */
export class VarintReader {
  private at = 0
  constructor(private readonly text: string) {}
  get done(): boolean {
    return this.at >= this.text.length
  }
  int(): number {
    let value = 0
    let scale = 1
    for (;;) {
      if (this.at >= this.text.length) throw new Error('varint: packed text ends inside a number')
      const digit = VALUE[this.text.charCodeAt(this.at++)] ?? -1
      if (digit < 0) throw new Error('varint: character outside the alphabet')
      value += (digit % VARINT_BASE) * scale
      if (digit < VARINT_BASE) return value
      scale *= VARINT_BASE
    }
  }
}

export function unpackInts(text: string): number[] {
  const reader = new VarintReader(text)
  const out: number[] = []
  while (!reader.done) out.push(reader.int())
  return out
}

/** Ascending numbers as gaps (the first from 0), packed. */
export function packAscending(values: readonly number[]): string {
  const writer = new VarintWriter()
  let previous = 0
  for (const value of values) {
    writer.int(value - previous)
    previous = value
  }
  return writer.take()
}

export function unpackAscending(text: string): number[] {
  const reader = new VarintReader(text)
  const out: number[] = []
  let previous = 0
  while (!reader.done) out.push((previous += reader.int()))
  return out
}
