// The scale issue's targets (#8), checked against a bench's rows: each printed with the figure
// it was judged by, so a table says by itself which goals the code meets on this machine.

/** What a bench row measured. */
export type RowKind = 'seeds' | 'full' | 'added' | 'unchanged'

export interface TargetRow {
  kind: RowKind
  stories: number
  /** Median seconds of its runs. */
  seconds: number
  /** Peak RSS over its runs (MB). */
  peakMB: number
}

export interface TargetCheck {
  target: string
  /** The figure it was judged by, or why it was not measured. */
  figure: string
  /** null: not measured by this bench (too small an archive). */
  met: boolean | null
}

/** The targets are stated for a decade's archive, ~60,000 stories: a full build of at least this many is judged by them. */
export const DECADE_STORIES = 55_000
const SEEDS_SECONDS = 2
const DECADE_SECONDS = 60
const DECADE_PEAK_MB = 2048
const ADDED_SECONDS = 3

const seconds = (value: number): string => `${value.toFixed(2)} s`

/** A target judged by `measured` ({ figure, met }), or left unjudged for `why` when the bench did not measure it. */
const judged = (target: string, measured: { figure: string; met: boolean } | null, why: string): TargetCheck => (measured ? { target, ...measured } : { target, figure: why, met: null })

export function checkTargets(rows: readonly TargetRow[]): TargetCheck[] {
  const seeds = rows.find((row) => row.kind === 'seeds')
  const largest = rows.filter((row) => row.kind === 'full').sort((a, b) => b.stories - a.stories)[0]
  const decade = largest && largest.stories >= DECADE_STORIES ? largest : undefined
  const unmeasured = `not measured: the largest archive built holds ${(largest?.stories ?? 0).toLocaleString('en')} stories (run with --issues …,4800)`
  // The incremental rows are made on the largest archive: they count only when it is a decade's.
  const decadeRows = decade ? rows.filter((row) => row.stories === decade.stories) : []
  const added = decadeRows.find((row) => row.kind === 'added')
  const peak = Math.max(0, ...decadeRows.map((row) => row.peakMB))
  return [
    judged(`the seeds build in ≤ ${SEEDS_SECONDS} s, start-up included`, seeds ? { figure: seconds(seeds.seconds), met: seeds.seconds <= SEEDS_SECONDS } : null, 'not measured'),
    judged(
      `a ~60,000-story archive built in ≤ ${DECADE_SECONDS} s`,
      decade ? { figure: `${seconds(decade.seconds)} (${decade.stories.toLocaleString('en')} stories)`, met: decade.seconds <= DECADE_SECONDS } : null,
      unmeasured,
    ),
    judged(`its peak RSS ≤ ${DECADE_PEAK_MB / 1024} GB (full and incremental builds)`, decade ? { figure: `${peak.toFixed(0)} MB`, met: peak <= DECADE_PEAK_MB } : null, unmeasured),
    judged(`one issue added to it rebuilt in ≤ ${ADDED_SECONDS} s`, added ? { figure: seconds(added.seconds), met: added.seconds <= ADDED_SECONDS } : null, unmeasured),
  ]
}

/** The checks as a markdown table. */
export function targetTable(checks: readonly TargetCheck[]): string {
  const verdict = (met: boolean | null): string => (met === null ? '–' : met ? 'met' : '**not met**')
  return ['| target (issue #8) | measured | |', '|---|---:|---|', ...checks.map((check) => `| ${check.target} | ${check.figure} | ${verdict(check.met)} |`)].join('\n')
}
