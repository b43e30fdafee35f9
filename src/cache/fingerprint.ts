// The fingerprint of the code that turns content into a site: every source file and
// template. Cached results are only reused under the same fingerprint, so any change to
// the tool (an upgrade, a local edit) starts the cache afresh instead of serving results
// the new code would not produce.

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { globSync } from 'tinyglobby'
import { contentKey } from './hash.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

let memo: string | undefined

export function codeFingerprint(): string {
  if (memo !== undefined) return memo
  const files = globSync(['src/**/*', 'templates/**/*', 'package-lock.json'], { cwd: ROOT, onlyFiles: true }).sort()
  memo = contentKey(...files.flatMap((file) => [file, readFileSync(`${ROOT}${file}`, 'utf8')]))
  return memo
}
