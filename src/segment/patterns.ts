// Named shapes of the printed page. Each constant describes one printed form and has
// an example in tests/segment/patterns.test.ts. Bigger patterns are built from parts.

import { surnameScore } from '../lexicon/surnames.js'

const HAN = '\\p{Script=Han}'

/** Reporter titles as printed in bylines: 记者, 融媒首席记者, 本报记者, 通讯员, 特约通讯员… */
export const ROLE_SOURCE = `(?:本报|本台|本刊|融媒体?|全媒体|新媒体|首席|特约|见习|实习|摄影)*(?:记者|通讯员|摄影师|摄影)`
export const ROLE = new RegExp(ROLE_SOURCE, 'u')

/** 2–4 Chinese characters: the length of a personal name. */
export const NAME_SOURCE = `[${HAN}]{2,4}`

const MARKER_SOURCE = `本报讯|本报消息|本台讯|本刊讯|[${HAN}]{2,6}(?:网|台)讯`

/** Markers that open a report: 本报讯, 本报消息, 本台讯, XX网讯. */
export const REPORT_MARKER = new RegExp(`^(?<marker>${MARKER_SOURCE})`, 'u')

/** `本报讯（融媒首席记者 王明）` — the bracket after the marker holds the byline. */
export const MARKER_BYLINE = new RegExp(`^(?<marker>${MARKER_SOURCE})\\s*(?:（(?<byline>[^（）]{1,40})）)?\\s*`, 'u')

/** `□融媒首席记者 陈小华`, `■通讯员 王一鸣`: a byline printed on its own line before the story. */
export const BYLINE_LINE = new RegExp(`^[□■◆●]\\s*(?<byline>${ROLE_SOURCE}\\s*[${HAN}\\s]*)$`, 'u')

/** `■日前，城关镇…`: a brief's bullet in front of its text. */
export const BRIEF_BULLET = /^[■◆●▲]\s*/u

/** `（下转2版）` at the end of a story's last line. */
export const CONTINUED_ON = /\s*[（(](?:下转|转)第?\s*(?<page>\d{1,2}|[一二三四五六七八九十]{1,3})\s*版[）)]\s*$/u

/**
 * The 下转 note ending `text` (CONTINUED_ON), or null. Asked of nearly every line, the pattern,
 * tried from each position, cost each page thread ~0.5 s of a 60,000-story build; only a line
 * ending in `版）` or `版)` (then white space, which trimEnd drops as `\s` matches it) can hold one.
 */
export function continuedOn(text: string): RegExpExecArray | null {
  const end = text.trimEnd()
  return end.endsWith('版）') || end.endsWith('版)') ? CONTINUED_ON.exec(text) : null
}

/** `（上接1版）` in front of a continuation fragment. */
export const CONTINUED_FROM = /^[（(](?:上接|接)第?\s*(?<page>\d{1,2}|[一二三四五六七八九十]{1,3})\s*版[）)]\s*/u

/** `… 融媒记者 王斌 摄`, `孙丽 周强 摄`: a photo credit ending a caption (inline or own line). */
export const PHOTO_CREDIT = new RegExp(
  `(?:^|(?<=[。！？”）\\s]))\\s*(?<credit>[（(]?(?<role>${ROLE_SOURCE})?\\s*(?<names>[${HAN}]{2,4}(?:\\s+[${HAN}]{2,4}){0,3})\\s*/?\\s*摄(?:影)?[）)]?)$`,
  'u',
)

/**
 * A photo credit whose names read as names: with a reporter title, or every name
 * starting with a common surname (`进行了拍摄` is not a credit).
 */
export function matchPhotoCredit(text: string): RegExpExecArray | null {
  // Asked of every line and growing paragraph: the pattern, tried from each position, costs far
  // more than this look at the end, where it must find 摄 or 摄影 and perhaps a closing bracket.
  const end = text.endsWith('）') || text.endsWith(')') ? text.slice(0, -1) : text
  if (!end.endsWith('摄') && !end.endsWith('摄影')) return null
  const m = PHOTO_CREDIT.exec(text)
  if (!m) return null
  if (m.groups?.role) return m
  const names = (m.groups?.names ?? '').split(/\s+/u)
  return names.every((n) => surnameScore(n) === 2) ? m : null
}

/** `（记者 张小燕）`, `（李春华）`, `（记者 叶青/文 宋明/图）`: the bracket's shape; see matchEndBracketCredit. */
const END_BRACKET = /(?:^|(?<=[。！？”]))[（(](?<byline>[^（）()。，！？；]{2,30})[）)]$/u
const ROLE_ANYWHERE = new RegExp(ROLE_SOURCE, 'gu')

export interface CreditMatch {
  index: number
  text: string
  byline: string
}

/**
 * A reporter bracket ending a story: roles, names of 2–4 characters (maybe run
 * together by a line break), `/文` `/图` marks. Checked in two steps so that a long
 * bracket of ordinary words costs linear time.
 */
export function matchEndBracketCredit(text: string): CreditMatch | null {
  // Asked of every line; only one ending in a closing bracket can match.
  if (!text.endsWith('）') && !text.endsWith(')')) return null
  const m = END_BRACKET.exec(text)
  if (!m) return null
  const byline = m.groups?.byline ?? ''
  const rest = byline.replace(ROLE_ANYWHERE, ' ').replace(/\/(?:文|图|摄)/gu, ' ').replace(/[、\s]+/gu, ' ').trim()
  const chunks = rest === '' ? [] : rest.split(' ')
  const nameLike = (chunk: string): boolean => new RegExp(`^[${HAN}]{2,12}$`, 'u').test(chunk) && surnameScore(chunk) > 0
  if (chunks.length === 0 || !chunks.every(nameLike)) return null
  return { index: m.index, text: m[0], byline }
}

/** `… 守护好家园。 本报记者 李春霞` or a line `本报记者 王芳`: a credit without brackets. */
export const END_ROLE_CREDIT = new RegExp(
  `(?:^|(?<=[。！？”]))\\s*(?<byline>(?<role>${ROLE_SOURCE})\\s*[${HAN}]{2,4}(?:\\s+[${HAN}]{2,4}){0,3})$`,
  'u',
)

/** A line holding only a 2–4 character name (`周小红`, `孙 红` once letter-spacing is undone). */
export const NAME_ONLY = new RegExp(`^[${HAN}]{2,4}$`, 'u')

/** Kicker lines end with what a leader said: `王明远在…时强调`, `…调研时要求`. */
export const KICKER = /(?:强调|指出|要求|表示|提出|寄语|批示|指示|希望|部署)$/u

/** Sentence punctuation: a line containing one is running text, not a headline. */
export const SENTENCE_PUNCT = /[，。；、！？]/u

/** A sentence that ends here (closing quotes and brackets may follow). */
export const TERMINAL = /[。！？…][”’」』）]*$/u

const SENTENCE_END = new Set('。！？…')
const CLOSERS = new Set('”’」』）')

/**
 * TERMINAL.test, read from the end: asked of a growing paragraph at each of its lines, the
 * pattern, tried from each position, made classifying a page quadratic in its paragraphs' length.
 */
export function endsSentence(text: string): boolean {
  let i = text.length - 1
  while (i >= 0 && CLOSERS.has(text[i]!)) i--
  return i >= 0 && SENTENCE_END.has(text[i]!)
}
