import { undoLetterSpacing } from '../normalize/index.js'
import { addDays } from '../tag/event-date.js'
import { Random } from './random.js'
import type { Vocabulary } from './vocabulary.js'

// A synthetic archive with the shapes and the extraction damage of real county-paper
// pages, and its answer key in the format of the hand-made keys.

export interface ExpectedStory {
  kind: 'report' | 'photo'
  headline: string[]
  column?: string
  byline: { role: string | null; names: string[] }
  date: string | null
  lead: string
  end: string
  people: string[]
  roles: Record<string, string>
  topics: string[]
  continuedOn?: number
}

export interface ExpectedPage {
  seed: string
  content: string
  issueDate: string
  page: number
  stories: ExpectedStory[]
  notInAnyStory: string[]
}

export interface SynthPage {
  path: string
  text: string
  expected: ExpectedPage
}

export interface SynthOptions {
  issues: number
  seed: number
  /** First issue date; issues follow on weekdays. */
  start: string
  vocabulary: Vocabulary
}

const WEEKDAYS = '日一二三四五六'
const DIGITS_CN = ['', '一', '二', '三', '四']

const weekday = (iso: string): string => WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()] as string
const monthDay = (iso: string): string => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`

interface Story {
  expected: ExpectedStory
  /** printed lines, before the page's wrapping */
  before: string[]
  bylineLine: string | null
  paragraphs: string[]
  after: string[]
}

function personName(r: Random, v: Vocabulary, taken: Set<string>): string {
  for (;;) {
    const name = r.pick(v.surnames) + r.pick(v.givenChars) + (r.chance(0.8) ? r.pick(v.givenChars) : '')
    // No name may be the start of another: the tagger would rightly read the longer one.
    if (!taken.has(name) && !taken.has(name.slice(0, 2)) && !taken.has(`^${name}`)) {
      taken.add(name).add(`^${name.slice(0, 2)}`)
      return name
    }
  }
}

/** Days an official stays in office: two to five years, as in a county's leadership. */
const TERM_DAYS: readonly [number, number] = [700, 1800]
/** City leaders besides the titled offices, who fill the 市领导…参加 lists. */
const LEADERS = 24
/** Reporters on the paper's staff. */
const STAFF = 30

interface Term {
  name: string
  until: string
}

/**
 * The people of an archive: a paper's staff and a county's leaders recur for years, and
 * offices change hands, so the same names come back under the same (and then other)
 * titles — which is what person pages, role timelines and search are built for. Names are
 * unique over the whole archive.
 */
class Cast {
  private readonly taken = new Set<string>()
  private readonly offices = new Map<string, Term>()
  private readonly leaders: Term[] = []
  private readonly staff: { name: string; role: string }[]

  constructor(
    private readonly r: Random,
    private readonly v: Vocabulary,
  ) {
    this.staff = Array.from({ length: STAFF }, () => ({ name: this.newName(), role: r.pick(v.reporterRoles) }))
  }

  private newName(): string {
    return personName(this.r, this.v, this.taken)
  }

  private serving(term: Term | undefined, date: string): Term {
    if (term && term.until >= date) return term
    return { name: this.newName(), until: addDays(date, this.r.int(...TERM_DAYS)) }
  }

  /** Who holds `role` on `date`. */
  holder(role: string, date: string): string {
    const term = this.serving(this.offices.get(role), date)
    this.offices.set(role, term)
    return term.name
  }

  /** `n` distinct city leaders serving on `date`, none of them in `except`. */
  cityLeaders(date: string, n: number, except: string): string[] {
    for (let i = 0; i < LEADERS; i++) this.leaders[i] = this.serving(this.leaders[i], date)
    return this.r.sample(this.leaders.map((t) => t.name).filter((name) => name !== except), n)
  }

  /** Someone printed in this story only. */
  newcomer(): string {
    return this.newName()
  }

  reporter(): { name: string; role: string } {
    return this.r.pick(this.staff)
  }
}

function makeStory(r: Random, v: Vocabulary, cast: Cast, issueDate: string, photo: boolean): Story {
  const topic = r.pick(Object.keys(v.topics))
  const phrases = v.topics[topic] as string[]
  const ago = r.int(1, 3)
  const eventDate = addDays(issueDate, -ago)
  const dateText = ago === 1 && r.chance(0.2) ? '昨天' : monthDay(eventDate) + r.pick(['上午', '下午', '', '晚'])
  const { name: reporter, role: reporterRole } = cast.reporter()

  if (photo) {
    const photographer = cast.reporter().name
    const place = r.pick(v.places)
    const caption = `${dateText}，${place}干部群众积极行动，${r.pick(phrases)}，现场气氛热烈。图为${place}工作人员正在忙碌。`
    const title = `${place}${r.pick(['一线见闻', '新气象', '忙起来'])}`
    return {
      expected: {
        kind: 'photo', headline: [title], byline: { role: reporterRole, names: [photographer] }, date: eventDate,
        lead: caption.slice(0, 12), end: caption.slice(-12), people: [], roles: {}, topics: [],
      },
      before: [title],
      bylineLine: null,
      paragraphs: [caption, `${reporterRole} ${photographer} 摄`],
      after: [],
    }
  }

  const role = r.pick(v.roles)
  const leader = cast.holder(role, issueDate)
  const others = cast.cityLeaders(issueDate, r.int(2, 5), leader)
  const verb = r.pick(v.verbs)
  const place = r.pick(v.places)
  const company = r.pick(v.companies)
  const p1 = `${dateText}，${role}${leader}带队到${place}${verb}${topic}工作。市领导${others.join('、')}参加${verb}。`
  const body = [p1]
  body.push(`在${company}，${leader}详细了解企业生产经营情况，听取相关负责人的汇报，并与企业家座谈交流。`)
  // Most local people are printed once: a manager, a villager, a teacher.
  const local = r.chance(0.6) ? cast.newcomer() : null
  if (local) body.push(`${company}负责人${local}介绍，今年以来企业订单饱满，产值同比增长${r.int(5, 30)}%。`)
  for (let k = r.int(1, 3); k > 0; k--) {
    body.push(`${leader}强调，要${r.pick(phrases)}，${r.pick(phrases)}，坚持问题导向和目标导向，确保各项工作取得实效。要${r.pick(phrases)}，全力推动高质量发展。`)
  }
  const kicker = r.chance(0.6) ? `${leader}在${verb}${topic}工作时强调` : null
  // Real headlines share words with their lead; a kicker-less one names who did what.
  const title = kicker ? r.pick(phrases).replace(/[，、]/gu, '') : `${leader}到${place}${verb}${topic}工作`
  const headline = [...(kicker ? [kicker] : []), title, ...(r.chance(0.3) ? [`${place}${r.pick(['奋力争先', '全力以赴', '再上台阶'])}`] : [])]
  const style = r.pick(['bracket', 'bracket', 'line', 'end'] as const)
  const continued = r.chance(0.05) ? r.int(2, 4) : undefined
  const paragraphs = [...body]
  if (style === 'end') paragraphs[paragraphs.length - 1] += `（${reporterRole} ${reporter}）`
  if (continued) paragraphs[paragraphs.length - 1] += `（下转${continued}版）`
  const marker = style === 'bracket' ? `本报讯（${reporterRole} ${reporter}）` : '本报讯 '
  paragraphs[0] = marker + paragraphs[0]
  const side = r.chance(0.3) ? 'after' : 'before'
  return {
    expected: {
      kind: 'report', headline, byline: { role: reporterRole, names: [reporter] }, date: eventDate,
      lead: p1.slice(0, 12), end: (body[body.length - 1] as string).slice(-12),
      people: [leader, ...others, ...(local ? [local] : [])], roles: { [leader]: role }, topics: [topic],
      ...(continued ? { continuedOn: continued } : {}),
    },
    before: side === 'before' ? headline : [],
    bylineLine: style === 'line' ? `□${reporterRole} ${reporter}` : null,
    paragraphs,
    after: side === 'after' ? headline : [],
  }
}

const ASCII: Record<string, string> = { '，': ',', '（': '(', '）': ')', '：': ':', '；': ';', '！': '!', '？': '?' }

interface Damage {
  width: number
  doubleSpaced: boolean
  asciiPunctuation: boolean
}

/** Hard-wraps a paragraph and damages it the way PDF extraction does. */
function wrap(r: Random, text: string, d: Damage): string[] {
  const chars = [...(d.asciiPunctuation ? text.replace(/[，（）：；！？]/gu, (c) => ASCII[c] as string) : text)]
  const lines: string[] = []
  for (let i = 0; i < chars.length; i += d.width) {
    let line = chars.slice(i, i + d.width).join('')
    if (r.chance(0.03) && !/[（）()]/u.test(line)) line = [...line].join(' ') // letter-spaced line
    lines.push(line)
    if (i + d.width < chars.length && (d.doubleSpaced || r.chance(0.04))) lines.push('') // blank line inside the paragraph
  }
  return lines
}

function makePage(r: Random, v: Vocabulary, cast: Cast, issueDate: string, page: number, pages: number): SynthPage {
  const d: Damage = { width: r.int(14, 18), doubleSpaced: r.chance(0.3), asciiPunctuation: r.chance(0.1) }
  const lines: string[] = []
  const furniture: string[] = []
  const [y, m, day] = issueDate.split('-').map(Number) as [number, number, number]
  const dateLine = `${y}年${m}月${day}日 星期${weekday(issueDate)}`
  if (page === 1) {
    const masthead = [[...v.paper].join(' '), dateLine, `今日${pages}版`]
    lines.push(...masthead, '')
    furniture.push(dateLine, `今日${pages}版`)
  } else {
    lines.push(String(page), `第${DIGITS_CN[page] ?? page}版`, dateLine, '')
    furniture.push(dateLine)
  }
  const stories: Story[] = []
  const count = r.int(3, 7)
  for (let k = 0; k < count; k++) stories.push(makeStory(r, v, cast, issueDate, k > 0 && r.chance(0.1)))
  stories.forEach((s, k) => {
    lines.push(...s.before)
    if (s.before.length) lines.push('')
    if (s.bylineLine) lines.push(s.bylineLine, '')
    s.paragraphs.forEach((p, i) => {
      lines.push(...wrap(r, p, d))
      if (i < s.paragraphs.length - 1) lines.push(...(d.doubleSpaced ? [''] : []))
    })
    lines.push('')
    if (s.after.length) lines.push(...s.after, '')
    if (k < stories.length - 1 && r.chance(0.15)) {
      const ad = r.pick(v.ads)
      lines.push('', ...ad, '')
      furniture.push(...ad.filter((l) => /[：:]/u.test(l)))
    }
    lines.push(...Array.from({ length: r.int(0, 2) }, () => ''))
  })
  const contentPath = `${issueDate.slice(0, 4)}/${issueDate}/page-${String(page).padStart(2, '0')}.txt`
  const text = `---\npaper: ${v.paper}\ndate: ${issueDate}\npage: ${page}\nsource: synth\n---\n${lines.join('\n')}\n`
  return {
    path: contentPath,
    text,
    expected: {
      seed: contentPath,
      content: contentPath,
      issueDate,
      page,
      stories: stories.map((s) => ({ ...s.expected, headline: s.expected.headline.map(undoLetterSpacing) })),
      notInAnyStory: furniture,
    },
  }
}

/** Yields the pages of a synthetic archive, issue by issue (weekdays from `start`). */
export function* generateArchive(options: SynthOptions): Generator<SynthPage> {
  const r = new Random(options.seed)
  const cast = new Cast(r, options.vocabulary)
  let date = options.start
  for (let i = 0; i < options.issues; i++) {
    while (['六', '日'].includes(weekday(date))) date = addDays(date, 1)
    const pages = r.int(1, 4)
    for (let p = 1; p <= pages; p++) yield makePage(r, options.vocabulary, cast, date, p, pages)
    date = addDays(date, 1)
  }
}
