import { describe, expect, test } from 'vitest'
import { SEARCH_ENTRY_FILE } from '../../src/search/format.js'
import { renderSearchFiles } from '../../src/search/search-files.js'
import { TOKENIZER_VERSION } from '../../src/search/tokenizer.js'
import { makeModel, sampleModel } from './fixtures/site-model.js'
import { memorySource, runRegisteringScript } from './helpers/memory-source.js'

describe('renderSearchFiles', () => {
  test('each file registers itself under its own name', () => {
    for (const file of renderSearchFiles(sampleModel(), { shardBudget: 40 })) {
      expect(runRegisteringScript(String(file.contents)).name).toBe(file.path.replace(/^search\//, ''))
    }
  })

  test('the entry records the tokenizer version', () => {
    expect(memorySource(renderSearchFiles(sampleModel())).entry.tokenizer).toBe(TOKENIZER_VERSION)
  })

  test('the same model gives byte-identical files', () => {
    expect(renderSearchFiles(sampleModel())).toEqual(renderSearchFiles(sampleModel()))
  })

  test('data files are named by a hash of their content; the entry is not', () => {
    const paths = renderSearchFiles(sampleModel()).map((f) => f.path)
    expect(paths).toContain(`search/${SEARCH_ENTRY_FILE}`)
    for (const path of paths.filter((p) => !p.endsWith(SEARCH_ENTRY_FILE))) expect(path).toMatch(/-[0-9a-f]{10}\.js$/)
  })

  test('a model without stories still has a searchable (empty) index', async () => {
    const source = memorySource(renderSearchFiles(makeModel([])))
    expect(source.entry).toMatchObject({ docCount: 0, shards: [], docChunks: [] })
  })

  test('text that looks like markup or a script terminator stays inert inside the script', () => {
    const model = sampleModel()
    model.issues[0]!.pages[0]!.stories[0]!.paragraphs[0]!.text = '</script><script>alert(1)</script>\u2028'
    const chunk = renderSearchFiles(model).find((f) => f.path.startsWith('search/docs/'))!
    expect(String(chunk.contents)).not.toContain('</script>')
    expect(String(chunk.contents)).not.toContain('\u2028')
    expect(JSON.stringify(runRegisteringScript(String(chunk.contents)).data)).toContain('</script><script>alert(1)</script>')
  })
})
