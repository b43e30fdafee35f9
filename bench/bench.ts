// npm run bench [-- --issues N --runs R --save]
// Times full builds as a user runs them (a fresh `node` process each run, so start-up
// counts), reports the median of R runs, peak memory, output and search-index sizes,
// and seconds per 1,000 stories at growing archive sizes. --save writes bench/results.md.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { searchBench } from './search-bench.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: '300,1000' },
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
const sizes = values.issues.split(',').map(Number)

function folderBytes(dir: string): number {
  let total = 0
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name)
    const s = statSync(p)
    total += s.isDirectory() ? folderBytes(p) : s.size
  }
  return total
}

interface Run {
  seconds: number
  peakMB: number
}

/** One build in a fresh process; peak RSS from GNU time when present, else from the child's resource usage. */
function buildOnce(content: string, out: string): Run {
  const started = performance.now()
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/build.ts'), '--content', content, '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  })
  const seconds = (performance.now() - started) / 1000
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr.slice(-2000)}`)
  // resourceUsage of children is cumulative; maxRSS of the last child is what we want
  const peakMB = process.resourceUsage().maxRSS / 1024
  return { seconds, peakMB }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

interface Row {
  label: string
  stories: number
  seconds: number
  perThousand: number
  peakMB: number
  outputMB: number
  searchMB: number
}

function measure(label: string, content: string, stories: number): Row {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'public')
  const times: number[] = []
  let peak = 0
  for (let i = 0; i < runs; i++) {
    const r = buildOnce(content, out)
    times.push(r.seconds)
    peak = Math.max(peak, r.peakMB)
  }
  const seconds = median(times)
  return {
    label,
    stories,
    seconds,
    perThousand: stories ? (seconds / stories) * 1000 : 0,
    peakMB: peak,
    outputMB: folderBytes(out) / 1e6,
    searchMB: folderBytes(path.join(out, 'search')) / 1e6,
  }
}

function countStories(expectedFile: string): number {
  const key = JSON.parse(execFileSync('cat', [expectedFile], { encoding: 'utf8', maxBuffer: 1 << 30 })) as { pages: { stories: unknown[] }[] }
  return key.pages.reduce((n, p) => n + p.stories.length, 0)
}

if (values.search) {
  await searchBench({ root: ROOT, issues: values['search-issues'], site: values['search-site'], pagefind: !values['skip-pagefind'] })
  process.exit(0)
}

const rows: Row[] = [measure('seeds (5 pages)', path.join(ROOT, 'content'), 13)]
for (const issues of sizes) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'synth-'))
  execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/synth.ts'), '--issues', String(issues), '--out', dir], { cwd: ROOT })
  rows.push(measure(`synthetic, ${issues} issues`, path.join(dir, 'content'), countStories(path.join(dir, 'expected.json'))))
}

const table = [
  `Machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; median of ${runs} runs, each a fresh process (start-up included).`,
  '',
  '| archive | stories | full build (s) | s / 1,000 stories | peak RSS (MB) | output (MB) | search index (MB) |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.label} | ${r.stories} | ${r.seconds.toFixed(2)} | ${r.perThousand.toFixed(2)} | ${r.peakMB.toFixed(0)} | ${r.outputMB.toFixed(1)} | ${r.searchMB.toFixed(1)} |`),
].join('\n')
process.stdout.write(`${table}\n`)
if (values.save) writeFileSync(path.join(ROOT, 'bench', 'results.md'), `# Benchmark results\n\n${table}\n\nNot measured yet: incremental rebuild after adding one issue, and the search figures (first-query bytes and time at 100,000 stories, Pagefind side by side).\n`)
