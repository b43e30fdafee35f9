// Cache files are written beside their place and renamed into it, so a reader (the next
// build, or one cut short) never sees half a file: a rename within a folder is atomic.

import { rename, writeFile } from 'node:fs/promises'

/** Writes `text` (or bytes) to `file` whole or not at all. The folder must exist. */
export async function writeAside(file: string, text: string | Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`
  await writeFile(temp, text)
  await rename(temp, file)
}
