// npm run screenshots [-- --content DIR --out DIR]
// Builds the content folder and photographs the pages readers use most, at desktop and
// phone widths, into a git-ignored folder, so a person can look at them.
import { mkdir, mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'
import { build } from '../src/build.js'
import { parseCommandLine } from '../src/cli/args.js'

const USAGE = 'usage: npm run screenshots -- [--content DIR] [--out DIR]   (needs Debian chromium and fonts-noto-cjk)'

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const

async function main(): Promise<number> {
  const line = parseCommandLine({ content: { type: 'string', default: 'content' }, out: { type: 'string', default: 'screenshots' } }, USAGE)
  if (typeof line === 'number') return line
  const site = path.join(await mkdtemp(path.join(tmpdir(), 'shots-')), 'public')
  const result = await build({ contentDir: line.values.content, outDir: site })
  if (!result.replaced) throw new Error('the build failed; run npm run check')
  // pick real pages of this archive: the newest issue's first page and story, the most-mentioned person
  const issues = JSON.parse(await readFile(path.join(site, 'api', 'issues.json'), 'utf8')) as { url: string }[]
  const latest = JSON.parse(await readFile(path.join(site, issues[0]?.url ?? ''), 'utf8')) as { date: string; pages: { page: number; stories: { url: string; people: { name: string }[] }[] }[] }
  const firstPage = latest.pages[0]
  const story = firstPage?.stories[0]
  const [y, m, d] = latest.date.split('-')
  const person = story?.people[0]?.name
  const pages: [string, string][] = [
    ['home', 'index.html'],
    ['page-view', `${y}/${m}/${d}/p${firstPage?.page ?? 1}.html`],
    ['story', story?.url ?? 'index.html'],
    ['search', `search.html?q=${encodeURIComponent(person ?? '会议')}`],
  ]
  const peopleIndex = await readFile(path.join(site, 'people', 'index.html'), 'utf8')
  // The first link to a page inside people/ (the breadcrumbs before it lead out, `../`).
  const personHref = /href="([^".][^"]*\.html)"[^>]*>[^<]*<\/a>/u.exec(peopleIndex.slice(peopleIndex.indexOf('<main')))?.[1]
  if (personHref) pages.push(['person', path.posix.join('people', personHref)])
  await mkdir(line.values.out, { recursive: true })
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  try {
    for (const viewport of VIEWPORTS) {
      const page = await browser.newPage({ viewport: { width: viewport.width, height: viewport.height } })
      for (const [name, url] of pages) {
        const [file, query] = url.split('?')
        await page.goto(`${pathToFileURL(path.join(site, file ?? '')).href}${query ? `?${query}` : ''}`)
        await page.waitForLoadState('networkidle')
        const out = path.join(line.values.out, `${name}-${viewport.name}.png`)
        await page.screenshot({ path: out, fullPage: false })
        process.stdout.write(`${out}\n`)
      }
      await page.close()
    }
  } finally {
    await browser.close()
  }
  return 0
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`screenshots failed: ${(error as Error).message}\n`)
    process.exitCode = 1
  },
)
