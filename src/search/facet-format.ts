// Shape of the facet files (facet-files.ts writes them, the search page reads them; kept apart
// from the writer so the page's bundle takes no build-side code). Everything here is loaded
// only when a query needs it: a filter, a sort by date, or the counts beside the results.

/** Named by the page (relative to search/entry.js). */
export const FACET_ENTRY_FILE = 'facet-entry.js'

/** Bump when the layout of the files below changes. */
export const FACET_FORMAT_VERSION = 4

/**
 * A name → doc numbers table cut into files by name range, so `person:NAME` loads the one
 * file holding NAME (a few kilobytes) rather than every person's postings.
 */
export type NameDirectory = Array<{ from: string; to: string; file: string }>

/**
 * `search/facets/<facet>-<n>-<hash>.js`: names sorted by code units, and for each its doc
 * numbers packed as ascending gaps (varint.ts packAscending).
 */
export interface NamePostings {
  names: string[]
  docs: string[]
}

export type NameFacetKey = 'person' | 'topic' | 'org' | 'peopleNames' | 'topicNames'

/** `search/facet-entry.js`. */
export interface FacetEntry {
  format: number
  /** Equals entry.js's docCount when both come from one build. */
  docCount: number
  /**
   * The year of each doc's date (event date, else issue date) as runs over doc numbers:
   * packed `year, runLength, year, runLength…`. Docs go oldest first, so a few runs per year
   * cover the archive: `year:` and the year counts need nothing else.
   */
  yearRuns: string
  /**
   * `search/facets/date-<hash>.js` registers a packed string (varint.ts): per doc, its date
   * as days since 1970-01-01, zigzag-encoded difference from the previous doc's. Loaded for
   * date ranges finer than a year and for sorting by date.
   */
  date: string
  /**
   * `search/facets/dir-<facet>-<hash>.js`, each registering a NameDirectory: filters on
   * `person:` (normalised name or alias), `topic:`, `org:` (normalised); counts beside the
   * results of people by registry name and topics as assigned. Files of their own, because a
   * large archive's directories of people run to tens of kilobytes and most queries need none.
   */
  directories: Record<NameFacetKey, string>
  /**
   * Bytes of every peopleNames and topicNames file: what counting people and topics for a
   * result set downloads. The page does it on its own only when that is small (a big
   * archive's people tables run to megabytes) and otherwise offers it as a button.
   */
  countBytes: number
}
