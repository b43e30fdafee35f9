// Keeps the term index's postings (term-index.ts Postings) between builds. Collecting them
// decodes every token of the archive, most of the index's work; but the stories of an
// archive keep their doc numbers when an issue is added after the newest (search-docs.ts
// numbers them oldest first), so a build whose stories begin with the last build's, word for
// word, appends the new ones' postings to the kept table (appendPostings) instead. The file
// is stamped with what the table was made from — the code, the indexed words and each
// story's DocTerms key in doc order — and is used only when all of that still holds; any
// other build collects afresh and replaces it. The table is the same either way, so the
// files written are too (tests/search/postings-store.test.ts).
//
// Layout: a 4-byte length, that many bytes of JSON (the stamp, the terms, the arrays'
// types and lengths), then the arrays' bytes one after another, each at a multiple of 4.

import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, writeSync } from 'node:fs'
import path from 'node:path'
import type { Postings } from './term-index.js'

export interface PostingsStamp {
  /** The code that made the table (cache/fingerprint.ts). */
  fingerprint: string
  /** The indexed words it was collected with (words.ts). */
  words: string[]
  /** Each story's DocTerms key (doc-terms.ts docTermsKey), in doc order. */
  docs: string[]
}

type ArrayName = 'termStart' | 'groupDocField' | 'groupTf' | 'starts' | 'fieldLength'
const ARRAYS: readonly ArrayName[] = ['termStart', 'groupDocField', 'groupTf', 'starts', 'fieldLength']
type Kind = 'Int32Array' | 'Uint16Array'

interface Header {
  version: number
  stamp: PostingsStamp
  terms: string[]
  firstDoc: number
  documentCount: number
  arrays: Array<{ name: ArrayName; kind: Kind; length: number }>
}

/** Bump when the layout above changes. */
const STORE_VERSION = 2

const kindOf = (array: Int32Array | Uint16Array): Kind => (array instanceof Uint16Array ? 'Uint16Array' : 'Int32Array')
const padded = (bytes: number): number => Math.ceil(bytes / 4) * 4

/** The file's bytes in an ArrayBuffer of their own (Node's small-file pool would share one and misalign the arrays). */
function readAligned(file: string): { bytes: Buffer; buffer: ArrayBuffer } {
  const fd = openSync(file, 'r')
  try {
    const size = fstatSync(fd).size
    const buffer = new ArrayBuffer(size)
    const bytes = Buffer.from(buffer)
    let read = 0
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read)
      if (n === 0) break
      read += n
    }
    return { bytes: bytes.subarray(0, read), buffer }
  } finally {
    closeSync(fd)
  }
}

/** Writes the table and its stamp, aside first and then renamed, so a reader never sees half a file. */
export function savePostings(file: string, postings: Postings, stamp: PostingsStamp): void {
  const header: Header = {
    version: STORE_VERSION,
    stamp,
    terms: postings.terms,
    firstDoc: postings.firstDoc,
    documentCount: postings.documentCount,
    arrays: ARRAYS.map((name) => ({ name, kind: kindOf(postings[name]), length: postings[name].length })),
  }
  const json = Buffer.from(JSON.stringify(header), 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32LE(json.length)
  mkdirSync(path.dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  const fd = openSync(temp, 'w')
  try {
    writeSync(fd, length)
    writeSync(fd, json)
    writeSync(fd, Buffer.alloc(padded(4 + json.length) - 4 - json.length))
    for (const name of ARRAYS) {
      const array = postings[name]
      writeSync(fd, Buffer.from(array.buffer, array.byteOffset, array.byteLength))
      writeSync(fd, Buffer.alloc(padded(array.byteLength) - array.byteLength))
    }
  } finally {
    closeSync(fd)
  }
  renameSync(temp, file)
}

/**
 * The kept table when it was made by this code with these words from the first stories of
 * `docs` (DocTerms keys in doc order, the first numbered `firstDoc`), with how many of them it
 * holds; null otherwise (no file, another build's, damaged).
 */
export function loadPostings(file: string, fingerprint: string, words: readonly string[], docs: readonly string[], firstDoc = 0): { postings: Postings; covered: number } | null {
  let bytes: Buffer
  let buffer: ArrayBuffer
  try {
    ;({ bytes, buffer } = readAligned(file))
  } catch {
    return null
  }
  try {
    const headerLength = bytes.readUInt32LE(0)
    const header = JSON.parse(bytes.toString('utf8', 4, 4 + headerLength)) as Header
    const { stamp } = header
    if (header.version !== STORE_VERSION || stamp.fingerprint !== fingerprint) return null
    if (stamp.words.length !== words.length || stamp.words.some((word, i) => word !== words[i])) return null
    if (stamp.docs.length > docs.length || stamp.docs.some((key, i) => key !== docs[i])) return null
    if (header.firstDoc !== firstDoc || header.documentCount !== firstDoc + stamp.docs.length) return null
    // Views on the file's bytes, not copies: every array starts at a multiple of 4 in a buffer of its own.
    let at = padded(4 + headerLength)
    const arrays = {} as Record<ArrayName, Int32Array | Uint16Array>
    for (const { name, kind, length } of header.arrays) {
      const Type = kind === 'Uint16Array' ? Uint16Array : Int32Array
      const byteLength = length * Type.BYTES_PER_ELEMENT
      if (at + byteLength > bytes.length) return null
      arrays[name] = new Type(buffer, at, length)
      at = padded(at + byteLength)
    }
    const { termStart, groupDocField, groupTf, starts, fieldLength } = arrays
    if (!(termStart instanceof Int32Array && groupDocField instanceof Int32Array && fieldLength instanceof Int32Array) || !groupTf || !starts) return null
    if (termStart.length !== header.terms.length + 1) return null
    const termIds = new Map<string, number>()
    header.terms.forEach((term, id) => termIds.set(term, id))
    return {
      postings: { terms: header.terms, termIds, termStart, groupDocField, groupTf, starts, fieldLength, firstDoc, documentCount: header.documentCount },
      covered: stamp.docs.length,
    }
  } catch {
    return null
  }
}
