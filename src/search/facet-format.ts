// Shape of the facet files facet-files.ts writes and the search page reads (kept apart from
// the writer so the page's bundle takes no build-side code).

/** Named by the page (relative to search/entry.js); loaded only when a query needs it. */
export const FACET_ENTRY_FILE = 'facet-entry.js'

/** Bump when the layout of the files below changes. */
export const FACET_FORMAT_VERSION = 1

/** `search/facet-entry.js`. */
export interface FacetEntry {
  format: number
  /** Equals entry.js's docCount when both come from one build. */
  docCount: number
  /** `org:` postings, keyed by normalised name. */
  org: string
  /** Facet counts: display name → doc numbers. */
  people: string
  topics: string
}
