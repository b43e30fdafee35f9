import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures')

interface Counts {
  tp: number
  fp: number
  fn: number
}

export interface ScoreTotals {
  people: Counts
  topics: Counts
  roles: { correct: number; total: number }
  orgs: { found: number; total: number }
  expected: number
  found: number
  spurious: number
  exact: number
  leaks: number
  headline: number
  date: number
  byline: number
}

export interface ScoreReport {
  totals: ScoreTotals
  pages: { date: string; page: number; stories: { index: number; exact?: boolean; reasons?: string[]; lead: string }[] }[]
}

/** Runs the outside scorer on a built site; returns its printed table and its JSON report. */
export function score(gold: string, site: string, pages: string): { table: string; report: ScoreReport } {
  const json = path.join(mkdtempSync(path.join(tmpdir(), 'score-')), 'report.json')
  const table = execFileSync(process.execPath, [path.join(FIXTURES, 'score-segmentation.mjs'), '--gold', gold, '--api', site, '--pages', pages, '--json', json], {
    encoding: 'utf8',
  })
  return { table, report: JSON.parse(readFileSync(json, 'utf8')) as ScoreReport }
}

/** Lays the pages of a gold key out as a content folder, as the outside checks do. */
export function makeContent(gold: string, pages: string): string {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'content-')), 'content')
  execFileSync(process.execPath, [path.join(FIXTURES, 'make-content.mjs'), '--gold', gold, '--pages', pages, '--out', out], { encoding: 'utf8' })
  return out
}
