import type { BuildSummary } from '../types.js'

/**
 * The build's findings as JSON (`--report json`): every diagnostic of the build report
 * (errors, warnings and notes on low-confidence decisions, each with file, line and rule)
 * and the counts, for editors' tools and CI.
 */
export function jsonReport({ issues, stories, diagnostics }: BuildSummary, failedPages: number): string {
  const count = (severity: string): number => diagnostics.filter((d) => d.severity === severity).length
  return `${JSON.stringify(
    {
      issues,
      stories,
      failedPages,
      errors: count('error'),
      warnings: count('warning'),
      notes: count('info'),
      diagnostics,
    },
    null,
    2,
  )}\n`
}
