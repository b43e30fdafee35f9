import type { VFile } from 'vfile'

/** An error on the page file's first line: the page cannot be built. */
export function pageError(file: VFile, reason: string, ruleId: string): null {
  file.message(reason, { place: { line: 1, column: 1 }, ruleId, source: 'ingest' }).fatal = true
  return null
}
