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

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: '300,1000' },
    runs: { type: 'string', default: '3' },
    save: { type: 'boolean', default: false },
    // Search section (searchBench below): --search runs only it, over --search-issues (~12.4 stories each).
    search: { type: 'boolean', default: false },
    'search-issues': { type: 'string', default: '8050' },
    'search-site': { type: 'string' },
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
  await searchBench()
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

// ---------------------------------------------------------------------------------------------
// Search section: npm run bench -- --search [--search-issues N] [--search-site BUILT_DIR]
// Builds a synthetic archive (8,050 issues ≈ 100,000 stories) unless --search-site names an
// already built output folder, then measures in Chromium, served over HTTP: index bytes on
// disk, bytes of the script files the search page loads for a cold first query (a person's
// name; a common topic word) and for a second query typed into the same page, and the cold time
// from navigation to the first result on screen.
// ---------------------------------------------------------------------------------------------

async function searchBench(): Promise<void> {
  const { createServer } = await import('node:http')
  const { readFileSync, existsSync } = await import('node:fs')
  const vm = await import('node:vm')
  const { chromium } = await import('playwright-core')

  let site = values['search-site']
  let stories = 0
  let buildSeconds = 0
  if (!site) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'synth-search-'))
    execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/synth.ts'), '--issues', values['search-issues'], '--out', dir], { cwd: ROOT })
    stories = countStories(path.join(dir, 'expected.json'))
    site = path.join(dir, 'public')
    const run = buildOnce(path.join(dir, 'content'), site)
    buildSeconds = run.seconds
  }
  const searchDir = path.join(site, 'search')
  /** What a search/*.js file registers (the files are `self.__archiveSearch.add(name, data)` scripts). */
  const registered = (file: string): unknown => {
    const sandbox: Record<string, unknown> = {}
    sandbox.self = sandbox
    vm.runInNewContext(readFileSync(path.join(searchDir, file), 'utf8'), sandbox)
    return (sandbox.__archiveSearch as { q: Array<[string, unknown]> }).q[0]![1]
  }
  const entry = registered('entry.js') as { docCount: number; shards: unknown[]; facets: Record<string, string> }
  if (!stories) stories = entry.docCount
  const byCount = (facet: Record<string, number[]>) => Object.entries(facet).sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
  const people = byCount(registered(entry.facets.person!) as Record<string, number[]>)
  const topics = byCount(registered(entry.facets.topic!) as Record<string, number[]>)
  const person = people[0]![0]
  const secondPerson = people[Math.min(5, people.length - 1)]![0]
  const topicWord = topics[0]![0]

  // A static server that counts the bytes of every file it sends.
  let sent: Array<{ url: string; bytes: number }> = []
  const server = createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const file = path.join(site!, url)
    if (!file.startsWith(site!) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end()
      return
    }
    const body = readFileSync(file)
    sent.push({ url, bytes: body.length })
    const type = url.endsWith('.html') ? 'text/html; charset=utf-8' : url.endsWith('.js') ? 'text/javascript; charset=utf-8' : url.endsWith('.css') ? 'text/css' : 'application/octet-stream'
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  const scriptBytes = () => sent.filter((s) => s.url.endsWith('.js')).reduce((n, s) => n + s.bytes, 0)
  /** kB per kind of script: the client bundle, entry.js, term shards, result cards, facets. */
  const breakdown = () => {
    const kinds: Record<string, number> = {}
    for (const { url, bytes } of sent) {
      if (!url.endsWith('.js')) continue
      const kind = url.includes('/search/terms/') ? 'terms' : url.includes('/search/docs/') ? 'cards' : url.includes('/search/facets/') ? 'facets' : url.endsWith('/search/entry.js') ? 'entry' : 'client'
      kinds[kind] = (kinds[kind] ?? 0) + bytes
    }
    return Object.entries(kinds)
      .map(([kind, bytes]) => `${kind} ${(bytes / 1000).toFixed(0)}`)
      .join(', ')
  }

  interface SearchRow {
    query: string
    kind: string
    results: string
    parts: string
    secondParts?: string
    scriptKB: number
    filesLoaded: number
    firstResultMs: number
    secondQuery?: string
    secondKB?: number
    secondMs?: number
  }
  const rows: SearchRow[] = []
  for (const [kind, query, second] of [
    ['person name', person, secondPerson],
    ['topic word', topicWord, person],
  ] as const) {
    const context = await browser.newContext()
    const page = await context.newPage()
    sent = []
    const started = performance.now()
    await page.goto(`http://127.0.0.1:${port}/search.html?q=${encodeURIComponent(query)}`)
    await page.waitForSelector('#results > li', { timeout: 120_000 })
    const firstResultMs = performance.now() - started
    const status = (await page.textContent('#search-status')) ?? ''
    const firstKB = scriptBytes() / 1000
    const filesLoaded = sent.filter((s) => s.url.endsWith('.js')).length
    const parts = breakdown()
    sent = []
    const before = await page.textContent('#search-status')
    const secondStarted = performance.now()
    await page.fill('input[type="search"][name="q"]', second)
    await page.press('input[type="search"][name="q"]', 'Enter')
    await page.waitForFunction(
      ([old]) => {
        const now = document.getElementById('search-status')?.textContent
        return now !== old && document.querySelector('#results > li') !== null && document.getElementById('results')?.getAttribute('aria-busy') !== 'true'
      },
      [before],
      { timeout: 120_000 },
    )
    rows.push({
      query,
      kind,
      results: status.trim(),
      parts,
      secondParts: breakdown(),
      scriptKB: firstKB,
      filesLoaded,
      firstResultMs,
      secondQuery: second,
      secondKB: scriptBytes() / 1000,
      secondMs: performance.now() - secondStarted,
    })
    await context.close()
  }
  await browser.close()
  server.close()

  const searchBytes = folderBytes(searchDir)
  const termBytes = folderBytes(path.join(searchDir, 'terms'))
  const table = [
    `Search at ${stories.toLocaleString('en-US')} stories${buildSeconds ? ` (full build ${buildSeconds.toFixed(1)} s)` : ''}: index on disk ${(searchBytes / 1e6).toFixed(1)} MB (term shards ${(termBytes / 1e6).toFixed(1)} MB in ${entry.shards.length} files), entry.js ${(statSync(path.join(searchDir, 'entry.js')).size / 1000).toFixed(1)} kB.`,
    `Chromium (${os.cpus().length} cores), served over HTTP from localhost, cold = a fresh browser context; bytes are the script files the page loads (client bundle, entry, shards, cards).`,
    '',
    '| first query | kind | status | scripts loaded (kB) | of which (kB) | files | cold to first result (ms) | second query | its scripts (kB) | of which (kB) | its time (ms) |',
    '|---|---|---|---:|---|---:|---:|---|---:|---|---:|',
    ...rows.map(
      (r) =>
        `| ${r.query} | ${r.kind} | ${r.results} | ${r.scriptKB.toFixed(0)} | ${r.parts} | ${r.filesLoaded} | ${r.firstResultMs.toFixed(0)} | ${r.secondQuery} | ${r.secondKB!.toFixed(0)} | ${r.secondParts} | ${r.secondMs!.toFixed(0)} |`,
    ),
  ].join('\n')
  process.stdout.write(`${table}\n`)
}
