// Organisations named in a story: companies and public bodies, found by the way their
// names end (…有限公司, …集团, …医院, …领导小组) and where they start (after
// punctuation or a word such as 在, 到, 和).

/** Endings that make a name an organisation wherever it stands. */
const STRONG_SUFFIX = [
  '股份有限公司', '有限责任公司', '有限公司', '公司', '集团', '报社', '日报社', '总台', '电视台', '大学', '学院', '中学', '小学',
  '卫生院', '医院', '食品厂', '领导小组', '委员会', '指挥部', '研究所', '研究院', '合作社', '协会', '商会', '银行', '新区',
]
/** Industry words that end company names (星光科技, 东方安防) but also ordinary phrases (科技创新). */
const WEAK_SUFFIX = ['科技', '股份', '工贸', '电器', '安防', '机械', '电子', '控股']

/** Where an organisation's name starts: after punctuation or one of these words. */
const LEFT_BREAK =
  /[，。；：、“”‘’（）《》\s\d]|[在到和与及同由对向为是该赴至于等的了]|走进|来到|前往|赶往|深入|先后|有关|发挥|确保|肯定|推动|加强|支持|成立|组建|召开|参加|参观|考察|调研|听取|询问|聚焦|专注|一行|驱车/gu
/** What may follow a weak-suffix company name: punctuation or a function word. */
const AFTER_WEAK = /^(?:[^\p{Script=Han}]|[用对的在则等老主是为出正和与及将也已还都就从以把被向]|$)/u

const MAX_NAME = 20
const HAN_RUN = /^\p{Script=Han}+$/u

export function findOrganizations(text: string): string[] {
  const found = new Set<string>()
  const suffixes = [...STRONG_SUFFIX.map((s) => [s, true] as const), ...WEAK_SUFFIX.map((s) => [s, false] as const)].sort(
    (a, b) => b[0].length - a[0].length,
  )
  const claimed = new Set<number>() // end offsets already used by a longer suffix
  for (const [suffix, strong] of suffixes) {
    for (let i = text.indexOf(suffix); i !== -1; i = text.indexOf(suffix, i + 1)) {
      const end = i + suffix.length
      if (claimed.has(end)) continue
      if (!strong && !AFTER_WEAK.test(text.slice(end))) continue
      const head = text.slice(Math.max(0, i - MAX_NAME), i)
      let start = 0
      for (const m of head.matchAll(LEFT_BREAK)) start = (m.index ?? 0) + m[0].length
      const name = head.slice(start)
      const minimum = 2
      if ([...name].length < minimum || !HAN_RUN.test(name)) continue
      claimed.add(end)
      found.add(name + suffix)
    }
  }
  return [...found].sort((a, b) => text.indexOf(a) - text.indexOf(b) || (a < b ? -1 : 1))
}
