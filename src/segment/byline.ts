import { surnameScore } from '../lexicon/surnames.js'
import type { BylineEntry } from '../types.js'
import { ROLE_SOURCE } from './patterns.js'

const ROLE_GLOBAL = new RegExp(ROLE_SOURCE, 'gu')
/** What separates names in a byline: spaces, 、, and the `/文` `/图` `/摄` of mixed credits. */
const NAME_SEPARATOR = /[\s、，,；]+|\/(?:文|图|摄)?/u

/**
 * Reads a byline as printed — `融媒首席记者 王明`, `记者 孙丽 通讯员林华`,
 * `记者 叶青/文 宋明/图`, `李春华` — into names with their roles.
 */
export function parseByline(text: string): BylineEntry[] {
  const entries: BylineEntry[] = []
  const cleaned = text.replace(/^[□■◆●▲\s]+/u, '').replace(/[（）()]/gu, ' ').replace(/\s*摄\s*$/u, '').trim()
  const roles = [...cleaned.matchAll(ROLE_GLOBAL)]
  const segments: { role: string | null; names: string }[] = []
  if (roles.length === 0) segments.push({ role: null, names: cleaned })
  else {
    const head = cleaned.slice(0, roles[0]?.index ?? 0).trim()
    if (head) segments.push({ role: null, names: head })
    roles.forEach((m, k) => {
      const end = roles[k + 1]?.index ?? cleaned.length
      segments.push({ role: m[0], names: cleaned.slice((m.index ?? 0) + m[0].length, end) })
    })
  }
  for (const { role, names } of segments) {
    for (const chunk of names.split(NAME_SEPARATOR)) {
      for (const name of splitNames(chunk.replace(/[^\p{Script=Han}·]/gu, ''))) entries.push({ name, role })
    }
  }
  return entries
}

/**
 * Splits a run of names printed without a separator (`王一鸣张华强`, after a line
 * break joined them) at surnames, preferring names of 2–3 characters.
 */
export function splitNames(run: string): string[] {
  const chars = [...run]
  if (chars.length <= 4) return chars.length >= 2 ? [run] : []
  // best[i]: the best split of chars[0..i) as [score, names]
  const best: ([number, string[]] | null)[] = [[0, []]]
  for (let i = 1; i <= chars.length; i++) {
    best[i] = null
    for (const len of [2, 3, 4]) {
      const from = i - len
      const prev = from >= 0 ? best[from] : null
      if (!prev) continue
      const name = chars.slice(from, i).join('')
      const surname = surnameScore(name)
      const score = prev[0] - 1 + (surname === 2 ? 3 : surname === 1 ? 1 : -2) + (len === 3 ? 0.5 : len === 4 ? -1 : 0)
      const current = best[i]
      if (!current || score > current[0]) best[i] = [score, [...prev[1], name]]
    }
  }
  return best[chars.length]?.[1] ?? [run]
}
