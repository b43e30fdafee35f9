// The bench's verdict on the scale issue's targets (bench/targets.ts), from the rows it measured.
import { expect, test } from 'vitest'
import { checkTargets, targetTable, type TargetRow } from '../bench/targets.js'

const seeds: TargetRow = { kind: 'seeds', stories: 13, seconds: 1.52, peakMB: 145 }
const decadeRows = (full: number, added: number, peakMB: number): TargetRow[] => [
  { kind: 'full', stories: 5_927, seconds: 10.66, peakMB: 501 },
  { kind: 'full', stories: 59_914, seconds: full, peakMB },
  { kind: 'added', stories: 59_914, seconds: added, peakMB: 929 },
  { kind: 'unchanged', stories: 59_914, seconds: 8.22, peakMB: 718 },
]

test("judges each target by its row: the seeds, the decade's full build and its peak memory, the added issue", () => {
  const checks = checkTargets([seeds, ...decadeRows(72.23, 11.15, 1_782)])
  expect(checks.map((check) => check.met)).toEqual([true, false, true, false])
  expect(checks[1]!.figure).toBe('72.23 s (59,914 stories)')
  expect(checks[2]!.figure).toBe('1782 MB')
  expect(checks[3]!.figure).toBe('11.15 s')
  // At the bounds a target is met; just past them it is not.
  expect(checkTargets([{ ...seeds, seconds: 2 }, ...decadeRows(60, 3, 2_048)]).map((check) => check.met)).toEqual([true, true, true, true])
  expect(checkTargets([{ ...seeds, seconds: 2.01 }, ...decadeRows(60.01, 3.01, 2_049)]).map((check) => check.met)).toEqual([false, false, false, false])
})

test("the peak memory counted is the decade's archive's, its rebuilds' included, not a smaller archive's", () => {
  const rows = decadeRows(50, 2, 1_500)
  rows[0] = { ...rows[0]!, peakMB: 5_000 }
  rows[2] = { ...rows[2]!, peakMB: 2_100 }
  expect(checkTargets([seeds, ...rows])[2]).toMatchObject({ figure: '2100 MB', met: false })
})

test('an archive smaller than a decade leaves its targets unmeasured, saying why, rather than judging them', () => {
  const checks = checkTargets([seeds, { kind: 'full', stories: 20_151, seconds: 26.68, peakMB: 908 }, { kind: 'added', stories: 20_151, seconds: 2, peakMB: 500 }])
  expect(checks.map((check) => check.met)).toEqual([true, null, null, null])
  expect(checks[1]!.figure).toContain('20,151 stories')
  const table = targetTable(checks)
  expect(table.split('\n')).toHaveLength(2 + 4)
  expect(table).toContain('| met |')
  expect(table).not.toContain('not met')
})
