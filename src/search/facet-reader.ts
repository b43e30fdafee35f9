// Reading the facet files in the page (the build side is facet-files.ts): doc numbers for a
// name, each doc's date and year, and how many of a result set carry each name. Files come
// through `load` (memoised by the engine), so a name's file is fetched once per page.

import { dayToIso, unzigzag } from './day-number.js'
import { FACET_ENTRY_FILE, FACET_FORMAT_VERSION, type FacetEntry, type NameDirectory, type NameFacetKey, type NamePostings } from './facet-format.js'
import { findShard, findTerm } from './shard-reader.js'
import { VarintReader, unpackAscending } from './varint.js'

export interface FacetCount {
  name: string
  count: number
}

export interface FacetReader {
  /** Doc numbers carrying `name` (already normalised as the facet stores it), ascending. */
  docsWith(facet: NameFacetKey, name: string): Promise<number[]>
  /** Each doc's year, by doc number. */
  years(): Promise<Int32Array>
  /** Each doc's date (`YYYY-MM-DD`), by doc number. */
  dates(): Promise<string[]>
  /** Names with at least one doc of `found`, most docs first, then by name (code units). */
  counts(facet: NameFacetKey, found: ReadonlySet<number>): Promise<FacetCount[]>
  /** Bytes `counts` downloads for people and topics together (FacetEntry.countBytes). */
  countBytes(): Promise<number>
}

export function createFacetReader(load: (file: string) => Promise<unknown>, docCount: number): FacetReader {
  let entry: Promise<FacetEntry> | undefined
  // facet-entry.js comes from the same build (facet-format.ts describes it).
  const facetEntry = (): Promise<FacetEntry> =>
    (entry ??= (load(FACET_ENTRY_FILE) as Promise<FacetEntry>).then((data) => {
      if (data.format !== FACET_FORMAT_VERSION || data.docCount !== docCount) throw new Error('搜索索引文件版本不一致，请重新生成网站')
      return data
    }))
  const names = async (file: string) => (await load(file)) as NamePostings
  const directory = async (facet: NameFacetKey) => (await load((await facetEntry()).directories[facet])) as NameDirectory

  let years: Int32Array | undefined
  let dates: Promise<string[]> | undefined

  return {
    async docsWith(facet, name) {
      const files = await directory(facet)
      const at = findShard(files, name)
      if (at === -1) return []
      const postings = await names(files[at]!.file)
      const index = findTerm(postings.names, name)
      return index === -1 ? [] : unpackAscending(postings.docs[index]!)
    },
    async years() {
      if (years) return years
      const runs = new VarintReader((await facetEntry()).yearRuns)
      const out = new Int32Array(docCount)
      let doc = 0
      while (!runs.done) {
        const year = runs.int()
        const length = runs.int()
        out.fill(year, doc, doc + length)
        doc += length
      }
      return (years = out)
    },
    dates() {
      dates ??= facetEntry().then(async (data) => {
        const packed = new VarintReader((await load(data.date)) as string)
        const out = new Array<string>(docCount)
        // Consecutive docs mostly share a date: convert each distinct day once.
        const iso = new Map<number, string>()
        let day = 0
        for (let doc = 0; doc < docCount; doc++) {
          day += unzigzag(packed.int())
          let text = iso.get(day)
          if (text === undefined) iso.set(day, (text = dayToIso(day)))
          out[doc] = text
        }
        return out
      })
      return dates
    },
    async countBytes() {
      return (await facetEntry()).countBytes
    },
    async counts(facet, found) {
      const files = await Promise.all((await directory(facet)).map((ref) => names(ref.file)))
      const counts: FacetCount[] = []
      for (const postings of files) {
        postings.names.forEach((name, i) => {
          let count = 0
          for (const doc of unpackAscending(postings.docs[i]!)) if (found.has(doc)) count++
          if (count > 0) counts.push({ name, count })
        })
      }
      return counts.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    },
  }
}
