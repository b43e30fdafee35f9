import { createHash } from 'node:crypto'

/** A short, stable name for some content: same input, same key, on every machine. */
export function contentKey(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part).update('\0')
  return hash.digest('base64url').slice(0, 32)
}
