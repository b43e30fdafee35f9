// Diagnostics as plain data, so they can cross a thread boundary or be kept in the cache and
// be put back on their file later, as they were.

import type { VFile } from 'vfile'

/** A diagnostic as plain data, so it can cross a thread boundary. */
export interface PlainMessage {
  reason: string
  line: number
  column: number
  ruleId: string | undefined
  source: string | undefined
  /** true an error, false a warning, null a note (vfile's `info`) */
  fatal: boolean | null
}

/** A file's messages as plain data. */
export function plainMessages(file: VFile): PlainMessage[] {
  return file.messages.map((m) => ({
    reason: m.reason,
    line: m.line ?? 1,
    column: m.column ?? 1,
    ruleId: m.ruleId,
    source: m.source,
    fatal: m.fatal ?? null,
  }))
}

/** Puts kept messages back on their file. */
export function replayMessages(file: VFile, messages: PlainMessage[]): void {
  for (const p of messages) {
    const options = { place: { line: p.line, column: p.column }, ...(p.ruleId ? { ruleId: p.ruleId } : {}), ...(p.source ? { source: p.source } : {}) }
    if (p.fatal === null) file.info(p.reason, options)
    else file.message(p.reason, options).fatal = p.fatal
  }
}
