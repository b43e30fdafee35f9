// Page snippets in, stories out. The texts are made up: they teach shapes, not strings.
import { describe, expect, test } from 'vitest'
import { bodyOf, segmentSnippet } from '../helpers/page.js'

describe('reports', () => {
  test('本报讯 with a bracket byline opens a report; the byline is not body text', () => {
    const { page } = segmentSnippet('本报讯（记者 王明）3月2日，市里召开\n五金产业发展大会，部署全年工作。\n')
    expect(page.stories).toHaveLength(1)
    expect(page.stories[0]).toMatchObject({
      kind: 'report',
      byline: [{ name: '王明', role: '记者' }],
      date: '2023-03-02',
      headline: [],
      titleDerived: true,
      lines: [7, 8],
      id: '2023-03-03-p1-l7',
    })
    expect(bodyOf(page.stories[0]!)).toBe('3月2日，市里召开五金产业发展大会，部署全年工作。')
  })

  test('a headline printed after its body is attached to that body', () => {
    const { page, messages } = segmentSnippet('本报讯（记者 王明）3月2日，市里召开\n五金产业发展大会。\n\n五金产业大会召开\n')
    expect(page.stories).toMatchObject([{ title: '五金产业大会召开', titleDerived: false, headline: ['五金产业大会召开'], lines: [7, 10] }])
    expect(messages).toEqual([])
  })

  test('a □ byline line before 本报讯 is the byline of the report that follows', () => {
    const { page } = segmentSnippet('□融媒记者 李春华\n\n本报讯 4月8日下午，全县春季植树\n活动在东山举行，干部群众五百余人参加。\n', { date: '2023-04-09' })
    expect(page.stories).toMatchObject([{ byline: [{ name: '李春华', role: '融媒记者' }], date: '2023-04-08' }])
    expect(bodyOf(page.stories[0]!)).toMatch(/^4月8日下午/u)
  })

  test('blank lines inside a paragraph and inside a name do not break the text', () => {
    const { page } = segmentSnippet('本报讯（记者 王明）市领导赵\n\n建国、孙丽参加活动，并\n\n看望了一线职工。\n')
    expect(bodyOf(page.stories[0]!)).toBe('市领导赵建国、孙丽参加活动，并看望了一线职工。')
  })

  test('a two-line headline before the byline and a kicker stay together', () => {
    const text = [
      '王明在调研农业工作时强调',
      '抓牢粮食生产 确保稳产增收',
      '',
      '□记者 孙小红',
      '',
      '本报讯 5月6日上午，县委书记王明到多个乡镇',
      '调研农业工作，察看粮食生产情况，要求抓牢粮食生产。',
    ].join('\n')
    const { page } = segmentSnippet(text)
    expect(page.stories).toMatchObject([{ headline: ['王明在调研农业工作时强调', '抓牢粮食生产 确保稳产增收'], title: '抓牢粮食生产 确保稳产增收' }])
  })

  test('headlines sharing a gap go to the stories whose leads they match', () => {
    const text = [
      '本报讯（记者 王明）6月1日，全市召开防汛工作会议，部署',
      '汛期安全工作，要求落实防汛责任。',
      '',
      '全市部署防汛工作',
      '',
      '城东新区学校开工建设',
      '',
      '本报讯（记者 孙丽）6月1日，城东新区第二小学开工建设，学校',
      '建成后可提供学位一千余个。',
    ].join('\n')
    const { page } = segmentSnippet(text, { date: '2023-06-02' })
    expect(page.stories.map((s) => s.headline)).toEqual([['全市部署防汛工作'], ['城东新区学校开工建设']])
  })

  test('（下转2版） ends a story and is not body text', () => {
    const { page } = segmentSnippet('本报讯（记者 王明）7月3日，全县召开项目推进会，会议要求加快\n重点项目建设进度。（下转2版）\n')
    expect(page.stories[0]).toMatchObject({ continuedOn: 2 })
    expect(bodyOf(page.stories[0]!)).toMatch(/进度。$/u)
  })

  test('（上接1版） opens a continuation with no date', () => {
    const { page } = segmentSnippet('（上接1版）会上，5月8日的工作安排也作了\n说明，各部门要抓好落实。\n', { page: 2 })
    expect(page.stories[0]).toMatchObject({ continuedFrom: 1, date: null })
    expect(bodyOf(page.stories[0]!)).toMatch(/^会上/u)
  })

  test('a one-line headline block is split at its gaps', () => {
    const { page } = segmentSnippet('全县召开春季农业生产工作会议 抓早抓实 不误农时\n\n本报讯（记者 王明）3月1日，全县召开春季农业生产工作会议，部署春耕。\n')
    expect(page.stories[0]?.headline).toEqual(['全县召开春季农业生产工作会议', '抓早抓实 不误农时'])
  })

  test('a label set apart above the headline on a single-spaced page is a column', () => {
    const text = '乡村振兴进行时\n\n南山村建起共富工坊\n\n本报讯（记者 王明）3月1日，南山村共富工坊\n正式投用，带动村民就业。\n'
    const { page } = segmentSnippet(text)
    expect(page.stories[0]).toMatchObject({ column: '乡村振兴进行时', headline: ['南山村建起共富工坊'] })
  })

  test('a label above a kicker is a column', () => {
    const text = '奋战一季度\n\n王明在调研企业时指出\n\n稳住基本盘 激发新动能\n\n本报讯（记者 孙丽）3月1日，县委书记王明调研企业，指出要稳住基本盘。\n'
    const { page } = segmentSnippet(text)
    expect(page.stories[0]).toMatchObject({ column: '奋战一季度', headline: ['王明在调研企业时指出', '稳住基本盘 激发新动能'] })
  })

  test('a report with no headline gets a title derived from its lead', () => {
    const { page } = segmentSnippet('本报讯（记者 王明）3月1日上午，县长孙丽带队检查安全生产工作。\n')
    expect(page.stories[0]).toMatchObject({ title: '县长孙丽带队检查安全生产工作', titleDerived: true })
  })
})

describe('credits at the end', () => {
  test('a reporter bracket after the last sentence is the byline', () => {
    const { page } = segmentSnippet('本报讯 3月1日，城南社区开展义诊活动，\n居民纷纷点赞。（记者\n李春华）\n')
    expect(page.stories[0]).toMatchObject({ byline: [{ name: '李春华', role: '记者' }] })
    expect(bodyOf(page.stories[0]!)).toMatch(/点赞。$/u)
  })

  test('a name on its own line after the last paragraph is the byline', () => {
    const { page } = segmentSnippet('本报讯 3月1日，城南社区开展义诊活动，\n居民纷纷点赞。\n\n孙 小 红\n')
    expect(page.stories[0]?.byline).toEqual([{ name: '孙小红', role: null }])
  })

  test('a credit line closes a story, and running text after it is a new story', () => {
    const text = '本报讯 3月1日，城南社区开展义诊活动，\n居民纷纷点赞。\n（李春华）\n\n3月1日，城北社区也举办了健康讲座，\n百余名居民参加。\n'
    const { page } = segmentSnippet(text)
    expect(page.stories).toHaveLength(2)
    expect(page.stories[1]).toMatchObject({ byline: [], date: '2023-03-01' })
  })
})

describe('photos and briefs', () => {
  test('a caption with a credit on its own line is a photo story with the title above it', () => {
    const text = '春到茶园\n\n近日，东山茶园里茶农正忙着采摘明前茶。\n\n记者 王明 摄\n'
    const { page } = segmentSnippet(text)
    expect(page.stories).toMatchObject([{ kind: 'photo', headline: ['春到茶园'], photographers: ['王明'], byline: [{ name: '王明', role: '记者' }] }])
  })

  test('each caption of a strip of photos with inline credits is its own story', () => {
    const text = '东山村，村民在晾晒玉米。 王明 摄\n\n西山村，果农采摘猕猴桃。\n记者 孙丽 摄\n'
    const { page } = segmentSnippet(text)
    expect(page.stories.map((s) => [s.kind, bodyOf(s), s.photographers])).toEqual([
      ['photo', '东山村，村民在晾晒玉米。', ['王明']],
      ['photo', '西山村，果农采摘猕猴桃。', ['孙丽']],
    ])
  })

  test('■ briefs under a label share it as their column', () => {
    const text = '文明快讯\n■日前，城关镇志愿者清理河道垃圾，\n守护母亲河。\n本报记者 王明\n■近日，东风社区开展消防演练，\n提升居民安全意识。 本报记者 孙\n丽\n'
    const { page } = segmentSnippet(text)
    expect(page.stories.map((s) => [s.kind, s.column, s.byline.map((b) => b.name)])).toEqual([
      ['brief', '文明快讯', ['王明']],
      ['brief', '文明快讯', ['孙丽']],
    ])
  })
})

describe('furniture', () => {
  test('masthead, date, weather, ads and hotlines belong to no story', () => {
    const text = [
      '示例日报',
      'SHILI DAILY',
      '2023年3月3日 星期五',
      '今天晴 8℃～16℃',
      '',
      '全县召开春耕会议',
      '',
      '本报讯（记者 王明）3月2日，全县召开春耕会议，部署春耕生产。',
      '',
      '东山家居城',
      '开业大酬宾',
      '地址：东山路8号',
      '热线：0123-4567890',
    ].join('\n')
    const { page } = segmentSnippet(text)
    expect(page.stories).toHaveLength(1)
    expect(page.stories[0]?.headline).toEqual(['全县召开春耕会议'])
    expect(page.furniture.map((f) => f.text)).toEqual(['示例日报', 'SHILI DAILY', '2023年3月3日 星期五', '今天晴8℃～16℃', '东山家居城', '开业大酬宾', '地址：东山路8号', '热线：0123-4567890'])
  })

  test('every line ends up in exactly one place', () => {
    const text = '示例日报\n\n标题一行\n\n本报讯（记者 王明）3月2日，全县召开\n春耕会议。\n\n扫码下载客户端\n'
    const { page } = segmentSnippet(text)
    const lines = page.lines.map((l) => l.line)
    expect(page.lineRoles.map((r) => r.line)).toEqual(lines)
    for (const role of page.lineRoles) expect(role.kind).toBeTruthy()
  })
})

describe('less common shapes', () => {
  test('a headline line with a comma above 本报讯 is still a headline', () => {
    const text = '王明在调研时强调\n聚焦重点，全力推进\n\n本报讯（记者 孙丽）5月6日，县委书记王明调研重点项目，要求聚焦重点。\n'
    const { page } = segmentSnippet(text, { date: '2023-05-07' })
    expect(page.stories[0]?.headline).toEqual(['王明在调研时强调', '聚焦重点，全力推进'])
  })

  test('a bracketed photo credit closes a caption', () => {
    const { page } = segmentSnippet('春到茶园\n\n近日，东山茶园里茶农正忙着采摘明前茶。（记者 王明 摄）\n')
    expect(page.stories).toMatchObject([{ kind: 'photo', photographers: ['王明'], headline: ['春到茶园'] }])
  })

  test('第N期 in the page header is furniture', () => {
    const { page } = segmentSnippet('第3456期\n\n本报讯（记者 王明）3月2日，全县召开春耕会议。\n')
    expect(page.furniture.map((f) => f.text)).toEqual(['第3456期'])
  })
})
