import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/** Every file under a folder, relative path → bytes, in sorted order. */
export function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else out.set(path.relative(dir, p), readFileSync(p))
    }
  }
  walk(dir)
  return out
}
