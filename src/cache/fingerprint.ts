// The fingerprint of the code that turns content into a site: every source file and
// template. Cached results are only reused under the same fingerprint, so any change to
// the tool (an upgrade, a local edit) starts the cache afresh instead of serving results
// the new code would not produce.

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { globSync } from 'tinyglobby'
import { sourceStamp } from '../../bin/source-stamp.mjs'
import { FROM_SOURCE } from '../from-source.js'
import { contentKey } from './hash.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

let memo: string | undefined

/**
 * The code's part is the stamp of the compiled folder (bin/source-stamp.mjs: every source file, the
 * lock file, the compiler). Run compiled (`npm run build`), that is the stamp dist/ carries,
 * which names exactly the code running and costs one small read instead of hashing ~6 MB of
 * sources each build; run from source, the same hash made afresh, so both share one cache.
 */
export function codeFingerprint(): string {
  if (memo !== undefined) return memo
  const code = FROM_SOURCE ? sourceStamp() : readFileSync(new URL('../.source-hash', import.meta.url), 'utf8')
  const templates = globSync(['templates/**/*'], { cwd: ROOT, onlyFiles: true }).sort()
  memo = contentKey(code, ...templates.flatMap((file) => [file, readFileSync(`${ROOT}${file}`, 'utf8')]))
  return memo
}
