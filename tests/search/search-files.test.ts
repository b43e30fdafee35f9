import { describe, expect, test } from 'vitest'
import { SEARCH_ENTRY_FILE } from '../../src/search/format.js'
import { collectSearchDocs } from '../../src/search/search-docs.js'
import { renderSearchFiles } from '../../src/search/search-files.js'
import { TOKENIZER_VERSION } from '../../src/search/tokenizer.js'
import { makeModel, sampleModel } from './fixtures/site-model.js'
import { memorySource, runRegisteringScript, runRegisteringScripts } from './helpers/memory-source.js'

describe('renderSearchFiles', () => {
  test('each file registers itself under its own name; a top-cards file first registers cards equal to their own files', () => {
    const files = renderSearchFiles(sampleModel(), { shardBudget: 40, wordMinDocs: 1 })
    const byName = new Map(files.map((file) => [file.path.replace(/^search\//, ''), String(file.contents)]))
    let bundled = 0
    for (const [name, contents] of byName) {
      if (!name.startsWith('top/')) {
        expect(runRegisteringScript(contents).name).toBe(name)
        continue
      }
      const registered = runRegisteringScripts(contents)
      expect(registered.at(-1)!.name).toBe(name)
      for (const card of registered.slice(0, -1)) {
        expect(card.name).toMatch(/^docs\//)
        expect(card.data).toEqual(runRegisteringScript(byName.get(card.name)!).data)
        bundled++
      }
    }
    expect(bundled).toBeGreaterThan(0)
  })

  test('the entry records the tokenizer version', () => {
    expect(memorySource(renderSearchFiles(sampleModel())).entry.tokenizer).toBe(TOKENIZER_VERSION)
  })

  test('the same model gives byte-identical files', () => {
    expect(renderSearchFiles(sampleModel())).toEqual(renderSearchFiles(sampleModel()))
  })

  test('data files are named by a hash of their content; the entries and the cards (named by doc number) are not', () => {
    const paths = renderSearchFiles(sampleModel()).map((f) => f.path)
    expect(paths).toContain(`search/${SEARCH_ENTRY_FILE}`)
    expect(paths).toContain('search/facet-entry.js')
    const cards = paths.filter((p) => p.startsWith('search/docs/'))
    expect(cards).toHaveLength(collectSearchDocs(sampleModel()).length)
    for (const path of cards) expect(path).toMatch(/^search\/docs\/\d+\/\d+\.js$/)
    for (const path of paths.filter((p) => !p.endsWith('entry.js') && !p.startsWith('search/docs/'))) expect(path).toMatch(/-[0-9a-f]{10}\.js$/)
  })

  test('a model without stories still has a searchable (empty) index', async () => {
    const source = memorySource(renderSearchFiles(makeModel([])))
    expect(source.entry).toMatchObject({ docCount: 0, tiers: [{ from: 0, shardDirs: [], wordShards: [] }] })
  })

  test('text that looks like markup or a script terminator stays inert inside the script', () => {
    const model = sampleModel()
    model.issues[0]!.pages[0]!.stories[0]!.paragraphs[0]!.text = '</script><script>alert(1)</script>\u2028'
    const files = renderSearchFiles(model)
    for (const file of files) {
      expect(String(file.contents)).not.toContain('</script>')
      expect(String(file.contents)).not.toContain('\u2028')
    }
    const card = files.filter((f) => f.path.startsWith('search/docs/')).map((f) => JSON.stringify(runRegisteringScript(String(f.contents)).data))
    expect(card.some((data) => data.includes('</script><script>alert(1)</script>'))).toBe(true)
  })

  test("a card's body is its story's text, made when read, in its place in the card's JSON", () => {
    const model = sampleModel()
    for (const doc of collectSearchDocs(model)) {
      expect(Object.getOwnPropertyDescriptor(doc.card, 'body')?.get).toBeTypeOf('function')
      const story = doc.story!
      expect(doc.card.body).toBe(story.paragraphs.map((p) => p.text).join('\n\n'))
      const keys = Object.keys(JSON.parse(JSON.stringify(doc.card)) as object)
      expect(keys).toEqual(['id', 'url', 'title', 'column', 'date', 'issueDate', 'page', 'titleText', 'body'])
    }
  })
})
