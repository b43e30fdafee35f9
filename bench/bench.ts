// npm run bench [-- --issues N,M,… --runs R --save]
// Times builds as a user runs them (a fresh `node` process each run, so start-up counts),
// reports the median of R runs, peak memory, output and search-index sizes, seconds per
// 1,000 stories at growing archive sizes (~12.5 stories an issue: 480 ≈ 6k, 1600 ≈ 20k,
// 4800 ≈ 60k), and the incremental rebuild after adding one issue to the largest archive.
// Full builds start from an empty cache each run (as a first build does); the incremental one
// runs with a warm cache and the previous output in place, as an editor's daily build runs,
// and so does a rebuild with nothing changed, the floor of every rebuild. --save writes bench/results.md.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { compile } from '../bin/compile.mjs'
import { searchBench } from './search-bench.js'
import { folderBytes } from './folder-bytes.js'
import { speedCheck } from './speed-check.js'
import { checkTargets, targetTable, type RowKind } from './targets.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: '480,1600' },
    runs: { type: 'string', default: '3' },
    save: { type: 'boolean', default: false },
    // Search section (bench/search-bench.ts): --search runs only it, over --search-issues (~12.4 stories each; 8050 ≈ 100,000 stories).
    search: { type: 'boolean', default: false },
    'search-issues': { type: 'string', default: '800' },
    'search-site': { type: 'string' },
    'skip-pagefind': { type: 'boolean', default: false },
  },
})
const runs = Number(values.runs)
// Every archive, output and cache of this run goes under one folder, removed when the run ends.
const scratch = mkdtempSync(path.join(os.tmpdir(), 'archive-bench-'))
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }))
const temp = (prefix: string): string => mkdtempSync(path.join(scratch, prefix))
const sizes = values.issues.split(',').map(Number)


interface Run {
  seconds: number
  peakMB: number
  /** CPU seconds of all the build's threads: user (the code's own work) and system (the kernel's, mostly creating files). */
  userSeconds: number
  systemSeconds: number
  /** CPU seconds of the main thread alone (user and system; NaN where unknown): what a rebuild waits on. */
  mainSeconds: number
}

const RSS_REPORTER = path.join(ROOT, 'bench', 'report-rss.mjs')

/**
 * `npm run build` as Node arguments (package.json's script: `node FLAGS bin/build.mjs`), so the
 * bench times the build readers run: its flags, then its script.
 */
function buildCommand(): { flags: string[]; script: string } {
  const script = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { build: string } }).scripts.build
  const words = script.split(/\s+/u)
  if (words[0] !== 'node' || words.length < 2 || !words.at(-1)!.endsWith('.mjs')) throw new Error(`Unexpected build script "${script}", expected node FLAGS bin/build.mjs`)
  return { flags: words.slice(1, -1), script: path.join(ROOT, words.at(-1)!) }
}

/** One build in a fresh process; its peak RSS as the process itself reports it at exit. */
function buildOnce(content: string, out: string, cache: string | null, extra: readonly string[] = []): Run {
  const started = performance.now()
  const { flags, script } = buildCommand()
  const args = [...flags, '--import', RSS_REPORTER, script, '--content', content, '--out', out, ...extra]
  const r = spawnSync(process.execPath, [...args, ...(cache ? ['--cache', cache] : ['--no-cache'])], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 })
  const seconds = (performance.now() - started) / 1000
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr.slice(-2000)}`)
  const usage = /\[rss\] (\d+) (\d+) (\d+) (-?[\d.]+)/u.exec(r.stderr)
  const field = (i: number, scale: number): number => (usage && Number(usage[i]) >= 0 ? Number(usage[i]) / scale : Number.NaN)
  return { seconds, peakMB: field(1, 1024), userSeconds: field(2, 1e6), systemSeconds: field(3, 1e6), mainSeconds: field(4, 1e6) }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

interface Row {
  label: string
  kind: RowKind
  stories: number
  seconds: number
  perThousand: number
  /** Medians of the runs' CPU seconds (Run): system time moves with the disk's mood here, user time with the code. */
  userSeconds: number
  systemSeconds: number
  mainSeconds: number
  peakMB: number
  outputMB: number
  searchMB: number
}

/** A table row from timed runs: their median, their peak memory, and the sizes of the output they left. */
function row(label: string, kind: RowKind, stories: number, timed: readonly Run[], out: string): Row {
  const seconds = median(timed.map((r) => r.seconds))
  return {
    label,
    kind,
    stories,
    seconds,
    perThousand: stories ? (seconds / stories) * 1000 : 0,
    userSeconds: median(timed.map((r) => r.userSeconds)),
    systemSeconds: median(timed.map((r) => r.systemSeconds)),
    mainSeconds: median(timed.map((r) => r.mainSeconds)),
    peakMB: Math.max(0, ...timed.map((r) => r.peakMB)),
    outputMB: folderBytes(out) / 1e6,
    searchMB: folderBytes(path.join(out, 'search')) / 1e6,
  }
}

/**
 * Full builds, each into a folder of its own with a cache of its own (as a first build runs),
 * and nothing removed until the bench ends. Each run used to build over the last run's site,
 * which the build then removed (180,000 files at 60,000 stories), right before the next run:
 * ext4 without a journal (this machine's disk) skips inodes freed in the last 60 s (300 s
 * while their table block is unwritten) when it makes files, block by block, so the next
 * run's 180,000 new files paid for the bench's own deletions (tens of seconds of system time
 * in `recently_deleted`, bench/results.md). A user's first build follows no such deletion.
 * The folders take ~1.6 GB a run at 60,000 stories.
 */
function measure(label: string, kind: RowKind, content: string, stories: number): Row {
  let out = ''
  const timed = Array.from({ length: runs }, () => {
    out = path.join(temp('bench-'), 'public')
    return buildOnce(content, out, temp('bench-cache-'))
  })
  return row(label, kind, stories, timed, out)
}

function countStories(expectedFile: string): number {
  const key = JSON.parse(execFileSync('cat', [expectedFile], { encoding: 'utf8', maxBuffer: 1 << 30 })) as { pages: { stories: unknown[] }[] }
  return key.pages.reduce((n, p) => n + p.stories.length, 0)
}

// Compile the tool now (as a first `npm run build` would), so no timed build includes it.
await compile()

if (values.search) {
  await searchBench({ root: ROOT, issues: values['search-issues'], site: values['search-site'], pagefind: !values['skip-pagefind'] })
  process.exit(0)
}

/** The newest issue's folder (`content/YYYY/YYYY-MM-DD`). */
function newestIssue(content: string): string {
  const year = readdirSync(content).filter((name) => /^\d{4}$/u.test(name)).sort().at(-1)!
  const day = readdirSync(path.join(content, year)).sort().at(-1)!
  return path.join(content, year, day)
}

/**
 * An editor's daily build: the archive without its newest issue is built (warming the
 * cache and leaving the output in place); then, each run, the issue is added and the
 * rebuild timed, and it is taken away again (and rebuilt, untimed) for the next run.
 * Then, with the issue back, rebuilds with nothing changed, which leave the site as it is
 * (cache/build-record.ts), and the same with every stage run (--recheck): the part of every
 * rebuild that does not depend on what changed.
 */
function measureIncremental(label: string, unchangedLabel: string, content: string, stories: number): Row[] {
  const work = temp('bench-inc-')
  const cache = path.join(work, 'cache')
  const out = path.join(work, 'public')
  const issue = newestIssue(content)
  const aside = path.join(work, 'issue')
  renameSync(issue, aside)
  buildOnce(content, out, cache)
  const timed = Array.from({ length: runs }, () => {
    cpSync(aside, issue, { recursive: true })
    const r = buildOnce(content, out, cache)
    rmSync(issue, { recursive: true })
    buildOnce(content, out, cache)
    return r
  })
  renameSync(aside, issue)
  const added = row(label, 'added', stories, timed, out)
  buildOnce(content, out, cache)
  const unchanged = Array.from({ length: runs }, () => buildOnce(content, out, cache))
  const rechecked = Array.from({ length: runs }, () => buildOnce(content, out, cache, ['--recheck']))
  return [added, row(unchangedLabel, 'unchanged', stories, unchanged, out), row(`${unchangedLabel}, every stage run (--recheck)`, 'unchanged', stories, rechecked, out)]
}

const speedBefore = speedCheck()
const rows: Row[] = [measure('seeds (5 pages)', 'seeds', path.join(ROOT, 'content'), 13)]
let largest: { issues: number; content: string; stories: number } | null = null
for (const issues of sizes) {
  const dir = temp('synth-')
  execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/synth.ts'), '--issues', String(issues), '--out', dir], { cwd: ROOT })
  const stories = countStories(path.join(dir, 'expected.json'))
  rows.push(measure(`synthetic, ${issues} issues`, 'full', path.join(dir, 'content'), stories))
  largest = { issues, content: path.join(dir, 'content'), stories }
}
if (largest) {
  const archive = `the ${largest.issues}-issue archive (cached)`
  rows.push(...measureIncremental(`one issue added to ${archive}`, `${archive} rebuilt with nothing changed`, largest.content, largest.stories))
}

const speedAfter = speedCheck()
const table = [
  `Machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; median of ${runs} runs, each a fresh process (start-up included).`,
  `Speed check (bench/speed-check.ts, fixed work that uses none of the archive's code; compare tables only when these are alike): ${speedBefore.toFixed(0)} ms before the builds, ${speedAfter.toFixed(0)} ms after.`,
  '',
  '| build | stories | seconds | s / 1,000 stories | CPU user / system (s) | main thread CPU (s) | peak RSS (MB) | output (MB) | search index (MB) |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.label} | ${r.stories} | ${r.seconds.toFixed(2)} | ${r.perThousand.toFixed(2)} | ${r.userSeconds.toFixed(1)} / ${r.systemSeconds.toFixed(1)} | ${Number.isNaN(r.mainSeconds) ? '–' : r.mainSeconds.toFixed(1)} | ${r.peakMB.toFixed(0)} | ${r.outputMB.toFixed(1)} | ${r.searchMB.toFixed(1)} |`,
  ),
  '',
  targetTable(checkTargets(rows)),
].join('\n')
process.stdout.write(`${table}\n`)
if (values.save) writeFileSync(path.join(ROOT, 'bench', 'results.md'), `# Benchmark results\n\n${table}\n`)
