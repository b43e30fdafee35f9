// The search files for facets beyond those entry.js names (search-files.ts writes date,
// person and topic): organizations for `org:`, and the names the search page counts beside
// the results (people by their registry name, topics as assigned). `year:` and the year
// counts need nothing new: they read the date facet.
//
//   search/facet-entry.js                 tiny, unhashed: the files below
//   search/facets/org-<hash>.js           normalised organization name → sorted doc numbers
//   search/facets/people-names-<hash>.js  person's registry name → sorted doc numbers
//   search/facets/topic-names-<hash>.js   topic as assigned → sorted doc numbers
//
// Doc numbers are those of collectSearchDocs, the same list the term index numbers.

import type { OutputFile, RegisteredPerson, SiteModel, Story } from '../types.js'
import { SEARCH_DIR, type NameFacet } from './format.js'
import { hashedScriptEmitter, registeringScript } from './script-file.js'
import { collectSearchDocs } from './search-docs.js'
import { normalizeText } from './tokenizer.js'
import { FACET_ENTRY_FILE, FACET_FORMAT_VERSION, type FacetEntry } from './facet-format.js'

function postings(entries: Iterable<[string, number]>): NameFacet {
  const byName = new Map<string, Set<number>>()
  for (const [name, doc] of entries) {
    if (name === '') continue
    let docs = byName.get(name)
    if (!docs) byName.set(name, (docs = new Set()))
    docs.add(doc)
  }
  const facet: NameFacet = {}
  for (const name of [...byName.keys()].sort()) facet[name] = [...byName.get(name)!].sort((a, b) => a - b)
  return facet
}

/** Alias → the registry name it belongs to. */
function registryNames(registry: readonly RegisteredPerson[]): Map<string, string> {
  const names = new Map<string, string>()
  for (const person of registry) for (const alias of person.aliases) if (!names.has(alias)) names.set(alias, person.name)
  for (const person of registry) names.set(person.name, person.name)
  return names
}

export function renderFacetFiles(model: SiteModel): OutputFile[] {
  const stories = new Map<string, Story>()
  for (const issue of model.issues) for (const page of issue.pages) for (const story of page.stories) stories.set(story.id, story)
  const docs = collectSearchDocs(model).map((doc) => ({ ref: doc.ref, story: stories.get(doc.card.id)! }))
  const canonical = registryNames(model.people)

  const files: OutputFile[] = []
  const emit = hashedScriptEmitter(files, SEARCH_DIR)
  const entry: FacetEntry = {
    format: FACET_FORMAT_VERSION,
    docCount: docs.length,
    org: emit('facets/org', postings(docs.flatMap(({ ref, story }) => story.organizations.map((org): [string, number] => [normalizeText(org), ref])))),
    people: emit(
      'facets/people-names',
      postings(docs.flatMap(({ ref, story }) => story.people.map(({ name }): [string, number] => [canonical.get(name) ?? name, ref]))),
    ),
    topics: emit('facets/topic-names', postings(docs.flatMap(({ ref, story }) => story.topics.map((topic): [string, number] => [topic, ref])))),
  }
  files.push({ path: `${SEARCH_DIR}/${FACET_ENTRY_FILE}`, contents: registeringScript(FACET_ENTRY_FILE, entry) })
  return files
}
