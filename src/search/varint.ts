// Lists of non-negative integers packed into plain ASCII strings, for the search files. JSON
// spends a digit per decimal place plus a comma on every number; here a number below 32 is
// one character, below 1,024 two, below 32,768 three (five bits per character, the sixth
// says "more follows"). The alphabet is base64url's: no quote, backslash or `<`, so a packed
// string needs no escaping inside JSON or a script. Shared by the build and the page.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const CODE = ALPHABET.split('').map((char) => char.charCodeAt(0))
const VALUE = new Int8Array(0x10000).fill(-1)
CODE.forEach((code, value) => (VALUE[code] = value))

/** Character code of each digit (0–63), for writers that build bytes themselves. */
export const VARINT_CODES: readonly number[] = CODE
/** Digit of each UTF-16 code unit, -1 outside the alphabet, for readers that decode inline. */
export const VARINT_VALUES: Int8Array = VALUE

/** Appends packed numbers to an array of character codes (the build packs millions; no string per number). */
export class VarintWriter {
  codes: number[] = []
  int(value: number): void {
    if (!Number.isInteger(value) || value < 0) throw new Error(`varint: ${value} is not a non-negative integer`)
    let rest = value
    while (rest >= 32) {
      this.codes.push(CODE[32 + (rest % 32)]!)
      rest = Math.floor(rest / 32)
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
      value += (digit % 32) * scale
      if (digit < 32) return value
      scale *= 32
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
