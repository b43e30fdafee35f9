// Search benchmark: npm run bench -- --search [--search-issues N] [--search-site BUILT_DIR] [--skip-pagefind]
//
// Builds a synthetic archive (default 800 issues ≈ 10,000 stories; `--search-issues 8050` ≈
// 100,000) unless --search-site names an already built output folder, runs Pagefind over the
// same built story pages, and measures both side by side in Chromium, served over HTTP:
//
// - index bytes on disk, and the time to build each index;
// - bytes the page loads for a cold first query (a person's name; a common topic word), the
//   search page itself included (ours carries the index's entry), and
//   for a second query typed into the same page; for ours also once the page is idle (the
//   counts beside the results load after the first screen);
// - cold time from navigation to the first result on screen (median of five runs), from
//   outside and by the page's own clock to the frame that shows it;
// - recall (and precision) on 20 person/topic names drawn deterministically from the
//   archive, against a substring scan of the story text (the JSON API).
//
// Bytes are file sizes as sent (no HTTP compression; Pagefind's own files are gzipped on disk,
// so for ours the gzip size is shown too). Both pages show 20 results on the first screen.

import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import vm from 'node:vm'
import { gunzipSync, gzipSync } from 'node:zlib'
import { chromium, type Browser, type Page } from 'playwright-core'
import { createSearchEngine } from '../src/search/engine.js'
import { SEARCH_ENTRY_FILE, cardFile, type DocCard, type SearchEntry } from '../src/search/format.js'
import { normalizeText } from '../src/search/tokenizer.js'
import { folderBytes } from './folder-bytes.js'

export interface SearchBenchOptions {
  root: string
  issues: string
  site?: string
  pagefind: boolean
}

const SHOWN = 20
const CHROMIUM = '/usr/bin/chromium'


interface ApiStory {
  url: string
  column: string | null
  headline: string[]
  title: string
  body: string[]
  people: Array<{ name: string }>
  topics: string[]
}

function readStories(site: string): ApiStory[] {
  const dir = path.join(site, 'api/issues')
  return readdirSync(dir)
    .sort()
    .flatMap((name) => (JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { pages: Array<{ stories: ApiStory[] }> }).pages.flatMap((p) => p.stories))
}

/** Names by how many stories carry them, most first (ties by code units), spread over the ranks: `count` of them. */
function spread(counts: Map<string, number>, count: number): string[] {
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name)
  if (ranked.length <= count) return ranked
  // Quantiles over the top half: names common enough to be searched for, rare ones included.
  const pool = ranked.slice(0, Math.max(count, Math.ceil(ranked.length / 2)))
  return Array.from({ length: count }, (_, i) => pool[Math.floor((i * pool.length) / count)]!)
}

function countNames(stories: readonly ApiStory[], names: (story: ApiStory) => string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const story of stories) for (const name of new Set(names(story))) counts.set(name, (counts.get(name) ?? 0) + 1)
  return counts
}

/** A static server over `site` that records every file it sends. */
async function serve(site: string) {
  // A file's gzip size is worked out when the bytes are reported, not while the page waits
  // for the file: compressing a 57 kB script synchronously held up every response behind it.
  const sent: Array<{ url: string; bytes: number; body: Buffer }> = []
  const server = createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const file = path.join(site, url)
    if (!file.startsWith(site) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end()
      return
    }
    const body = readFileSync(file)
    sent.push({ url, bytes: body.length, body })
    const type = url.endsWith('.html')
      ? 'text/html; charset=utf-8'
      : url.endsWith('.js')
        ? 'text/javascript; charset=utf-8'
        : url.endsWith('.css')
          ? 'text/css'
          : url.endsWith('.json')
            ? 'application/json'
            : url.endsWith('.wasm')
              ? 'application/wasm'
              : 'application/octet-stream'
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, sent, close: () => server.close() }
}

type Served = Awaited<ReturnType<typeof serve>>

/** Bytes of everything but the stylesheet: the search page (ours carries the index's entry) and the search's scripts and data. */
function searchBytes(sent: Served['sent'], from: number): { kB: number; gzipKB: number; files: number } {
  const files = sent.slice(from).filter((s) => !s.url.endsWith('.css'))
  const gzip = (s: Served['sent'][number]) => (s.url.includes('/pagefind/') ? s.bytes : gzipSync(s.body).length)
  return { kB: files.reduce((n, s) => n + s.bytes, 0) / 1000, gzipKB: files.reduce((n, s) => n + gzip(s), 0) / 1000, files: files.length }
}

async function idle(sent: Served['sent'], quietMs = 1000): Promise<void> {
  for (;;) {
    const before = sent.length
    await new Promise((resolve) => setTimeout(resolve, quietMs))
    if (sent.length === before) return
  }
}

// The Pagefind page: its documented API (pagefind.js, an ES module), the first 20 results'
// data loaded and listed as links, like our page's first screen.
const PAGEFIND_PAGE = `<!doctype html><meta charset="utf-8"><title>pagefind</title><ol id="results"></ol><script type="module" src="pf-bench.js"></script>\n`
const PAGEFIND_SCRIPT = `const pagefind = await import('./pagefind/pagefind.js')
await pagefind.init()
async function show(q) {
  const search = await pagefind.search(q)
  const data = await Promise.all(search.results.slice(0, ${SHOWN}).map((r) => r.data()))
  const list = document.getElementById('results')
  list.replaceChildren(...data.map((d) => { const li = document.createElement('li'); const a = document.createElement('a'); a.href = d.url; a.textContent = d.meta.title ?? d.url; li.append(a); return li }))
  list.dataset.count = String(search.results.length)
  list.dataset.query = q
}
window.benchShow = show
window.benchIds = async (q) => (await pagefind.search(q)).results.map((r) => r.id)
const q = new URLSearchParams(location.search).get('q')
if (q) await show(q)
`

// Marks, by the page's own clock (ms since navigation start), when the first result has been
// painted: the first frame after it was added (a task queued from that frame's
// requestAnimationFrame runs once the frame is drawn), and tells the bench with a console
// message. The bench listens for that message instead of polling the page: Playwright's
// waitForSelector and waitForFunction first inject its own script (tens of milliseconds of
// the page's main thread, in the middle of the load being measured), which a reader's
// browser never runs.
const FIRST_RESULT_MESSAGE = 'bench-first-result:'
const FIRST_RESULT_CLOCK = `new MutationObserver((_, observer) => {
  if (!document.querySelector('#results > li')) return
  observer.disconnect()
  requestAnimationFrame(() => setTimeout(() => console.debug('${FIRST_RESULT_MESSAGE}' + performance.now())))
}).observe(document, { childList: true, subtree: true })`

/** Resolves when the page reports its first result painted: the outside clock then, and the page's own time of it. */
function firstResultReported(page: Page, started: number): Promise<{ firstMs: number; inPageMs: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no result painted within 120 s')), 120_000)
    page.on('console', (message) => {
      const text = message.text()
      if (!text.startsWith(FIRST_RESULT_MESSAGE)) return
      clearTimeout(timer)
      resolve({ firstMs: performance.now() - started, inPageMs: Number(text.slice(FIRST_RESULT_MESSAGE.length)) })
    })
  })
}

interface Timing {
  engine: string
  query: string
  kind: string
  count: string
  firstMs: number
  /** When the first result was painted, by the page's clock from navigation start. */
  inPageMs: number
  first: { kB: number; gzipKB: number; files: number }
  settled: { kB: number; gzipKB: number; files: number }
  second: string
  secondMs: number
  secondBytes: { kB: number; gzipKB: number; files: number }
}

const COLD_RUNS = 5

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** The first run's timing with the median of every run's times. */
function medianTiming(runs: readonly Timing[]): Timing {
  return {
    ...runs[0]!,
    firstMs: median(runs.map((t) => t.firstMs)),
    inPageMs: median(runs.map((t) => t.inPageMs)),
    secondMs: median(runs.map((t) => t.secondMs)),
  }
}

async function timeOurs(browser: Browser, served: Served, kind: string, query: string, second: string): Promise<Timing> {
  const context = await browser.newContext()
  await context.addInitScript(FIRST_RESULT_CLOCK)
  const page = await context.newPage()
  const from = served.sent.length
  const started = performance.now()
  const reported = firstResultReported(page, started)
  // 'commit': goto would otherwise wait for the load event, which waits for every script the page adds before it.
  await page.goto(`${served.url}search.html?q=${encodeURIComponent(query)}`, { waitUntil: 'commit' })
  const { firstMs, inPageMs } = await reported
  const first = searchBytes(served.sent, from)
  const count = ((await page.textContent('#search-status')) ?? '').match(/\d+/)?.[0] ?? '?'
  await idle(served.sent)
  const settled = searchBytes(served.sent, from)
  const before = served.sent.length
  const secondStarted = performance.now()
  await page.fill('input[type="search"][name="q"]', second)
  await page.press('input[type="search"][name="q"]', 'Enter')
  await page.waitForFunction((q) => document.getElementById('results')?.dataset.query === q && document.querySelector('#results > li') !== null, second, { timeout: 120_000 })
  const secondMs = performance.now() - secondStarted
  await idle(served.sent)
  const secondBytes = searchBytes(served.sent, before)
  await context.close()
  return { engine: 'ours', query, kind, count, firstMs, inPageMs, first, settled, second, secondMs, secondBytes }
}

async function timePagefind(browser: Browser, served: Served, kind: string, query: string, second: string): Promise<Timing> {
  const context = await browser.newContext()
  await context.addInitScript(FIRST_RESULT_CLOCK)
  const page = await context.newPage()
  const from = served.sent.length
  const started = performance.now()
  const reported = firstResultReported(page, started)
  await page.goto(`${served.url}pf-bench.html?q=${encodeURIComponent(query)}`, { waitUntil: 'commit' })
  const { firstMs, inPageMs } = await reported.catch(() => ({ firstMs: Number.NaN, inPageMs: Number.NaN }))
  const first = searchBytes(served.sent, from)
  const count = (await page.getAttribute('#results', 'data-count')) ?? '0'
  await idle(served.sent)
  const settled = searchBytes(served.sent, from)
  const before = served.sent.length
  const secondStarted = performance.now()
  await page.evaluate((q) => (window as unknown as { benchShow(q: string): Promise<void> }).benchShow(q), second)
  const secondMs = performance.now() - secondStarted
  await idle(served.sent)
  const secondBytes = searchBytes(served.sent, before)
  await context.close()
  return { engine: 'Pagefind', query, kind, count, firstMs, inPageMs, first, settled, second, secondMs, secondBytes }
}

/** The page URL of a Pagefind result, from its fragment file (gzip, after a `pagefind_dcd` signature). */
function pagefindUrl(site: string, id: string): string {
  const text = gunzipSync(readFileSync(path.join(site, 'pagefind/fragment', `${id}.pf_fragment`))).toString('utf8')
  return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url.replace(/^\//, '')
}

/** Our engine over the files on disk (the same code the page runs): every hit's story URL. */
function ourEngine(site: string) {
  const read = (file: string): unknown => {
    const sandbox: Record<string, unknown> = {}
    sandbox.self = sandbox
    vm.runInNewContext(readFileSync(path.join(site, 'search', file), 'utf8'), sandbox)
    return (sandbox.__archiveSearch as { q: Array<[string, unknown]> }).q[0]![1]
  }
  const entry = read(SEARCH_ENTRY_FILE) as SearchEntry
  const engine = createSearchEngine({ entry, load: async (file) => read(file) })
  return {
    async urls(query: string): Promise<string[]> {
      const outcome = await engine.search(query)
      if (outcome.status !== 'done') return []
      return outcome.hits.map((hit) => (read(cardFile(hit.doc, entry.cardFolderSize)) as DocCard).url)
    },
  }
}

interface Recall {
  query: string
  truth: number
  ours: { found: number; right: number }
  pagefind?: { found: number; right: number }
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

export async function searchBench(options: SearchBenchOptions): Promise<void> {
  let site = options.site
  let buildSeconds = 0
  let indexMs = ''
  if (!site) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'synth-search-'))
    execFileSync(process.execPath, ['--import', 'tsx', path.join(options.root, 'src/cli/synth.ts'), '--issues', options.issues, '--out', dir], { cwd: options.root })
    site = path.join(dir, 'public')
    const started = performance.now()
    const run = spawnSync(process.execPath, ['--max-old-space-size=12000', path.join(options.root, 'bin/build.mjs'), '--content', path.join(dir, 'content'), '--out', site], {
      cwd: options.root,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      env: { ...process.env, DEBUG: 'archive:search' },
    })
    buildSeconds = (performance.now() - started) / 1000
    if (run.status !== 0) throw new Error(`build failed: ${run.stderr.slice(-2000)}`)
    // The indexer's own timings (search-files.ts debug lines): tokens, then shards.
    indexMs = [...run.stderr.matchAll(/(tokens of \d+ stories in \d+ ms|term shards: [^\n]*)/g)].map((m) => m[1]).join('; ')
  }
  const stories = readStories(site)

  let pagefindSeconds = 0
  let pagefindBytes = 0
  if (options.pagefind && options.site && existsSync(path.join(site, 'pagefind/pagefind-entry.json'))) {
    // An index from an earlier run over the same site: measured then.
    pagefindBytes = folderBytes(path.join(site, 'pagefind'))
  } else if (options.pagefind) {
    const started = performance.now()
    execFileSync(
      path.join(options.root, 'node_modules/.bin/pagefind'),
      ['--site', site, '--output-subdir', 'pagefind', '--glob', '**/p*-l*.html', '--root-selector', 'article.story', '--silent'],
      { cwd: options.root, stdio: 'inherit' },
    )
    pagefindSeconds = (performance.now() - started) / 1000
    pagefindBytes = folderBytes(path.join(site, 'pagefind'))
  }
  if (options.pagefind) {
    writeFileSync(path.join(site, 'pf-bench.html'), PAGEFIND_PAGE)
    writeFileSync(path.join(site, 'pf-bench.js'), PAGEFIND_SCRIPT)
  }

  // The queries: 20 names of topics (up to 10) and people, spread over how often they occur.
  const topics = spread(countNames(stories, (s) => s.topics), 10)
  const people = spread(countNames(stories, (s) => s.people.map((p) => p.name)), 20 - topics.length)
  const queries = [...people, ...topics]
  const lines = stories.map((s) => [s.column ?? '', ...s.headline, s.title, ...s.body].map(normalizeText))
  const truthOf = (query: string) => {
    const needle = normalizeText(query)
    return new Set(stories.filter((_, i) => lines[i]!.some((line) => line.includes(needle))).map((s) => s.url))
  }

  // A reader of a Chinese archive has Chinese fonts. Without any, every character of the page
  // goes through the font fallback search and the page's first layout takes several times as
  // long (here 140 ms instead of 55), which would be measured as search time.
  const cjkFonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' })
  const fonts = cjkFonts.status === 0 ? cjkFonts.stdout.trim() : ''
  if (fonts === '') process.stderr.write('search bench: no Chinese font found (fc-list :lang=zh); install one (Debian: apt-get install fonts-noto-cjk) or the page times are not a reader’s\n')
  const served = await serve(site)
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  try {
    // The browser's first page ever pays for starting a renderer process and more, whoever
    // runs first; one throwaway visit to the home page (no search files) keeps that out of
    // the first measured engine's cold time. Each measurement still gets a fresh context.
    const warm = await browser.newContext()
    await (await warm.newPage()).goto(`${served.url}index.html`)
    await warm.close()
    const loadBefore = os.loadavg()
    const timings: Timing[] = []
    const person = people[0]!
    const topic = topics[0]!
    const secondPerson = people[Math.min(5, people.length - 1)]!
    for (const [kind, query, second] of [
      ['person', person, secondPerson],
      ['topic word', topic, person],
    ] as const) {
      // One cold run says little on a shared machine: COLD_RUNS of each, the two engines taking
      // turns so both see the same load; times are medians, bytes those of the first run
      // (the same every run).
      const runs: { ours: Timing[]; pagefind: Timing[] } = { ours: [], pagefind: [] }
      for (let run = 0; run < COLD_RUNS; run++) {
        runs.ours.push(await timeOurs(browser, served, kind, query, second))
        if (options.pagefind) runs.pagefind.push(await timePagefind(browser, served, kind, query, second))
      }
      timings.push(medianTiming(runs.ours))
      if (options.pagefind) timings.push(medianTiming(runs.pagefind))
    }

    const ourIndex = folderBytes(path.join(site, 'search')) + statSync(path.join(site, 'assets/search.js')).size
    const head = [
      `Search at ${fmt(stories.length)} stories${buildSeconds ? ` (full build ${buildSeconds.toFixed(1)} s${indexMs ? `; ${indexMs}` : ''})` : ''}.`,
      `Index on disk: ours ${(ourIndex / 1e6).toFixed(1)} MB (search/ and the client bundle)${options.pagefind ? `; Pagefind ${(pagefindBytes / 1e6).toFixed(1)} MB${pagefindSeconds ? `, indexed in ${pagefindSeconds.toFixed(1)} s` : ' (index from an earlier run)'}` : ''}.`,
      `Chromium (${os.cpus().length} cores), HTTP from localhost, Chinese font: ${fonts === '' ? 'none (times too high)' : (fonts.split('\n')[0] ?? '').split(',')[0]}; cold = a fresh browser context; times are medians of ${COLD_RUNS} cold runs. kB = the search page and the search scripts and data loaded (gzip in brackets for ours; Pagefind's files are gzipped on disk).`,
      '',
      `Load average (1, 5, 15 min) before the timings: ${loadBefore.map((n) => n.toFixed(2)).join(', ')}; after: ${os.loadavg().map((n) => n.toFixed(2)).join(', ')}. "Painted" is the first frame after the first result appeared, by the page's own clock from navigation start.`,
      '',
      '| engine | first query | results | cold to first result (ms) | painted, page clock (ms) | first screen kB | files | once idle kB | second query | its time (ms) | its kB |',
      '|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|',
      ...timings.map(
        (t) =>
          `| ${t.engine} | ${t.query} (${t.kind}) | ${t.count} | ${fmt(t.firstMs)} | ${fmt(t.inPageMs)} | ${fmt(t.first.kB)}${t.engine === 'ours' ? ` (${fmt(t.first.gzipKB)})` : ''} | ${t.first.files} | ${fmt(t.settled.kB)}${t.engine === 'ours' ? ` (${fmt(t.settled.gzipKB)})` : ''} | ${t.second} | ${fmt(t.secondMs)} | ${fmt(t.secondBytes.kB)}${t.engine === 'ours' ? ` (${fmt(t.secondBytes.gzipKB)})` : ''} |`,
      ),
    ]
    process.stdout.write(`${head.join('\n')}\n`)

    const ours = ourEngine(site)
    let pfPage: Page | undefined
    if (options.pagefind) {
      pfPage = await (await browser.newContext()).newPage()
      await pfPage.goto(`${served.url}pf-bench.html`)
      await pfPage.waitForFunction(() => 'benchIds' in window)
    }
    const recall: Recall[] = []
    for (const query of queries) {
      const truth = truthOf(query)
      const mine = await ours.urls(query)
      const row: Recall = { query, truth: truth.size, ours: { found: mine.length, right: mine.filter((url) => truth.has(url)).length } }
      if (pfPage) {
        // Result ids name fragment files; their URLs are read from disk (loading 20,000 fragments in the page takes minutes).
        const ids = await pfPage.evaluate((q) => (window as unknown as { benchIds(q: string): Promise<string[]> }).benchIds(q), query)
        const theirs = ids.map((id) => pagefindUrl(site!, id))
        row.pagefind = { found: theirs.length, right: theirs.filter((url) => truth.has(url)).length }
      }
      recall.push(row)
    }

    const total = (key: 'ours' | 'pagefind') => {
      let truth = 0
      let right = 0
      let found = 0
      for (const row of recall) {
        const r = row[key]
        if (!r) continue
        truth += row.truth
        right += r.right
        found += r.found
      }
      return { recall: truth ? right / truth : 0, precision: found ? right / found : 1 }
    }
    const out = [
      '',
      `Recall on ${recall.length} person and topic names (truth: a substring scan of the stories' text): ours ${(total('ours').recall * 100).toFixed(1)} % (precision ${(total('ours').precision * 100).toFixed(1)} %)${
        options.pagefind ? `, Pagefind ${(total('pagefind').recall * 100).toFixed(1)} % (precision ${(total('pagefind').precision * 100).toFixed(1)} %)` : ''
      }.`,
      '',
      `| query | stories containing it | ours found (right) |${options.pagefind ? ' Pagefind found (right) |' : ''}`,
      `|---|---:|---:|${options.pagefind ? '---:|' : ''}`,
      ...recall.map((r) => `| ${r.query} | ${r.truth} | ${r.ours.found} (${r.ours.right}) |${r.pagefind ? ` ${r.pagefind.found} (${r.pagefind.right}) |` : ''}`),
    ]
    process.stdout.write(`${out.join('\n')}\n`)
  } finally {
    await browser.close()
    served.close()
  }
}
