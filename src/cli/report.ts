import type { VFile } from 'vfile'
import { severityOf } from '../pipeline.js'
import type { Diagnostic } from '../types.js'

/** What the console calls each severity. */
const SEVERITY_WORD: Record<Diagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'note' }

/**
 * `path:line:column: warning: reason`, sorted by file then line, one message a line.
 * Notes (low-confidence decisions, for the build report) are left out unless asked for.
 */
export function formatMessages(files: VFile[], withNotes = false): string[] {
  const rows: { path: string; line: number; column: number; text: string }[] = []
  for (const file of files) {
    for (const m of file.messages) {
      const severity = SEVERITY_WORD[severityOf(m.fatal)]
      if (severity === 'note' && !withNotes) continue
      const line = m.line ?? 1
      const column = m.column ?? 1
      rows.push({ path: file.path, line, column, text: `${file.path}:${line}:${column}: ${severity}: ${m.reason}` })
    }
  }
  rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column))
  return rows.map((r) => r.text)
}

export function countMessages(files: VFile[]): { errors: number; warnings: number; notes: number } {
  let errors = 0
  let warnings = 0
  let notes = 0
  for (const f of files) {
    for (const m of f.messages) {
      const severity = severityOf(m.fatal)
      if (severity === 'error') errors++
      else if (severity === 'warning') warnings++
      else notes++
    }
  }
  return { errors, warnings, notes }
}
