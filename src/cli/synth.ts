import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { generateArchive } from '../synth/generate.js'
import { parseCommandLine } from './args.js'
import { DEFAULT_VOCABULARY, type Vocabulary } from '../synth/vocabulary.js'

const USAGE = `usage: npm run synth -- --issues N --out DIR [--seed S] [--start YYYY-MM-DD] [--vocabulary FILE]

Writes a synthetic archive: DIR/content/YYYY/YYYY-MM-DD/page-NN.txt and its answer key
DIR/expected.json (the format of tests/fixtures/seed-gold.json). Same seed, same archive.`

async function main(): Promise<number> {
  const line = parseCommandLine(
    {
      issues: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      start: { type: 'string', default: '2015-01-05' },
      vocabulary: { type: 'string' },
    },
    USAGE,
  )
  if (typeof line === 'number') return line
  const { values } = line
  const issues = Number(values.issues)
  if (!values.out || !Number.isInteger(issues) || issues < 1) {
    process.stderr.write(`${USAGE}\n`)
    return 2
  }
  const vocabulary: Vocabulary = values.vocabulary
    ? { ...DEFAULT_VOCABULARY, ...(JSON.parse(await readFile(values.vocabulary, 'utf8')) as Partial<Vocabulary>) }
    : DEFAULT_VOCABULARY
  const content = path.join(values.out, 'content')
  const expected = []
  let stories = 0
  for (const page of generateArchive({ issues, seed: Number(values.seed), start: values.start, vocabulary })) {
    const file = path.join(content, page.path)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, page.text)
    expected.push(page.expected)
    stories += page.expected.stories.length
  }
  await writeFile(path.join(values.out, 'expected.json'), `${JSON.stringify({ about: 'Synthetic answer key written by npm run synth.', pages: expected }, null, 1)}\n`)
  process.stdout.write(`[synth] ${issues} issues, ${expected.length} pages, ${stories} stories → ${content} (key: ${path.join(values.out, 'expected.json')})\n`)
  return 0
}

main().then((code) => {
  process.exitCode = code
})
