// A fixed piece of work that does not use the archive's code: JSON, sorting, string building
// and SHA-256 over the same data every time. This machine's speed drifts by a quarter or more
// within an hour, so the bench times it before and after the builds, and two tables are
// comparable only when their speed checks are.
import { createHash } from 'node:crypto'

function work(): number {
  // A deterministic pseudo-random sequence (xorshift), the same on every run.
  let x = 2463534242
  const next = (): number => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return x >>> 0
  }
  const records = Array.from({ length: 60_000 }, (_, i) => ({ id: i, title: `第${next() % 1000}版 报道${next().toString(36)}`, people: [next() % 5000, next() % 5000], score: next() / 2 ** 32 }))
  const text = JSON.stringify(records)
  const parsed = JSON.parse(text) as typeof records
  parsed.sort((a, b) => a.score - b.score || a.id - b.id)
  const hash = createHash('sha256')
  for (const r of parsed) hash.update(`${r.title}\u0000${r.people.join(',')}`)
  return hash.digest()[0]!
}

/** Milliseconds the fixed work takes: the median of `times` runs (after one to warm up). */
export function speedCheck(times = 7): number {
  work()
  const ms: number[] = []
  for (let i = 0; i < times; i++) {
    const started = performance.now()
    work()
    ms.push(performance.now() - started)
  }
  return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)]!
}
