import surnames from 'chinese-surnames/index.json' with { type: 'json' }

/** Every surname the `chinese-surnames` package knows (over a thousand, many rare). */
export const SURNAMES: ReadonlySet<string> = new Set<string>(surnames as string[])

/**
 * The hundred or so most frequent surnames of mainland China (national household
 * registration statistics); they cover about 85 % of the population. Used to prefer
 * one reading over another, never as the only test of a name.
 */
export const COMMON_SURNAMES: ReadonlySet<string> = new Set(
  [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'],
)

/** Compound surnames that take two characters. */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set(['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '独孤', '南宫', '西门', '呼延'])

/** Whether a character can begin a surname (single or compound): a cheap test before surnameScore. */
const FIRST = new Uint8Array(0x10000)
for (const s of SURNAMES) FIRST[s.charCodeAt(0)] = 1
for (const s of COMPOUND_SURNAMES) FIRST[s.charCodeAt(0)] = 1
export const mayStartSurname = (code: number): boolean => FIRST[code] === 1

/** A single-character surname's score by its code: 2 common, 1 known. */
const SINGLE_SCORE = new Uint8Array(0x10000)
for (const s of SURNAMES) if (s.length === 1) SINGLE_SCORE[s.charCodeAt(0)] = 1
for (const s of COMMON_SURNAMES) if (s.length === 1) SINGLE_SCORE[s.charCodeAt(0)] = 2
const COMPOUND_FIRST = new Uint8Array(0x10000)
for (const s of COMPOUND_SURNAMES) COMPOUND_FIRST[s.charCodeAt(0)] = 1
// The package's list holds an empty entry, so an empty string scores as the sets say.
const EMPTY_SCORE = COMPOUND_SURNAMES.has('') || COMMON_SURNAMES.has('') ? 2 : SURNAMES.has('') ? 1 : 0

/** How much a string reads like it starts with a surname: 2 common, 1 known, 0 not. */
export function surnameScore(name: string): number {
  // By tables of codes: asked at every character of every story that may start a name.
  if (name === '') return EMPTY_SCORE
  const code = name.charCodeAt(0)
  if (COMPOUND_FIRST[code] === 1 && COMPOUND_SURNAMES.has(name.slice(0, 2))) return 2
  return singleSurnameScore(code)
}

/** surnameScore of the one character `code` (a compound surname is the caller's to check). */
export function singleSurnameScore(code: number): number {
  return SINGLE_SCORE[code] ?? 0
}
