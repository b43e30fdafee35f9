import { statSync, type Stats } from 'node:fs'
import { realpath } from 'node:fs/promises'
import path from 'node:path'
import pMap from 'p-map'
import { glob } from 'tinyglobby'
import { VFile } from 'vfile'
import { contentKey } from '../cache/hash.js'
import type { ContentScan } from '../cache/content-scan.js'
import { plainMessages, replayMessages } from '../messages.js'
import { compareText } from '../render/order.js'
import type { RawPage, ScannedPage } from '../types.js'
import { decodePage } from './decode.js'
import { pageError } from './page-error.js'
import { readFile } from './read-file.js'
import { isValidIsoDate, parseFrontMatter } from './front-matter.js'

/** `content/YYYY/YYYY-MM-DD/page-NN.txt` */
const PAGE_PATH = /^(?<year>\d{4})\/(?<date>\d{4}-\d{2}-\d{2})\/page-(?<page>\d{1,3})\.txt$/u

/**
 * One content file: its diagnostics, and the page when it could be read — with its text, or
 * without it when the content scan found the file as the last build read it (`readPageText`
 * gets the text if it is needed after all).
 */
export interface IngestedPage {
  file: VFile
  page: RawPage | ScannedPage | null
}

/** Whether an ingested page was taken from the content scan, without its text. */
export const isScanned = (page: RawPage | ScannedPage): page is ScannedPage => !('text' in page)

/** The key of a page's text, read or scanned: what the page cache keys its text by. */
export const textKeyOf = (page: RawPage | ScannedPage): string => (isScanned(page) ? page.textKey : contentKey(page.text))

/**
 * Lists the page files of a content folder in a stable order (editor data under
 * `_data/` is not a page). Symbolic links are followed, but a file reached twice (a
 * link loop, or two links to one file) is listed once, under its shortest path.
 */
export async function listPageFiles(contentDir: string): Promise<string[]> {
  return (await listedPageFiles(contentDir)).map((listed) => listed.path)
}

/** A page file as listPageFiles lists it, with its stat as listed (null when it could not be taken): the content scan's, taken once. */
interface ListedFile {
  path: string
  stat: Stats | null
}

/**
 * listPageFiles with each file's stat. Paths reach one file only if their stats name the same
 * file (device and inode; a stat follows links): only paths whose stats collide are resolved
 * to their real paths to tell them apart (two hard links stay two files, as they were). Every
 * path resolved took 12,000 pages ~0.25 s, where a stat is needed anyway.
 */
async function listedPageFiles(contentDir: string): Promise<ListedFile[]> {
  const found = await glob(['**/*.txt'], { cwd: contentDir, ignore: ['_data/**', '**/node_modules/**'], followSymbolicLinks: true })
  const shortestFirst = found.sort((a, b) => a.split('/').length - b.split('/').length || compareText(a, b))
  const listed = shortestFirst.map((rel): ListedFile => ({ path: rel, stat: statOrNull(path.join(contentDir, rel)) }))
  const byIdentity = new Map<string, ListedFile[]>()
  for (const file of listed) {
    // No stat, or an inode a file system does not give (0): by path, resolved below.
    const id = file.stat && file.stat.ino !== 0 ? `${file.stat.dev}:${file.stat.ino}` : ''
    const same = byIdentity.get(id)
    if (same) same.push(file)
    else byIdentity.set(id, [file])
  }
  const kept = new Set<ListedFile>()
  for (const [id, files] of byIdentity) {
    if (id !== '' && files.length === 1) kept.add(files[0]!)
    else {
      const targets = await pMap(files, (file) => realpath(path.join(contentDir, file.path)).catch(() => file.path), { concurrency: READ_CONCURRENCY })
      const byTarget = new Map<string, ListedFile>()
      files.forEach((file, i) => {
        if (!byTarget.has(targets[i]!)) byTarget.set(targets[i]!, file)
      })
      for (const file of byTarget.values()) kept.add(file)
    }
  }
  return listed.filter((file) => kept.has(file)).sort((a, b) => compareText(a.path, b.path))
}

function statOrNull(absolute: string): Stats | null {
  try {
    return statSync(absolute)
  } catch {
    return null
  }
}

/** Files read at once. */
const READ_CONCURRENCY = 32

export interface ReadOptions {
  /** Messages name files relative to this folder. */
  cwd?: string
  /** How to read a file's bytes (tests replace it to simulate unreadable files). */
  readBytes?: (file: string) => Promise<Uint8Array>
  /** What the last build read (cache/content-scan.ts): files whose stat is unchanged are not read again. */
  scan?: ContentScan | null
}

/** Reads every page of a content folder. Only this module touches the content files. */
export async function readContent(contentDir: string, { cwd = process.cwd(), readBytes = readFile, scan = null }: ReadOptions = {}): Promise<IngestedPage[]> {
  // Many files at a time: a decade's archive is tens of thousands of them, and one at a time
  // the build mostly waited on the disk. p-map keeps the results in the files' order.
  return pMap(await listedPageFiles(contentDir), async ({ path: contentPath, stat: listedStat }): Promise<IngestedPage> => {
    const absolute = path.join(contentDir, contentPath)
    const file = new VFile({ path: path.relative(cwd, absolute) || absolute })
    const known = listedStat ? scan?.lookup(contentPath, listedStat) : undefined
    if (known) {
      replayMessages(file, known.messages)
      return { file, page: { ...known.page, displayPath: file.path } }
    }
    // The stat before the read (as listed): a change after it gives the next build another stat.
    const stat = scan ? listedStat : null
    const readAt = Date.now()
    const page = await readPage(absolute, contentPath, file, readBytes)
    if (page && stat && !file.messages.some((m) => m.fatal)) {
      const { displayPath: _, text, ...facts } = page
      scan?.record(contentPath, stat, readAt, { ...facts, textKey: contentKey(text) }, plainMessages(file))
    }
    return { file, page }
  }, { concurrency: READ_CONCURRENCY })
}

/** One page file read into `file`'s messages, or null when it cannot be built. */
async function readPage(absolute: string, contentPath: string, file: VFile, readBytes: (file: string) => Promise<Uint8Array>): Promise<RawPage | null> {
  try {
    const text = decodePage(await readBytes(absolute), file)
    return text === null ? null : toRawPage(text, contentPath, file)
  } catch (error) {
    if (!file.messages.some((m) => m.fatal)) pageError(file, `Cannot read page: ${(error as Error).message}`, 'read')
    return null
  }
}

/**
 * The text of a page the scan gave without it, read now (its page job must run again: the
 * taxonomy or the editors' cuts changed, or its cache entry is gone). Null, with a message on
 * `file`, when the file can no longer be read or no longer reads as it did.
 */
export async function readPageText(contentDir: string, page: ScannedPage, file: VFile, readBytes: (file: string) => Promise<Uint8Array> = readFile): Promise<string | null> {
  const scratch = new VFile({ path: file.path })
  const read = await readPage(path.join(contentDir, page.contentPath), page.contentPath, scratch, readBytes)
  if (read && contentKey(read.text) === page.textKey) return read.text
  return pageError(file, 'Cannot read page: the file changed while the site was being built; build again', 'read')
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
  if (!date) return pageError(file, 'Missing issue date: add `date: YYYY-MM-DD` to the front matter or put the page in a `YYYY-MM-DD` folder', 'date-missing')
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
