// Page furniture: mastheads, page headers, dates, weather, ads, hotlines and promos.
// "Strong" shapes are furniture wherever they stand; "weak" shapes only when the line
// is not running text (no sentence punctuation, not inside an open paragraph).

export type FurnitureKind = 'masthead' | 'ad'

interface Shape {
  kind: FurnitureKind
  pattern: RegExp
  /** Longest line (in characters) the shape applies to. */
  maxLength: number
}

const STRONG: Shape[] = [
  /** `EXAMPLE DAILY`, `E X A M P L E  D A I L Y` (after letter-spacing is undone) */
  { kind: 'masthead', pattern: /^[A-Z][A-Z .]{4,}$/u, maxLength: 40 },
  /** `2023年3月3日 星期五`, `2 乡村 2023年3月3日 星期五` */
  { kind: 'masthead', pattern: /\d{4}年\d{1,2}月\d{1,2}日.*(?:星期|周[一二三四五六日天]|农历)|(?:星期|农历).*\d{4}年\d{1,2}月\d{1,2}日/u, maxLength: 50 },
  { kind: 'masthead', pattern: /^\d{4}年\d{1,2}月\d{1,2}日$/u, maxLength: 12 },
  /** `农历癸卯年二月十二`, `癸卯年二月十二` */
  { kind: 'masthead', pattern: /农历|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年[正一二三四五六七八九十冬腊]+月/u, maxLength: 30 },
  /** `今日4版`, `总第1234期`, `国内统一刊号：CN00-0000` */
  { kind: 'masthead', pattern: /今日\s*\d+\s*版|本期\s*\d+\s*版|总?第\s*\d+\s*期|统一刊号|CN\s*\d{2}\s*-\s*\d{4}|邮发代号/u, maxLength: 50 },
  /** `今天晴 8℃～16℃`, `西北风2级` */
  { kind: 'masthead', pattern: /-?\d+\s*(?:℃|°C)|[东南西北]{1,2}风\s*\d|^今[天日](?:白天|夜间)?[^，。]{0,4}(?:晴|阴|雨|雪|多云)/u, maxLength: 40 },
  /** `地址：…`, `热线：…`, `投稿邮箱：…` */
  { kind: 'ad', pattern: /^(?:[\p{Script=Han}]{0,4}(?:地址|热线|电话|邮箱|传真|网址|邮编)|售楼处|微信号?)\s*[：:]/u, maxLength: 40 },
  /** a phone number or e-mail address standing in a short line */
  { kind: 'ad', pattern: /(?:^|\D)0\d{2,3}-\d{7,8}(?:\D|$)|[\w.-]+@[\w-]+\.[\w.]+/u, maxLength: 30 },
  /** `版权所有 All Rights Reserved`, `◎《示例日报》…` */
  { kind: 'masthead', pattern: /版权所有|All Rights Reserved|©|◎/iu, maxLength: 60 },
  /** `策划：新闻部`, `责任编辑：…` */
  { kind: 'masthead', pattern: /^(?:策划|编辑|责编|责任编辑|美编|校对|审核|统筹|版式|组版|视觉|本版编辑)\s*[：:]/u, maxLength: 30 },
]

const WEAK: Shape[] = [
  /** `示例县融媒体中心出品`, `示例日报社 出版`, `示例县融媒体中心 敬贺` */
  { kind: 'masthead', pattern: /(?:出版|出品|主办|承办|印刷|敬贺|恭贺|敬祝|敬上)$/u, maxLength: 20 },
  /** app and social-media promos */
  { kind: 'ad', pattern: /客户端|\bapp\b|扫码|扫一扫|二维码|下载|公众号|视频号|抖音|关注[“"]/iu, maxLength: 24 },
  /** greetings: `中秋快乐`, `新春快乐` */
  { kind: 'ad', pattern: /^[\p{Script=Han}]{0,6}(?:安康|快乐|吉祥|如意|大吉)$/u, maxLength: 10 },
  { kind: 'ad', pattern: /广告/u, maxLength: 16 },
  /** page numbers in the page header: `2`, `A1` */
  { kind: 'masthead', pattern: /^[A-Z]?\d{1,2}$/u, maxLength: 3 },
]

/** Characters, not UTF-16 units: a rare Han character outside the BMP is one. */
const length = (text: string): number => [...text].length

function match(shapes: Shape[], text: string): FurnitureKind | null {
  // Counted once for every shape: this runs for each line of every page.
  const chars = length(text)
  for (const shape of shapes) if (chars <= shape.maxLength && shape.pattern.test(text)) return shape.kind
  return null
}

/** Furniture that is furniture wherever it stands. */
export function strongFurniture(text: string, paper: string): FurnitureKind | null {
  const compact = text.replace(/\s+/gu, '')
  if (paper && (compact === paper || compact === `《${paper}》`)) return 'masthead'
  return match(STRONG, text)
}

/** Furniture shapes that could also be words of a story; only for lines that are not running text. */
export function weakFurniture(text: string, paper: string): FurnitureKind | null {
  const compact = text.replace(/\s+/gu, '')
  if (paper && compact.includes(paper) && length(compact) <= length(paper) + 6) return 'masthead'
  return match(WEAK, text)
}
