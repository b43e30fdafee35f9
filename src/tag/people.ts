import { readFileSync } from 'node:fs'
import { COMMON_SURNAMES, COMPOUND_SURNAMES, mayStartSurname, SURNAMES, surnameScore } from '../lexicon/surnames.js'
import { defaultNameModel, modelNames, spanProbability, type ModelName, type NameModel } from './name-model.js'
import { endsName, readName, startsWithFollowerWord } from './name-shape.js'
import { findOrganizations } from './organizations.js'
import { shippedTagger, tagNames, type TaggedSpan, type TaggerModel } from './name-tagger.js'
import { officeAfterName, titleAfterSurname } from './surname-mentions.js'

/** Chinese characters only, nothing else. */
const HAN_RUN = /^\p{Script=Han}+$/u

const COMPOUND_SURNAME_LENGTH = (name: string): number => (COMPOUND_SURNAMES.has(name.slice(0, 2)) ? 2 : 1)

// People as this genre prints them: a title right before the name (`市委书记王明远`),
// a list after a group label (`市领导孙丽华、钱一鸣…参加`), or a name followed by
// 总书记 / 同志. Each found name keeps the title printed before it in that story.

/** The last word of a title printed before a name: 书记, 副市长, 主任, 传承人, 村民… */
const TITLE_END = new RegExp(
  `(?:(?<!总)书记|常委|委员|市长|县长|区长|镇长|乡长|村长|省长|州长|主任|主席|部长|局长|处长|科长|厅长|司长|行长|组长|秘书长|社长|台长|董事长|总经理|经理|总裁|总监|创始人|传承人|院长|校长|所长|站长|队长|厂长|会长|理事长|检察长|庭长|政委|专家|教授|医生|居民|村民|工人|农民|职工|党员|大户|贫困户|运营官|负责人|代表|干部|民警|教师|老师|志愿者|馆长|团长|巡视员|调研员)$`,
  'u',
)
/** Labels that introduce a list of names without titles: 市领导, 县领导, 区领导. */
const GROUP_LABEL = /(?:[市县区镇乡省州]领导|市委常委|县委常委|区委常委|领导同志|出席会议的有|参加会议的有)$/u
/** After a name, a title that does not count as a role (`刘大江同志`). */
const TITLE_AFTER = /^(?:总书记|同志|总理|副总理|主席|副主席|委员长|院士|先生|女士)/u
/** What a person does at the start of a clause (`…。李华强说，`): the verbs of reported speech. */
const SPEECH_AFTER = /^(?:说|表示|指出|强调|认为|介绍|告诉记者|回忆)/u

/** What cannot stand inside a printed title: clause punctuation, brackets, spaces. */
const TITLE_BREAK = /[，。；：！？（）()\s]/u
/** Words that start the clause before a title, not the title itself. */
const LEADING_FUNCTION = /(?:的|在|由|和|与|及|同|向|对|听取了|听取|陪同|带领|邀请|看望|会见|会同|率领|慰问|为|是|等|到)/gu

/**
 * `model`: read by a statistical name reader alone, with no printed sign around it.
 * `surname`: a surname standing alone (`项市长`): no name by itself, only a mention of
 * the full name it can be resolved to (surname-mentions.ts), and dropped when it cannot.
 */
export type Evidence = 'title' | 'list' | 'title-after' | 'speech' | 'model' | 'surname'

/** Evidence that confirms a name by itself; a name seen only in a list or by the model is not confirmed. */
export const confirms = (evidence: Evidence): boolean => evidence === 'title' || evidence === 'title-after' || evidence === 'speech'

export interface PersonHit {
  /** The name as printed; for `surname` hits, the surname alone. */
  name: string
  /** Title printed right before the name, as printed (for `surname` hits: the title right after it); null when none. */
  role: string | null
  evidence: Evidence
  /** The text after the name clearly shows where the name ends. */
  bounded: boolean
  offset: number
  /** The office printed right after the name (`江泽民主席`): a title for resolving a surname standing alone, not shown as a role. */
  titleAfter?: string
  /** For `model` hits, the model's probability. */
  p?: number
}

/** The printed title that ends at `end`, going back over 、-joined titles (`市委副书记、市长`). */
export function titleBefore(text: string, end: number): string | null {
  const head = text.slice(Math.max(0, end - 40), end)
  if (!TITLE_END.test(head)) return null
  let start = head.length
  while (start > 0 && !TITLE_BREAK.test(head[start - 1] as string)) {
    if (head[start - 1] === '、' && !TITLE_END.test(head.slice(0, start - 1))) break
    start--
  }
  let title = head.slice(start)
  // `在东山县委书记` → `东山县委书记`, `赵大勇还与结对的贫困户` → `贫困户`: cut after the last function word
  const cuts = [...title.matchAll(LEADING_FUNCTION)].map((m) => (m.index ?? 0) + m[0].length).filter((k) => k < title.length)
  const cut = cuts.reverse().find((k) => TITLE_END.test(title.slice(k)) && !TITLE_END.test(title.slice(0, k)))
  if (cut !== undefined) title = title.slice(cut)
  title = title.replace(/^[、”’」』]+/u, '')
  return TITLE_END.test(title) ? title : null
}

/** `周二晚`, `县长周二上午`: a day of the week followed by a time of day or punctuation is a date, not a 周. */
const WEEKDAY = /^周[一二三四五六日天](?:上午|下午|中午|晚|早|夜|凌晨|傍晚|清晨|[^\p{Script=Han}]|$)/u
const isWeekday = (text: string, offset: number): boolean => text.charCodeAt(offset) === 0x5468 && WEEKDAY.test(text.slice(offset, offset + 5))

/** Finds the people a text names, with the titles printed before them. */
export function findPeople(text: string): PersonHit[] {
  const hits: PersonHit[] = []
  const taken = new Set<number>()
  const add = (hit: PersonHit): void => {
    if (taken.has(hit.offset) || isWeekday(text, hit.offset)) return
    taken.add(hit.offset)
    hits.push(hit)
  }
  for (let i = 1; i < text.length; i++) {
    if (!mayStartSurname(text.charCodeAt(i)) || surnameScore(text.slice(i, i + 2)) === 0) continue
    // cheap test first: a title's last word is at most five characters
    const role = TITLE_END.test(text.slice(Math.max(0, i - 6), i)) ? titleBefore(text, i) : null
    if (role) {
      const reading = readName(text, i)
      // A rare surname reads as a name only as three clearly ended characters (`管理` after 负责人 is a word).
      const strong = reading && surnameScore(reading.name) === 2
      if (reading && plausibleName(reading.name) && (strong || (reading.bounded && [...reading.name].length >= 3))) {
        add({ name: reading.name, role, evidence: 'title', bounded: reading.bounded, offset: i })
      }
      continue
    }
    if (GROUP_LABEL.test(text.slice(Math.max(0, i - 8), i))) {
      for (const hit of readList(text, i)) add(hit)
    }
  }
  // `刘大江同志`, `李华强同志`, and at a clause start `李华强说`: a name before a title or a speech verb
  for (const m of text.matchAll(/(?<=^|[^\p{Script=Han}]|[学习贯彻以])(?=[\p{Script=Han}]{2,3}(?:总书记|同志|总理|副总理|主席|副主席|委员长|院士|先生|女士|说|表示|指出|强调|认为|介绍|告诉记者|回忆))/gu)) {
    const offset = m.index ?? 0
    for (const length of [3, 2]) {
      const name = text.slice(offset, offset + length)
      const rest = text.slice(offset + length)
      const evidence: Evidence | null = TITLE_AFTER.test(rest) ? 'title-after' : SPEECH_AFTER.test(rest) ? 'speech' : null
      // a rare surname is enough before 总书记/同志 (刘大江同志); other titles and speech verbs need a common one (not 市政协主席)
      const surname = surnameScore(name)
      const needed = /^(?:总书记|同志)/u.test(rest) ? 1 : 2
      if (!evidence || !HAN_RUN.test(name) || surname < needed || !plausibleName(name)) continue
      add({ name, role: null, evidence, bounded: true, offset })
      break
    }
  }
  return hits.sort((a, b) => a.offset - b.offset)
}

/**
 * Characters that make a string read as ordinary words rather than a given name
 * (`干部`, `来我县`, `无一不`); a name never contains them after its surname.
 */
const NOT_IN_GIVEN_NAME = /[我你他她们不了是在有这那县市区镇乡村部委家个的地得着过也都就要会能对把被从到与及等各全该此而并或又还再已将]/u

/**
 * A surname with a form of address or a title (`王书记`, `周先生`, `李老师`, `张总`, `老王`'s
 * 王 aside): the way a story refers back to someone, not the person's name. Never taken
 * as a name, neither by the printed shapes nor by the model.
 */
const ADDRESS_AFTER_SURNAME = /^(?:先生|小姐|女士|太太|夫人|老师|师傅|大爷|大妈|大娘|大婶|阿姨|大姐|大哥|书记|主任|同志|局长|处长|科长|县长|市长|区长|镇长|乡长|村长|厂长|校长|院长|所长|站长|队长|部长|经理|主席|教授|医生|警官|总|某)|^[老氏家]$/u

/** The given-name part of a reading starts with a form of address: `王书记`, `周先生`. */
export const isSurnameWithAddress = (name: string): boolean => ADDRESS_AFTER_SURNAME.test(name.slice(COMPOUND_SURNAME_LENGTH(name)))

export function plausibleName(name: string): boolean {
  const given = [...name].slice(COMPOUND_SURNAME_LENGTH(name))
  return !given.some((c) => NOT_IN_GIVEN_NAME.test(c)) && !startsWithFollowerWord(name) && !isSurnameWithAddress(name)
}

/**
 * The check for a name the model reads: the model has seen real given names, so only
 * characters that never stand in one are refused: function words and everyday verbs (`马力抢进度`,
 * `王某谈及`); 家, 全, 有, 会, 能 do stand in names (温家宝, 王有才).
 */
const NOT_IN_MODEL_GIVEN_NAME = /[我你他她们不了是在这那县市区镇乡村部委个的地得着过也都就要对把被从到于与及等各该此而并或又还再已将抢做让给说看想吃拿找用带送叫问讲谈赶跑走坐站推称]/u

function plausibleModelName(name: string): boolean {
  const given = [...name].slice(COMPOUND_SURNAME_LENGTH(name))
  return !given.some((c) => NOT_IN_MODEL_GIVEN_NAME.test(c)) && !startsWithFollowerWord(name) && !isSurnameWithAddress(name)
}

/** `孙丽华、钱一鸣、周建新参加`: names joined by 、 after a group label. */
function readList(text: string, start: number): PersonHit[] {
  const hits: PersonHit[] = []
  let i = start
  for (;;) {
    const reading = readName(text, i)
    if (!reading || !plausibleName(reading.name)) break
    const after = text.slice(i + reading.name.length)
    if (!reading.bounded) break
    hits.push({ name: reading.name, role: null, evidence: 'list', bounded: true, offset: i })
    if (!after.startsWith('、')) break
    i += reading.name.length + 1
  }
  return hits
}

let places: Set<string> | undefined
/**
 * Names of provinces, cities, counties and districts (src/lexicon/places.json, made by
 * scripts/names/places.ts): never a name the model reads alone, though many start with a
 * surname character. Read once, on first use; stored as code points like the model.
 */
function placeNames(): Set<string> {
  places ??= new Set(
    (JSON.parse(readFileSync(new URL('../lexicon/places.json', import.meta.url), 'utf8')) as { places: number[][] }).places.map((codes) =>
      String.fromCodePoint(...codes),
    ),
  )
  return places
}

/** Every character of `text` that is part of one of the organisation names. */
function organizationMask(text: string, organizations: readonly string[]): Uint8Array {
  const mask = new Uint8Array(text.length)
  for (const o of organizations) for (let i = text.indexOf(o); i !== -1; i = text.indexOf(o, i + 1)) mask.fill(1, i, i + o.length)
  return mask
}

/** Characters of transliterated names that Chinese given names and the words after a name hardly use. */
const TRANSLITERATION = /[斯尔夫娃兹蒂奥诺坦戈姆耶卡]/gu
/**
 * A reading that is the start of a foreign name: next to a name dot (`罗朗·雷斯`), or
 * followed by a character of transliteration, with two or more of them in the reading
 * and the two characters after it (`谢列兹|尼奥夫`, `贾斯蒂|卡`). Foreign names are out of this tagger's
 * reach; taking their first characters would only make false people.
 */
function partOfForeignName(text: string, offset: number, length: number): boolean {
  if (/[·・•]/u.test(text[offset - 1] ?? '') || /[·・•]/u.test(text[offset + length] ?? '')) return true
  const after = text.slice(offset + length, offset + length + 2).match(TRANSLITERATION)?.length ?? 0
  return after > 0 && after + (text.slice(offset, offset + length).match(TRANSLITERATION)?.length ?? 0) >= 2
}

/**
 * After a name, a word that makes it the name of an idea rather than a person in the
 * story (`…精神`, `…式的干部`): the tagger reads the name right, but the story is not about
 * that person.
 */
const NAMED_CONCEPT_AFTER = /^(?:精神|式)/u

/** The lowest probability at which a reading is taken when the text around it shows a person. */
const CUE_THRESHOLD = 0.15
/** What follows a person's name: a title after it (`…书记强调`), a verb of speech or of an official's doings. */
const CUE_AFTER = /^(?:总书记|书记|同志|总理|主席|副主席|委员长|院士|先生|女士|市长|县长|区长|镇长|乡长|主任|局长|部长|厅长|校长|院长|教授|医生|大夫|老师|将军|元帅|烈士|说|表示|指出|强调|认为|介绍|告诉|回忆|主持|参加|出席|带队|带领|率队|一行|讲话|致辞|陪同|调研|看望|慰问|走访|宣布|提出|要求|会见)/u

/** The span model's probability at which it changes the tagger's end, and how many times likelier than the tagger's reading it must find it. */
const ADJUST_MIN = 0.5
const ADJUST_RATIO = 10
/** Below this span-model probability a Chinese name the tagger reads is dropped (characters of an idiom or a common word read as a surname and a given name); chosen on development text. */
const TAGGER_VETO = 0.02

/**
 * A Chinese name the sequence tagger reads (two or three characters from a surname),
 * checked by the span model, which sees the whole reading: the other length is taken
 * where the span model finds it far likelier (a reading that runs into the next word),
 * and a reading it finds all but impossible is dropped.
 */
function checkedEnd(text: string, span: TaggedSpan, model: NameModel): TaggedSpan | null {
  const { offset, length } = span
  if (length !== 2 && length !== 3) return span
  if (!SURNAMES.has(text[offset] as string) || COMPOUND_SURNAMES.has(text.slice(offset, offset + 2))) {
    // a given name alone right after a common surname (inside a slogan or an idiom): the tagger has lost the name's start
    return COMMON_SURNAMES.has(text[offset - 1] ?? '') && HAN_RUN.test(text.slice(offset, offset + length)) ? null : span
  }
  const p = spanProbability(text, offset, length, model)
  const other = length === 2 ? 3 : 2
  if (offset + other <= text.length && HAN_RUN.test(text.slice(offset, offset + other))) {
    const q = spanProbability(text, offset, other, model)
    if (q >= ADJUST_MIN && q > ADJUST_RATIO * p) return { offset, length: other }
  }
  return p < TAGGER_VETO ? null : span
}

/**
 * `副主席李赣骝、童傅、厉无畏、钮小明`: where the tagger (or a printed shape) reads an item of a
 * 、 list as a name, an item next to it with a name's shape — a surname and one or two
 * characters, the whole item between the 、 (at the list's ends: the two or three
 * characters next to the 、 the span model finds likelier) — is a name too, unless the span
 * model finds it all but impossible (below TAGGER_VETO; at the list's ends, where the
 * item's other end is not printed — `甲午海战、` is no 海战 — unless it finds it likely,
 * ADJUST_MIN). Read along the list until nothing is added; the
 * caller's checks (no place, no organisation, no word characters) still apply.
 */
function listNeighbours(text: string, hits: readonly PersonHit[], model: NameModel): ModelName[] {
  const startsAt = new Set<number>()
  const endsAt = new Set<number>()
  const covered = new Uint8Array(text.length)
  const mark = (offset: number, length: number): void => {
    startsAt.add(offset)
    endsAt.add(offset + length)
    covered.fill(1, offset, offset + length)
  }
  for (const h of hits) if (h.evidence !== 'surname' && h.name.length >= 2) mark(h.offset, h.name.length)
  const han = (from: number, to: number): boolean => from >= 0 && to <= text.length && HAN_RUN.test(text.slice(from, to))
  /** the item from `from` (going right) or ending at `to` (going left); null when none has a name's shape */
  const item = (at: number, rightward: boolean): ModelName | null => {
    let best: ModelName | null = null
    for (const length of [2, 3]) {
      const offset = rightward ? at : at - length
      const end = offset + length
      if (!han(offset, end) || covered.subarray(offset, end).some((c) => c === 1)) continue
      // inside the list the item must fill the space between two 、; at its ends, any two or three characters
      const inner = rightward ? text[end] === '、' : text[offset - 1] === '、'
      const otherInner = (l: number): boolean => (rightward ? text[at + l] === '、' : text[at - l - 1] === '、')
      if (!inner && (otherInner(2) || otherInner(3))) continue
      if (!inner && rightward && !endsName(text.slice(end))) continue
      const p = spanProbability(text, offset, length, model)
      if (p >= (inner ? TAGGER_VETO : ADJUST_MIN) && (!best || p > best.p)) best = { name: text.slice(offset, end), offset, p }
    }
    return best
  }
  const out: ModelName[] = []
  for (let added = true; added; ) {
    added = false
    for (let k = text.indexOf('、'); k !== -1; k = text.indexOf('、', k + 1)) {
      const left = endsAt.has(k)
      const right = startsAt.has(k + 1)
      if (left === right) continue
      const m = item(left ? k + 1 : k, left)
      if (!m) continue
      out.push(m)
      mark(m.offset, m.name.length)
      added = true
    }
  }
  return out
}

/** Below this probability the model overrules a name read from a weak printed shape. */
const VETO = 0.01
/** Titles that name a group of people rather than an office: what follows them is often no name. */
const GROUP_WORD = /(?:居民|村民|工人|农民|职工|党员|大户|贫困户|代表|干部|民警|教师|老师|志愿者|专家|负责人|群众)$/u

/**
 * The printed shapes first, then the names the model reads where no shape matched.
 * The rules keep their spans (a title is the strongest evidence there is); a model
 * name must not overlap one of them and must pass the same checks as a ruled name
 * (no follower word, no word characters such as 县, 们, 的 in the given name), so a
 * place, title or phrase fragment is not taken even when the model scores it high.
 */
export function findPeopleWithModel(
  text: string,
  model: NameModel = defaultNameModel(),
  threshold = model.threshold,
  /** the story's organisations when already found (findOrganizations), else found here when needed */
  organizations?: readonly string[],
  tagger: TaggerModel | null = shippedTagger(),
): PersonHit[] {
  // A printed shape the model finds all but impossible is a phrase after a word for a
  // group (`党员和群众`, `干部任职`, `代表性…`) or a word before a speech verb (`文章说`),
  // not a name: the model may veto such a shape, never add to it. An office (`市委副书记`)
  // is trusted whatever the model says.
  const hits = findPeople(text).flatMap((h): PersonHit[] => {
    if (partOfForeignName(text, h.offset, h.name.length)) return []
    if (h.evidence === 'title' && !h.bounded) {
      // After an office, a name whose end the text does not show (`…部长罗干今天`, `…主席谢列兹尼奥夫`):
      // the model chooses between two and three characters, and may refuse both.
      const long = spanProbability(text, h.offset, h.name.length, model)
      const short = h.name.length === 3 && !COMPOUND_SURNAMES.has(h.name.slice(0, 2)) ? spanProbability(text, h.offset, 2, model) : 0
      if (short > long && short >= VETO && plausibleName(h.name.slice(0, 2))) return [{ ...h, name: h.name.slice(0, 2), bounded: true }]
      return long >= VETO ? [h] : []
    }
    if (h.evidence === 'list' || (h.evidence === 'title' && !(h.role && GROUP_WORD.test(h.role)))) return [h]
    return spanProbability(text, h.offset, h.name.length, model) >= VETO ? [h] : []
  })
  const used = new Uint8Array(text.length)
  for (const h of hits) used.fill(1, h.offset, h.offset + h.name.length)
  let inOrganization: Uint8Array | undefined
  const acceptable = (m: ModelName, whole = false): boolean => {
    if (used.subarray(m.offset, m.offset + m.name.length).some((u) => u === 1)) return false
    if (!plausibleModelName(m.name) || placeNames().has(m.name) || isWeekday(text, m.offset) || (!whole && partOfForeignName(text, m.offset, m.name.length))) return false
    // `王明电器`, `李宁公司`: a name the model reads inside an organisation's name is the organisation's
    inOrganization ??= organizationMask(text, organizations ?? findOrganizations(text))
    return !inOrganization.subarray(m.offset, m.offset + m.name.length).some((u) => u === 1)
  }
  const take = (m: ModelName): void => {
    used.fill(1, m.offset, m.offset + m.name.length)
    hits.push({ name: m.name, role: null, evidence: 'model', bounded: true, offset: m.offset, p: m.p })
  }
  // With the sequence tagger (the shipped reader), its names: it reads whole names of
  // any length (基里延科, names with a dot), so a span it reads is not the start of a
  // foreign name. A surname it reads standing alone is kept apart, for resolution to a
  // full name. The span model then only checks the printed shapes (above): reading
  // every surname's spans as well added a little recall on development text for about
  // 0.15 ms per story, more than the build's budget leaves.
  if (tagger) {
    const surnames: PersonHit[] = []
    for (const read of tagNames(text, tagger)) {
      const span = checkedEnd(text, read, model)
      if (!span) continue
      const name = text.slice(span.offset, span.offset + span.length)
      const end = span.offset + span.length
      if (span.length === 1 ? SURNAMES.has(name) : COMPOUND_SURNAMES.has(name)) {
        if (!used.subarray(span.offset, end).some((u) => u === 1)) {
          surnames.push({ name, role: titleAfterSurname(text, end), evidence: 'surname', bounded: true, offset: span.offset })
        }
        continue
      }
      const m = { name, offset: span.offset, p: 1 }
      if (span.length >= 2 && !NAMED_CONCEPT_AFTER.test(text.slice(end, end + 2)) && acceptable(m, true)) take(m)
    }
    if (text.includes('、')) for (const m of listNeighbours(text, hits, model)) if (acceptable(m, true)) take(m)
    // `王书记`, `项市长`: a common surname right before a title or form of address is such a
    // mention too, whether or not the tagger read it (it seldom tags a character alone)
    for (let i = 0; i < text.length; i++) {
      if (used[i] === 1 || !COMMON_SURNAMES.has(text[i] as string) || surnames.some((h) => h.offset === i)) continue
      const title = titleAfterSurname(text, i + 1)
      if (title) surnames.push({ name: text[i] as string, role: title, evidence: 'surname', bounded: true, offset: i })
    }
    return withOfficesAfter(text, [...hits, ...surnames].sort((a, b) => a.offset - b.offset))
  }
  // Without it (no tagger file): the span model's readings.
  // Candidates at or above CUE_THRESHOLD: the sure ones (≥ threshold) are chosen exactly as
  // if the others were not there, because the model's overlap resolution takes the most
  // probable first.
  const weak: ModelName[] = []
  for (const m of modelNames(text, model, Math.min(threshold, CUE_THRESHOLD))) {
    if (m.p < threshold) weak.push(m)
    else if (acceptable(m)) take(m)
  }
  // A less sure reading is taken where the text around it shows a person: a title or a
  // speech or action verb right after it (`…江明华主席`, `…李小平强调`), or a name next to it
  // in a 、 list (`王明远、周小川、李红`). Lists are read again until nothing is added.
  // Only readings with a cue next to them are looked at (most have none): a title or verb
  // after them, or a 、 on either side.
  let cued = weak
    .map((m) => {
      const end = m.offset + m.name.length
      return { m, after: CUE_AFTER.test(text.slice(end, end + 3)), left: text[m.offset - 1] === '、', right: text[end] === '、' }
    })
    .filter((c) => c.after || c.left || c.right)
  if (cued.length) {
    const startsAt = new Uint8Array(text.length + 1)
    const endsAt = new Uint8Array(text.length + 1)
    const mark = (offset: number, length: number): void => {
      startsAt[offset] = 1
      endsAt[offset + length] = 1
    }
    for (const h of hits) mark(h.offset, h.name.length)
    for (let added = true; added && cued.length; ) {
      added = false
      cued = cued.filter(({ m, after, left, right }) => {
        const end = m.offset + m.name.length
        const cue = after || (left && endsAt[m.offset - 1] === 1) || (right && startsAt[end + 1] === 1)
        if (!cue || !acceptable(m)) return true
        take(m)
        mark(m.offset, m.name.length)
        added = true
        return false
      })
    }
  }
  return withOfficesAfter(text, hits.sort((a, b) => a.offset - b.offset))
}

/** Each full name's office printed right after it (`江泽民主席`), kept for resolving `江主席` elsewhere. */
function withOfficesAfter(text: string, hits: PersonHit[]): PersonHit[] {
  for (const h of hits) {
    if (h.evidence === 'surname') continue
    const office = officeAfterName(text, h.offset + h.name.length)
    if (office) h.titleAfter = office
  }
  return hits
}
