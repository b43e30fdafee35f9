// The facet files (shapes in facet-format.ts): what `person:`, `topic:`, `org:`, `date:` and
// `year:` filter on, what sorting by date reads, and the topics, people and years counted
// beside the results. Everything is reached through search/facet-entry.js, loaded only when
// a query needs it.
//
//   search/facet-entry.js                    tiny, unhashed: year runs, the files below
//   search/facets/date-<hash>.js             each doc's date, packed
//   search/facets/dir-<facet>-<hash>.js      a facet's name files by name range
//   search/facets/<facet>-<n>-<hash>.js      a range of names → doc numbers, packed
//
// Name tables are cut by name range into files of about NAME_FILE_BUDGET bytes, so a filter
// on one person loads that person's file, not every person's postings.

import { SEARCH_DIR } from './format.js'
import type { OutputFile } from '../types.js'
import { FACET_ENTRY_FILE, FACET_FORMAT_VERSION, type FacetEntry, type NameDirectory, type NameFacetKey, type NamePostings } from './facet-format.js'
import { isoToDay, zigzag } from './day-number.js'
import { hashedScriptEmitter, registeringScript } from './script-file.js'
import type { SearchDoc } from './search-docs.js'
import { normalizeText } from './tokenizer.js'
import { VarintWriter, packAscending } from './varint.js'

/** Bytes of packed doc numbers per name file (a very frequent name gets a file of its own). */
export const NAME_FILE_BUDGET = 6_000

type Emit = ReturnType<typeof hashedScriptEmitter>

/** The ascending unique numbers of two ascending unique lists. */
function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!
    if (out[out.length - 1] !== next) out.push(next)
  }
  return out
}

/**
 * Each name the docs are tagged with → the ascending numbers of the docs tagged with it, names
 * as printed, by facet: what the facet files and the indexed words (words.ts chooseWordsOf) are
 * made from. One pass over every doc's names (~400,000 mentions at 60,000 stories) for both.
 */
export interface FacetTables {
  /** Every name a `person:` filter finds a doc by (SearchDoc.people). */
  people: Map<string, number[]>
  peopleNames: Map<string, number[]>
  topics: Map<string, number[]>
  organizations: Map<string, number[]>
}

/** The docs' facet tables (docs in doc order: doc i has ref i). */
export function facetTables(docs: readonly SearchDoc[]): FacetTables {
  const tables: FacetTables = { people: new Map(), peopleNames: new Map(), topics: new Map(), organizations: new Map() }
  const add = (table: Map<string, number[]>, names: readonly string[], ref: number): void => {
    for (const name of names) {
      if (name === '') continue
      const list = table.get(name)
      // Docs come in ascending order, so a repeat can only be the last one.
      if (!list) table.set(name, [ref])
      else if (list[list.length - 1] !== ref) list.push(ref)
    }
  }
  for (const doc of docs) {
    add(tables.people, doc.people, doc.ref)
    add(tables.peopleNames, doc.peopleNames, doc.ref)
    add(tables.topics, doc.topics, doc.ref)
    add(tables.organizations, doc.organizations, doc.ref)
  }
  return tables
}

/**
 * A table as its files list it: names in code-unit order, each with its docs packed. With
 * `normalize`, keyed by each name normalised, made once per distinct name as printed and the
 * lists of names that normalise alike merged: the same table as normalising every mention.
 */
function nameTable(printed: ReadonlyMap<string, number[]>, normalize?: (name: string) => string): Array<[string, string]> {
  let byName = printed
  if (normalize) {
    const merged = new Map<string, number[]>()
    for (const [name, refs] of printed) {
      const key = normalize(name)
      if (key === '') continue
      const seen = merged.get(key)
      merged.set(key, seen ? mergeAscending(seen, refs) : refs)
    }
    byName = merged
  }
  return [...byName.keys()].sort().map((name) => [name, packAscending(byName.get(name)!)])
}

function nameFiles(emit: Emit, prefix: string, table: ReadonlyArray<[string, string]>, budget: number): NameDirectory {
  const directory: NameDirectory = []
  let current: NamePostings = { names: [], docs: [] }
  let size = 0
  const close = () => {
    const file = emit(`facets/${prefix}-${directory.length}`, current)
    directory.push({ from: current.names[0]!, to: current.names[current.names.length - 1]!, file })
    current = { names: [], docs: [] }
    size = 0
  }
  for (const [name, docs] of table) {
    if (current.names.length > 0 && size + docs.length > budget) close()
    current.names.push(name)
    current.docs.push(docs)
    size += docs.length
    if (size >= budget) close()
  }
  if (current.names.length > 0) close()
  return directory
}

/** `year, runLength` pairs over the docs' dates, packed. */
function yearRuns(docs: readonly SearchDoc[]): string {
  const out = new VarintWriter()
  let year = -1
  let run = 0
  for (const doc of docs) {
    const next = Number(doc.card.date.slice(0, 4))
    if (next !== year && run > 0) {
      out.int(year)
      out.int(run)
      run = 0
    }
    year = next
    run++
  }
  if (run > 0) {
    out.int(year)
    out.int(run)
  }
  return out.take()
}

function packedDates(docs: readonly SearchDoc[]): string {
  const out = new VarintWriter()
  let previous = 0
  for (const doc of docs) {
    const day = isoToDay(doc.card.date)
    out.int(zigzag(day - previous))
    previous = day
  }
  return out.take()
}

/** Adds the facet files of `docs` (collectSearchDocs, the same list the term index numbers), whose tables these are (facetTables), to `files`. */
export function renderFacetFiles(docs: readonly SearchDoc[], tables: FacetTables, files: OutputFile[], budget = NAME_FILE_BUDGET): void {
  const emit = hashedScriptEmitter(files, SEARCH_DIR)
  const directories: Record<NameFacetKey, NameDirectory> = {
    person: nameFiles(emit, 'person', nameTable(tables.people, normalizeText), budget),
    topic: nameFiles(emit, 'topic', nameTable(tables.topics, normalizeText), budget),
    org: nameFiles(emit, 'org', nameTable(tables.organizations, normalizeText), budget),
    peopleNames: nameFiles(emit, 'people-names', nameTable(tables.peopleNames), budget),
    topicNames: nameFiles(emit, 'topic-names', nameTable(tables.topics), budget),
  }
  const directoryFile = (key: NameFacetKey) => emit(`facets/dir-${key}`, directories[key])
  const directoryFiles: FacetEntry['directories'] = {
    person: directoryFile('person'),
    topic: directoryFile('topic'),
    org: directoryFile('org'),
    peopleNames: directoryFile('peopleNames'),
    topicNames: directoryFile('topicNames'),
  }
  // What counting people and topics loads: their directories and every file they list.
  const counted = new Set(
    [directoryFiles.peopleNames, directoryFiles.topicNames, ...[...directories.peopleNames, ...directories.topicNames].map((ref) => ref.file)].map(
      (file) => `${SEARCH_DIR}/${file}`,
    ),
  )
  const entry: FacetEntry = {
    format: FACET_FORMAT_VERSION,
    docCount: docs.length,
    yearRuns: yearRuns(docs),
    date: emit('facets/date', packedDates(docs)),
    directories: directoryFiles,
    countBytes: files.filter((file) => counted.has(file.path)).reduce((sum, file) => sum + Buffer.byteLength(file.contents), 0),
  }
  files.push({ path: `${SEARCH_DIR}/${FACET_ENTRY_FILE}`, contents: registeringScript(FACET_ENTRY_FILE, entry) })
}
