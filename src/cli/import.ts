import { access, mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { VFile } from 'vfile'
import { decodePage } from '../ingest/decode.js'
import { isValidIsoDate } from '../ingest/front-matter.js'
import { readEditorData } from '../ingest/editor-data.js'
import { readContent } from '../ingest/read-content.js'
import { ImportRefusal, planImport } from '../importer/import-page.js'
import { parseCommandLine } from './args.js'

const USAGE = `usage: npm run import -- FILE... [--date YYYY-MM-DD | --year YYYY] [--page N] [--paper NAME] [--content DIR] [--force]

Writes each raw page into the content folder as YYYY/YYYY-MM-DD/page-NN.txt with front
matter and the text byte for byte. The date comes from --date, else the date printed in
the page header, else the reports' datelines + 1 day (year from --year or printed in the
text); the page from --page, else the page header, else 1. Existing pages are kept unless --force.`

/** The paper most pages of the content folder name (so an import needs no --paper). */
async function paperOfContent(contentDir: string): Promise<string | undefined> {
  const counts = new Map<string, number>()
  for (const { page } of await readContent(contentDir).catch(() => [])) {
    if (page?.meta.paper) counts.set(page.meta.paper, (counts.get(page.meta.paper) ?? 0) + 1)
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0]
}

async function main(): Promise<number> {
  const line = parseCommandLine(
    {
      date: { type: 'string' },
      year: { type: 'string' },
      page: { type: 'string' },
      paper: { type: 'string' },
      content: { type: 'string', default: 'content' },
      force: { type: 'boolean', default: false },
    },
    USAGE,
    true,
  )
  if (typeof line === 'number') return line
  const { values, positionals: files } = line
  if (files.length === 0 || (values.date && !isValidIsoDate(values.date)) || (values.year && !/^\d{4}$/u.test(values.year))) {
    process.stderr.write(`${USAGE}\n`)
    return 2
  }
  const paper = values.paper ?? (await readEditorData(values.content)).site.paper ?? (await paperOfContent(values.content))
  let failures = 0
  for (const file of files) {
    try {
      const bytes = await readFile(file)
      const vfile = new VFile({ path: file })
      const text = decodePage(bytes, vfile)
      if (text === null) throw new ImportRefusal(vfile.messages.map((m) => `${file}: ${m.reason}`).join('\n'))
      // a page in another encoding is stored as UTF-8, so the front matter and the text agree
      const body = vfile.messages.length ? Buffer.from(text, 'utf8') : bytes
      const plan = planImport(body, text, path.basename(file), {
        ...(values.date ? { date: values.date } : {}),
        ...(values.year ? { year: Number(values.year) } : {}),
        ...(values.page ? { page: Number(values.page) } : {}),
        ...(paper ? { paper } : {}),
      })
      const target = path.join(values.content, plan.path)
      const exists = await access(target).then(
        () => true,
        () => false,
      )
      if (exists && !values.force) throw new ImportRefusal(`${file}: ${target} exists already; use --force to replace it`)
      await mkdir(path.dirname(target), { recursive: true })
      await writeFile(target, plan.contents)
      process.stdout.write(`${file} → ${target}\n${plan.report.map((r) => `  ${r}`).join('\n')}\n`)
      for (const m of vfile.messages) process.stdout.write(`  note: ${m.reason}\n`)
    } catch (error) {
      failures++
      process.stderr.write(`${error instanceof ImportRefusal ? error.message : `${file}: ${(error as Error).message}`}\n`)
    }
  }
  return failures ? 1 : 0
}

main().then((code) => {
  process.exitCode = code
})
