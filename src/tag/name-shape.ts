import { COMPOUND_SURNAMES, surnameScore } from '../lexicon/surnames.js'

// How a personal name sits in running text: what may follow it, and how long it is.

/**
 * Words that follow a name in this genre (`王明远主持`, `周强带领`, `钱一鸣等一行`).
 * Multi-character words come first so `表示` is not read as the name character 表.
 */
const FOLLOWER_WORDS = [
  '主持', '参加', '出席', '带队', '带领', '率队', '一行', '等人', '强调', '指出', '要求', '表示', '介绍', '说道', '讲话', '致辞',
  '陪同', '调研', '检查', '看望', '慰问', '走访', '来到', '深入', '先后', '实地', '听取', '详细', '仔细', '认真', '充分', '代表',
  '立即', '希望', '肯定', '提出', '作了', '宣布', '通报', '督导', '视察', '考察', '参观', '察看', '查看', '了解', '询问', '对接',
  '同志', '总书记', '书记', '进行', '分别', '也', '还', '又', '都', '就', '在', '到', '赴', '对', '向', '与', '和', '及', '同', '为', '是',
  '说', '等', '的', '有关', '有', '将', '把', '被', '从', '以', '给', '作', '率', '已', '正', '曾', '再', '并', '所',
]
const FOLLOWER = new RegExp(`^(?:${FOLLOWER_WORDS.join('|')}|[^\\p{Script=Han}])`, 'u')

const HAN = /\p{Script=Han}/u

/** Whether a name may end right before `rest` (punctuation, end of text, or a follower word). */
export function endsName(rest: string): boolean {
  return rest === '' || FOLLOWER.test(rest)
}

const FOLLOWER_PHRASE = new RegExp(`^(?:${FOLLOWER_WORDS.filter((w) => w.length > 1).join('|')})`, 'u')

/** `介绍`, `表示`: a word that follows names is not itself a name (though 曾, 和, 向 are surnames). */
export function startsWithFollowerWord(text: string): boolean {
  return FOLLOWER_PHRASE.test(text)
}

/** A name ends here beyond doubt: punctuation, the end, or a follower word of two or more characters. */
export function endsNameClearly(rest: string): boolean {
  const m = FOLLOWER.exec(rest)
  return rest === '' || (m !== null && (m[0].length > 1 || !HAN.test(m[0])))
}


export interface NameReading {
  name: string
  /** The text right after the name shows where it ends. */
  bounded: boolean
}

/**
 * Reads the personal name that starts at `i`, if one plausibly does. A compound
 * surname takes 3–4 characters; otherwise 2 or 3, decided by what follows: a follower
 * word right after two characters makes a two-character name (`赵刚主持`), otherwise
 * three (`王明远在`, `李建表、`).
 */
export function readName(text: string, i: number): NameReading | null {
  const strength = surnameScore(text.slice(i))
  if (strength === 0) return null
  const chars = [...text.slice(i, i + 5)]
  const han = (k: number): boolean => HAN.test(chars[k] ?? '')
  if (!han(0) || !han(1)) return null
  const compound = COMPOUND_SURNAMES.has(chars.slice(0, 2).join(''))
  const lengths = compound ? [3, 4] : [2, 3]
  const [short, long] = lengths as [number, number]
  const rest = (n: number): string => text.slice(i + chars.slice(0, n).join('').length)
  const longBounded = han(long - 1) && endsName(rest(long))
  const shortEnd = FOLLOWER.exec(rest(short))?.[0]
  // `张志和、`: a one-character follower (和) loses to a clear end after three characters.
  if (shortEnd !== undefined && !(shortEnd.length === 1 && HAN.test(shortEnd) && longBounded)) {
    return { name: chars.slice(0, short).join(''), bounded: true }
  }
  if (!han(long - 1)) return null
  return { name: chars.slice(0, long).join(''), bounded: longBounded }
}
