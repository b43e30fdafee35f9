// The stamp of the sources a compiled folder is made from (bin/compile.mjs writes it into
// dist/.source-hash). Apart from the compiler so that the cache's code fingerprint
// (src/cache/fingerprint.ts), which is made from it, does not load esbuild.

import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { globSync } from 'tinyglobby'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const SOURCE = path.join(ROOT, 'src')

/** Every file below `source`, as relative paths in a stable order. */
export const sourceFiles = (source) => globSync(['**/*'], { cwd: source, onlyFiles: true }).sort()

/**
 * The hash of everything a compiled folder is made from: every source file (path and bytes),
 * the compiler, and the installed packages (esbuild compiles; lunr is bundled into the
 * search script).
 */
export function sourceHash(source, files) {
  const hash = createHash('sha256')
  hash.update(readFileSync(path.join(ROOT, 'bin', 'compile.mjs')))
  hash.update(readFileSync(path.join(ROOT, 'package-lock.json')))
  for (const file of files) hash.update(`\0${file}\0`).update(readFileSync(path.join(source, file)))
  return hash.digest('hex')
}

/**
 * What a compiled folder made from `source` now would be stamped with (its `.source-hash`):
 * the cache's code fingerprint is made from it, from source and compiled alike, so both ways
 * of running share one cache.
 */
export function sourceStamp(source = SOURCE) {
  return sourceHash(source, sourceFiles(source))
}
