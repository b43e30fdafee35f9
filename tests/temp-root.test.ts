import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'

test('temp folders of a test run go under the run folder that global setup removes', () => {
  expect(path.basename(tmpdir())).toMatch(/^archive-tests-/u)
})
