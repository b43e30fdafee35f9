// What the last build of an output was made from, and what it found, so that a build whose
// inputs are all as they were leaves the site as it is without running the pipeline. A
// rebuild with nothing changed otherwise read every page back from the cache, tagged, planned
// and checked every page group (8.8 s at 60,000 stories) to write nothing.
//
// The inputs are named by one hash (inputsKey): the code and templates (codeFingerprint), the
// settings given on the command line, every editor data file's text, and every page as the
// build reads it (its path, the key of its text, its front matter). The output is the one the
// build wrote when its id file names the build (output-manifest.ts) and every folder of it is
// as the build left it (folder-times.ts): a file removed or added by hand changes its folder.
// The record is written last, after the manifest and the folder times, and only for a build
// with no page that failed: anything else runs the pipeline.

import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { VFile } from 'vfile'
import { textKeyOf, type IngestedPage } from '../ingest/read-content.js'
import type { PlainMessage } from '../messages.js'
import { codeFingerprint } from './fingerprint.js'
import { contentKey } from './hash.js'
import { writeAside } from './write-aside.js'

const FORMAT = 1

export interface BuildRecord {
  format: number
  /** inputsKey of what the build read. */
  inputs: string
  /** The id the build gave its output (output-manifest.ts BUILD_ID_FILE). */
  id: string
  /** What the build reported: the site's issues, pages and stories, and its files. */
  issues: number
  pages: number
  stories: number
  files: number
  /** Every message of the build, by its file's path relative to the content folder (messages are replayed, not found again). */
  messages: Record<string, PlainMessage[]>
}

const recordFile = (cacheDir: string, outDir: string): string => path.join(cacheDir, 'outputs', `${contentKey(path.resolve(outDir))}.build.json`)

/** The record of the last build of `outDir`, or null (none, damaged, or of other code). */
export async function readBuildRecord(cacheDir: string, outDir: string): Promise<BuildRecord | null> {
  try {
    const record = JSON.parse(await readFile(recordFile(cacheDir, outDir), 'utf8')) as BuildRecord
    return record.format === FORMAT && typeof record.inputs === 'string' && typeof record.id === 'string' && typeof record.messages === 'object' ? record : null
  } catch {
    return null
  }
}

/** Keeps the record of a build of `outDir`; one that says what the kept one says is not written again (its file's time stays). */
export async function writeBuildRecord(cacheDir: string, outDir: string, record: Omit<BuildRecord, 'format'>): Promise<void> {
  const file = recordFile(cacheDir, outDir)
  const text = JSON.stringify({ format: FORMAT, ...record } satisfies BuildRecord)
  if ((await readFile(file, 'utf8').catch(() => null)) === text) return
  await mkdir(path.dirname(file), { recursive: true })
  await writeAside(file, text)
}

/** What a build reads besides its cache: the settings it was given, the editor data files and the pages. */
export interface BuildInputs {
  siteUrl: string | null
  contentDir: string
  /** The editor data files as read (their text is their value). */
  dataFiles: readonly VFile[]
  ingested: readonly IngestedPage[]
}

/** A file's path relative to the content folder, `/`-separated: how the record names it wherever the build runs. */
export const recordPath = (contentDir: string, file: VFile): string => path.relative(contentDir, path.resolve(file.path)).split(path.sep).join('/')

/**
 * One hash of everything the site is made from. A page stands in it by what its page job reads
 * but where the build runs from (the path messages show): its path, front matter, first line
 * and the key of its text; the editors' cuts for it come from the corrections file, which is
 * hashed whole with the other editor data. Null when a page could not be read.
 */
export function inputsKey(inputs: BuildInputs): string | null {
  const pages: unknown[] = []
  for (const { page } of inputs.ingested) {
    if (!page) return null
    pages.push([page.contentPath, page.meta, page.firstLine, textKeyOf(page)])
  }
  const data = inputs.dataFiles.map((file) => [recordPath(inputs.contentDir, file), String(file.value)])
  return contentKey(codeFingerprint(), process.versions.v8, JSON.stringify({ siteUrl: inputs.siteUrl, data, pages }))
}
