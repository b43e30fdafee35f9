// Cache files are written beside their place and renamed into it, so a reader (the next
// build, or one cut short) never sees half a file: a rename within a folder is atomic.

import { renameSync, writeFileSync } from 'node:fs'
import { rename, writeFile } from 'node:fs/promises'

/** Where `file` is written before it is renamed into place: this process's own name beside it. */
const asideOf = (file: string): string => `${file}.${process.pid}.tmp`

/** Writes `text` (or bytes) to `file` whole or not at all. The folder must exist. */
export async function writeAside(file: string, text: string | Uint8Array): Promise<void> {
  const temp = asideOf(file)
  await writeFile(temp, text)
  await rename(temp, file)
}

/** writeAside for a thread that may block (the term index's worker). */
export function writeAsideSync(file: string, text: string | Uint8Array): void {
  const temp = asideOf(file)
  writeFileSync(temp, text)
  renameSync(temp, file)
}
