// Words the pages use for the model's closed unions and dates.

import type { BlockKind, StoryKind } from '../types.js'

export const STORY_KIND_LABEL: Record<StoryKind, string> = {
  report: '报道',
  photo: '图片新闻',
  brief: '简讯',
}

export const LINE_KIND_LABEL: Record<BlockKind, string> = {
  headline: '标题',
  kicker: '引题',
  column: '栏目',
  byline: '署名',
  dateline: '电头',
  body: '正文',
  caption: '图片说明',
  'photo-credit': '摄影署名',
  continuation: '转版',
  ad: '广告',
  masthead: '报头',
  fragment: '残段',
}

// A site's pages print the same few thousand dates hundreds of thousands of times (every
// list of stories), so each is formatted once; the cap only bounds a pathological archive.
const formattedDates = new Map<string, string>()
const DATES_KEPT = 100_000

/** `2022-06-07` → `2022年6月7日`; the date is a calendar date, so no Date object (or time zone) is involved. */
export function formatDate(date: string): string {
  let formatted = formattedDates.get(date)
  if (formatted === undefined) {
    const [year, month, day] = date.split('-')
    formatted = `${year}年${Number(month)}月${Number(day)}日`
    if (formattedDates.size < DATES_KEPT) formattedDates.set(date, formatted)
  }
  return formatted
}

/** `2022-06` (or `2022-06-07`) → `2022年6月`. */
export function formatMonth(month: string): string {
  const [year, number] = month.split('-')
  return `${year}年${Number(number)}月`
}

/** At most `max` characters (code points, so no surrogate pair is cut), with `…` when cut. */
export function clipText(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}
