// Calendar dates as whole days since 1970-01-01, for the packed date facet: consecutive
// stories mostly share a date, so the gap from the previous story's date is usually zero and
// packs into one character. Dates have no time zone here; UTC arithmetic keeps them exact.

const DAY_MS = 86_400_000

export function isoToDay(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number)
  return Math.round(Date.UTC(year!, month! - 1, day!) / DAY_MS)
}

export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** Signed gaps as non-negative numbers: 0, -1, 1, -2, 2 … → 0, 1, 2, 3, 4 … */
export function zigzag(value: number): number {
  return value < 0 ? -2 * value - 1 : 2 * value
}

export function unzigzag(value: number): number {
  return value % 2 === 1 ? -(value + 1) / 2 : value / 2
}
