import { countStories } from '../pipeline.js'
import type { SiteModel } from '../types.js'

/**
 * The build's findings as JSON (`--report json`): every diagnostic of the build report
 * (errors, warnings and notes on low-confidence decisions, each with file, line and rule)
 * and the counts, for editors' tools and CI.
 */
export function jsonReport(model: SiteModel, failedPages: number): string {
  const count = (severity: string): number => model.diagnostics.filter((d) => d.severity === severity).length
  const stories = countStories(model)
  return `${JSON.stringify(
    {
      issues: model.issues.length,
      stories,
      failedPages,
      errors: count('error'),
      warnings: count('warning'),
      notes: count('info'),
      diagnostics: model.diagnostics,
    },
    null,
    2,
  )}\n`
}
