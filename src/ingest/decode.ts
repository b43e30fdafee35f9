import iconv from 'iconv-lite'
import type { VFile } from 'vfile'
import { pageError } from './page-error.js'

/** Bytes that never occur in text: a file with them is not a page. */
const BINARY_BYTES = /[\x00-\x08\x0e-\x1a\x1c-\x1f]/gu
const CONTROL_CHARS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/gu

/**
 * Turns a page file's bytes into text. UTF-8 is expected; a UTF-8 or UTF-16 byte-order
 * mark is honoured, and a file that is not valid UTF-8 is read as GB18030 (the
 * superset of GBK/GB2312 that Chinese PDF tools write) with a warning. Binary files
 * are refused. Stray control characters are removed with a warning.
 */
export function decodePage(bytes: Uint8Array, file: VFile): string | null {
  let text: string
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2))
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2))
  else {
    const sample = Buffer.from(bytes.subarray(0, 8192)).toString('latin1')
    const nul = sample.split('\u0000').length - 1
    if (nul > 0 || (sample.length > 0 && (sample.match(BINARY_BYTES)?.length ?? 0) / sample.length > 0.1)) {
      return pageError(file, 'Cannot read page: the file is binary, not text; export the page as plain text (UTF-8)', 'binary')
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      text = iconv.decode(Buffer.from(bytes), 'gb18030')
      if (text.includes('\ufffd')) return pageError(file, 'Cannot read page: the text is neither UTF-8 nor GB18030; save it as UTF-8', 'encoding')
      file.message('Unexpected GBK/GB18030 encoding, read it as such; save the file as UTF-8 to silence this', {
        place: { line: 1, column: 1 },
        ruleId: 'encoding-gb18030',
        source: 'ingest',
      })
    }
  }
  text = text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n')
  const at = text.search(CONTROL_CHARS) // the first one, for the message (search ignores lastIndex)
  if (at !== -1) {
    const before = text.slice(0, at)
    const line = before.split('\n').length
    const column = at - before.lastIndexOf('\n')
    file.message(`Unexpected control character U+${text.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')}, removed it (and any others)`, {
      place: { line, column },
      ruleId: 'control-character',
      source: 'ingest',
    })
    text = text.replace(CONTROL_CHARS, '')
  }
  return text
}
