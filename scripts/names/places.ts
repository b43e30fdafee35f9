// npm run name-places  (writes src/lexicon/places.json)
// The base names of China's provinces, cities, counties and districts (金华市 → its first
// characters before 市), from the china-area-data package (GB/T 2260 divisions, MIT). The
// tagger never takes one of them for a name the model reads alone: a place that starts
// with a surname character (`金…`, `温…`) reads like a name to a model that sees only
// characters. Stored as code points, like the model's weights, one place a row.
// Deterministic: sorted, no date.
import { createRequire } from 'node:module'
import { writeFileSync } from 'node:fs'

const divisions = createRequire(import.meta.url)('china-area-data/data.json') as Record<string, Record<string, string>>
const SUFFIX = /(?:特别行政区|自治区|自治州|自治县|自治旗|地区|林区|新区|矿区|省|市|县|区|盟|旗)$/u
const names = new Set<string>()
for (const level of Object.values(divisions)) {
  for (const full of Object.values(level)) {
    if (/自治/u.test(full)) continue // 恩施土家族苗族自治州: the base name is not simply what precedes the suffix
    const base = full.replace(SUFFIX, '')
    if (base !== full && [...base].length >= 2 && /^\p{Script=Han}+$/u.test(base)) names.add(base)
  }
}
const rows = [...names].sort().map((n) => `    ${JSON.stringify([...n].map((c) => c.codePointAt(0)))}`)
writeFileSync(
  'src/lexicon/places.json',
  `{\n  "source": "base names of the divisions in china-area-data 5 (GB/T 2260), by scripts/names/places.ts",\n  "places": [\n${rows.join(',\n')}\n  ]\n}\n`,
)
process.stdout.write(`${names.size} place names\n`)
