// The search files of a generated archive (src/synth, through the real pipeline), read as
// the page reads them: results equal a substring scan for names, topics and random runs of
// the text; a first query loads only a few small files, within the byte budget the search
// page promises; and the cache for incremental builds changes nothing but the work done.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { bundleSearchClient } from '../../src/search/bundle-client.js'
import type { DocTerms } from '../../src/search/doc-terms.js'
import { createSearchEngine } from '../../src/search/engine.js'
import { SEARCH_DIR } from '../../src/search/format.js'
import { collectSearchDocs } from '../../src/search/search-docs.js'
import { renderSearchFiles } from '../../src/search/search-files.js'
import { isCjk, normalizeText } from '../../src/search/tokenizer.js'
import { buildModel } from '../../src/pipeline.js'
import { generateArchive } from '../../src/synth/generate.js'
import { DEFAULT_VOCABULARY } from '../../src/synth/vocabulary.js'
import type { OutputFile, SiteModel } from '../../src/types.js'
import { memorySource } from './helpers/memory-source.js'
import { storiesContaining } from './helpers/substring-oracle.js'

/** What the search page may download for a first query, its own script included (issue #5). */
const FIRST_QUERY_BUDGET = 300_000
const SHOWN = 20

async function generatedModel(issues: number, seed: number): Promise<SiteModel> {
  const dir = mkdtempSync(path.join(tmpdir(), 'search-synth-'))
  for (const page of generateArchive({ issues, seed, start: '2021-11-29', vocabulary: DEFAULT_VOCABULARY })) {
    const file = path.join(dir, 'content', page.path)
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, page.text)
  }
  return (await buildModel(path.join(dir, 'content'))).model
}

/** A small deterministic generator, so the sampled queries are the same on every run. */
function sampler(seed: number) {
  let state = seed >>> 0
  return (n: number) => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state % n
  }
}

const byteSize = (file: OutputFile) => Buffer.byteLength(file.contents)

describe('a generated archive', () => {
  let model: SiteModel
  let files: OutputFile[]
  beforeAll(async () => {
    model = await generatedModel(60, 11)
    files = renderSearchFiles(model)
  }, 120_000)


  test('results equal a substring scan: every person and topic, and random runs of story text and their reverses', async () => {
    const source = memorySource(files)
    const engine = createSearchEngine(source)
    // The frequent topics and people are indexed as whole words, so these queries cross words and bigrams.
    expect(source.entry.words.length).toBeGreaterThan(3)
    const docs = collectSearchDocs(model)
    // storiesContaining (the shared oracle), its normalising done once for all queries.
    const texts = docs.map((doc) => [normalizeText(doc.card.titleText), normalizeText(doc.card.body)])
    const scan = (query: string) => {
      const needle = normalizeText(query)
      return docs.filter((_, i) => texts[i]!.some((text) => text.includes(needle))).map((doc) => doc.card.id).sort()
    }
    expect(scan(docs[0]!.peopleNames[0] ?? docs[0]!.card.title)).toEqual(storiesContaining(model, docs[0]!.peopleNames[0] ?? docs[0]!.card.title).map((c) => c.id).sort())
    const ids = (hits: ReadonlyArray<{ doc: number }>) => hits.map((hit) => docs[hit.doc]!.card.id).sort()
    const queries = new Set<string>([...docs.flatMap((doc) => [...doc.peopleNames, ...doc.topics])])
    const next = sampler(20240611)
    for (let i = 0; i < 300; i++) {
      const text = [...normalizeText(docs[next(docs.length)]!.card.body)]
      const start = next(Math.max(1, text.length))
      const run = text.slice(start, start + 1 + next(6))
      if (run.length > 0 && run.every(isCjk)) {
        queries.add(run.join(''))
        queries.add([...run].reverse().join(''))
      }
    }
    expect(queries.size).toBeGreaterThan(200)
    let found = 0
    for (const query of queries) {
      const outcome = await engine.search(query)
      if (outcome.status !== 'done') throw new Error(`${query}: ${outcome.status}`)
      expect(ids(outcome.hits), query).toEqual(scan(query))
      if (outcome.hits.length > 0) found++
    }
    expect(found).toBeGreaterThan(150)
  }, 120_000)

  test('a first query for a name or topic loads the entry, its shard in each tier and the cards shown: within the budget', async () => {
    const size = new Map(files.map((file) => [file.path.slice(SEARCH_DIR.length + 1), byteSize(file)]))
    const docs = collectSearchDocs(model)
    const count = (names: (d: (typeof docs)[number]) => readonly string[]) => {
      const counts = new Map<string, number>()
      for (const doc of docs) for (const name of names(doc)) counts.set(name, (counts.get(name) ?? 0) + 1)
      return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]
    }
    const bundle = Buffer.byteLength(bundleSearchClient())
    for (const query of [count((d) => d.peopleNames), count((d) => d.topics)]) {
      const source = memorySource(files)
      const engine = createSearchEngine(source)
      const outcome = await engine.search(query)
      if (outcome.status !== 'done') throw new Error(query)
      expect(outcome.hits.length, query).toBeGreaterThan(0)
      await engine.cards(outcome.hits.slice(0, SHOWN).map((hit) => hit.doc))
      const loaded = [...new Set(source.loaded)]
      // The most frequent name and topic are indexed whole (words.ts): entry.js names their
      // shard in each tier (format.ts TermTier), so no directory is loaded, and one shard a tier.
      expect(source.entry.words, query).toContain(normalizeText(query))
      expect(loaded.filter((f) => f.startsWith('terms/dir-')), query).toEqual([])
      expect(loaded.filter((f) => /^terms\/\d/.test(f)).length, query).toBeLessThanOrEqual(source.entry.tiers.length)
      // The cards shown come one file each, or all in the top-cards file of a lone indexed word.
      const tops = loaded.filter((f) => f.startsWith('top/')).length
      expect(tops, query).toBeLessThanOrEqual(1)
      expect(loaded.filter((f) => f.startsWith('docs/')).length, query).toBe(tops === 1 ? 0 : Math.min(SHOWN, outcome.hits.length))
      const bytes = bundle + size.get('entry.js')! + loaded.reduce((sum, file) => sum + size.get(file)!, 0)
      expect(bytes, query).toBeLessThanOrEqual(FIRST_QUERY_BUDGET)
    }
  })

  test('with a cache: byte-identical files, and a new issue tokenizes only its own stories', async () => {
    const cache = new Map<string, DocTerms>()
    let sets = 0
    const counting = { get: (key: string) => cache.get(key), set: (key: string, value: DocTerms) => (sets++, cache.set(key, value)) }
    const older: SiteModel = { ...model, issues: model.issues.slice(0, -1) }
    renderSearchFiles(older, { cache: counting })
    expect(sets).toBe(collectSearchDocs(older).length)
    // JSON round trip: a cache kept on disk gives the same result.
    const reloaded = new Map(JSON.parse(JSON.stringify([...cache])) as Array<[string, DocTerms]>)
    sets = 0
    const warm = renderSearchFiles(model, { cache: { get: (key) => reloaded.get(key), set: (key, value) => (sets++, reloaded.set(key, value)) } })
    expect(sets).toBe(collectSearchDocs(model).length - collectSearchDocs(older).length)
    expect(warm.map((f) => [f.path, Buffer.from(f.contents).toString('utf8')])).toEqual(files.map((f) => [f.path, Buffer.from(f.contents).toString('utf8')]))
  })
})
