import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'

/** Bytes of every file under a folder. */
export function folderBytes(dir: string): number {
  let total = 0
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name)
    const s = statSync(p)
    total += s.isDirectory() ? folderBytes(p) : s.size
  }
  return total
}
