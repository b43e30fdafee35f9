import { realpath } from 'node:fs/promises'
import path from 'node:path'
import pMap from 'p-map'
import { glob } from 'tinyglobby'
import { VFile } from 'vfile'
import type { RawPage } from '../types.js'
import { decodePage } from './decode.js'
import { readFile } from './read-file.js'
import { isValidIsoDate, parseFrontMatter } from './front-matter.js'

/** `content/YYYY/YYYY-MM-DD/page-NN.txt` */
const PAGE_PATH = /^(?<year>\d{4})\/(?<date>\d{4}-\d{2}-\d{2})\/page-(?<page>\d{1,3})\.txt$/u

/** One content file: its diagnostics, and the page when it could be read. */
export interface IngestedPage {
  file: VFile
  page: RawPage | null
}

/**
 * Lists the page files of a content folder in a stable order (editor data under
 * `_data/` is not a page). Symbolic links are followed, but a file reached twice (a
 * link loop, or two links to one file) is listed once, under its shortest path.
 */
export async function listPageFiles(contentDir: string): Promise<string[]> {
  const found = await glob(['**/*.txt'], { cwd: contentDir, ignore: ['_data/**', '**/node_modules/**'], followSymbolicLinks: true })
  const byTarget = new Map<string, string>()
  const shortestFirst = found.sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0))
  const targets = await pMap(shortestFirst, (rel) => realpath(path.join(contentDir, rel)).catch(() => rel), { concurrency: READ_CONCURRENCY })
  shortestFirst.forEach((rel, i) => {
    const target = targets[i]!
    if (!byTarget.has(target)) byTarget.set(target, rel)
  })
  return [...byTarget.values()].sort()
}

/** Files read at once. */
const READ_CONCURRENCY = 32

export interface ReadOptions {
  /** Messages name files relative to this folder. */
  cwd?: string
  /** How to read a file's bytes (tests replace it to simulate unreadable files). */
  readBytes?: (file: string) => Promise<Uint8Array>
}

/** Reads every page of a content folder. Only this module touches the content files. */
export async function readContent(contentDir: string, { cwd = process.cwd(), readBytes = readFile }: ReadOptions = {}): Promise<IngestedPage[]> {
  // Many files at a time: a decade's archive is tens of thousands of them, and one at a time
  // the build mostly waited on the disk. p-map keeps the results in the files' order.
  return pMap(await listPageFiles(contentDir), async (contentPath): Promise<IngestedPage> => {
    const absolute = path.join(contentDir, contentPath)
    const file = new VFile({ path: path.relative(cwd, absolute) || absolute })
    try {
      const text = decodePage(await readBytes(absolute), file)
      return { file, page: text === null ? null : toRawPage(text, contentPath, file) }
    } catch (error) {
      if (!file.messages.some((m) => m.fatal)) {
        const m = file.message(`Cannot read page: ${(error as Error).message}`, {
          place: { line: 1, column: 1 },
          ruleId: 'read',
          source: 'ingest',
        })
        m.fatal = true
      }
      return { file, page: null }
    }
  }, { concurrency: READ_CONCURRENCY })
}

/** Turns the text of one page file into a RawPage, or null when it cannot be built. */
export function toRawPage(input: string, contentPath: string, file: VFile): RawPage | null {
  const text = input.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n')
  file.value = text
  const { meta, body, firstLine } = parseFrontMatter(text, file)
  const fromPath = PAGE_PATH.exec(contentPath)?.groups
  if (!fromPath) {
    file.message('Unexpected page path, expected `YYYY/YYYY-MM-DD/page-NN.txt` under the content folder (built from its front matter anyway)', {
      place: { line: 1, column: 1 },
      ruleId: 'path-layout',
      source: 'ingest',
    })
  }
  if (body.trim() === '') {
    file.message('Unexpected empty page: no text after the front matter', {
      place: { line: firstLine, column: 1 },
      ruleId: 'page-empty',
      source: 'ingest',
    })
  }
  let date = meta.date
  if (fromPath && !isValidIsoDate(fromPath.date ?? '')) {
    file.message(`Unexpected folder date \`${fromPath.date}\`, expected a real calendar date`, {
      place: { line: 1, column: 1 },
      ruleId: 'path-date',
      source: 'ingest',
    })
  }
  const pathDate = fromPath?.date && isValidIsoDate(fromPath.date) ? fromPath.date : undefined
  if (!date && pathDate) {
    date = pathDate
    file.message(`Missing \`date\` in front matter, using ${pathDate} from the folder name`, {
      place: { line: 1, column: 1 },
      ruleId: 'front-matter-date-missing',
      source: 'ingest',
    })
  } else if (date && pathDate && date !== pathDate) {
    file.message(`Unexpected folder date ${pathDate} for a page dated ${date} in front matter, expected them to agree (front matter wins)`, {
      place: { line: 1, column: 1 },
      ruleId: 'path-date-mismatch',
      source: 'ingest',
    })
  }
  if (!date) {
    const m = file.message('Missing issue date: add `date: YYYY-MM-DD` to the front matter or put the page in a `YYYY-MM-DD` folder', {
      place: { line: 1, column: 1 },
      ruleId: 'date-missing',
      source: 'ingest',
    })
    m.fatal = true
    return null
  }
  let page = meta.page
  if (page === undefined) {
    page = fromPath?.page ? Number(fromPath.page) : 1
    file.message(`Missing \`page\` in front matter, using ${page}`, {
      place: { line: 1, column: 1 },
      ruleId: 'front-matter-page-missing',
      source: 'ingest',
    })
  }
  if (!meta.paper) {
    file.message('Missing `paper` in front matter, expected the newspaper\'s name (mastheads are recognised by it)', {
      place: { line: 1, column: 1 },
      ruleId: 'front-matter-paper-missing',
      source: 'ingest',
    })
  }
  return {
    meta: { paper: meta.paper ?? '', date, page, source: meta.source ?? null },
    contentPath,
    displayPath: file.path,
    text: body,
    firstLine,
  }
}
