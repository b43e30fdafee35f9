/** `6月4日上午，`, `昨天下午，`: the dateline that opens a lead says nothing a title needs. */
const LEADING_DATELINE = /^(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|\d{1,2}日|昨天|昨日|今天|今日|近日|日前|近期)(?:上午|下午|晚上|晚间|晚|早上|傍晚|中午|凌晨|夜间)?[，,]?/u

const MAX_TITLE = 28

/**
 * Makes a title from a story's lead when the page prints no headline: the first
 * sentence without its dateline, cut at a clause boundary when it is long.
 */
export function deriveTitle(lead: string): string {
  const sentence = (lead.split(/[。！？；]/u)[0] ?? '').replace(LEADING_DATELINE, '').trim()
  const chars = [...sentence]
  if (chars.length <= MAX_TITLE) return sentence
  const head = chars.slice(0, MAX_TITLE).join('')
  const cut = Math.max(head.lastIndexOf('，'), head.lastIndexOf('、'))
  return `${cut >= 8 ? head.slice(0, cut) : head}…`
}
