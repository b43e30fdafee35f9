import type { SearchDoc } from '../../../src/search/search-docs.js'

/** Search docs of bare title and body texts, numbered in order, with no people, topics or organizations. */
export function docsOf(texts: ReadonlyArray<{ title: string; body: string }>): SearchDoc[] {
  return texts.map((text, ref) => ({
    ref,
    card: { id: String(ref), url: '', title: text.title, column: null, date: '2020-01-01', issueDate: '2020-01-01', page: 1, titleText: text.title, body: text.body },
    people: [],
    peopleNames: [],
    topics: [],
    organizations: [],
  }))
}
