import { expect, test } from 'vitest'
import { strongFurniture, weakFurniture } from '../../src/segment/furniture.js'
import { surnameScore } from '../../src/lexicon/surnames.js'
import {
  BYLINE_LINE,
  CONTINUED_FROM,
  CONTINUED_ON,
  END_ROLE_CREDIT,
  KICKER,
  MARKER_BYLINE,
  PHOTO_CREDIT,
  REPORT_MARKER,
  TERMINAL,
  continuedOn,
  endsSentence,
  matchEndBracketCredit,
  matchPhotoCredit,
} from '../../src/segment/patterns.js'

test('REPORT_MARKER: 本报讯 and XX网讯 open a report', () => {
  expect(REPORT_MARKER.test('本报讯 3月1日')).toBe(true)
  expect(REPORT_MARKER.test('东山网讯 近日')).toBe(true)
  expect(REPORT_MARKER.test('本报记者')).toBe(false)
})

test('MARKER_BYLINE: the bracket after the marker is the byline', () => {
  expect(MARKER_BYLINE.exec('本报讯（融媒记者 王明）3月1日')?.groups?.byline).toBe('融媒记者 王明')
})

test('BYLINE_LINE: a □ or ■ line with a reporter title', () => {
  expect(BYLINE_LINE.test('□融媒首席记者 李春华')).toBe(true)
  expect(BYLINE_LINE.test('■日前，城关镇志愿者清理河道')).toBe(false)
})

test('continuedOn finds what CONTINUED_ON finds, looking at the end of the line first', () => {
  const ends = ['（下转2版）', '(转3版)', '（下转第十二版）', '（下转 4 版 ）', '（转2 版）', '（下转2版', '下转2版）', '（下转2版）。', '（下转2版)x', '版）', '']
  const spaces = ['', ' ', '\u3000', '\t', ' \n', '\u00a0', '\ufeff']
  let found = 0
  for (const before of ['', '攻坚期。', '报道 ', '（本报记者 王明）']) {
    for (const end of ends) {
      for (const space of spaces) {
        const text = before + end + space
        const expected = CONTINUED_ON.exec(text)
        expect(continuedOn(text)?.[0], JSON.stringify(text)).toBe(expected?.[0])
        expect(continuedOn(text)?.index).toBe(expected?.index)
        if (expected) found++
      }
    }
  }
  expect(found).toBeGreaterThan(40)
})

test('endsSentence says what TERMINAL says, and matchPhotoCredit finds what PHOTO_CREDIT does, both looking at the end first', () => {
  let sentences = 0
  let credits = 0
  for (const before of ['', '村民在晾晒玉米。', '记者现场进行了拍摄', '（', '他说：“好。']) {
    for (const end of ['', '。', '！”', '？）', '…”）', '”', '）', '。x', '摄', '摄影', '摄）', '摄影)', '摄 ', ' 摄', '拍摄。', '王明 摄', '融媒记者 卢斌 摄', '（融媒记者 卢斌 摄）', '孙丽 周强 摄影', '孙丽 周强 摄影）x']) {
      const text = before + end
      expect(endsSentence(text), JSON.stringify(text)).toBe(TERMINAL.test(text))
      // As matchPhotoCredit read before it looked at the end first.
      const credit = PHOTO_CREDIT.exec(text)
      const names = (credit?.groups?.names ?? '').split(/\s+/u)
      const reference = credit && (credit.groups?.role || names.every((n) => surnameScore(n) === 2)) ? credit : null
      expect(matchPhotoCredit(text)?.[0], JSON.stringify(text)).toBe(reference?.[0])
      expect(matchPhotoCredit(text)?.index).toBe(reference?.index)
      if (TERMINAL.test(text)) sentences++
      if (matchPhotoCredit(text)) credits++
    }
  }
  expect(sentences).toBeGreaterThan(20)
  expect(credits).toBeGreaterThan(5)
})

test('CONTINUED_ON and CONTINUED_FROM: 下转 ends, 上接 opens', () => {
  expect(CONTINUED_ON.exec('攻坚期。（下转2版）')?.groups?.page).toBe('2')
  expect(CONTINUED_FROM.exec('（上接第一版）会上')?.groups?.page).toBe('一')
})

test('PHOTO_CREDIT: inline or own-line 摄 credits', () => {
  expect(PHOTO_CREDIT.exec('村民在晾晒玉米。 记者 王明 摄')?.groups?.names).toBe('王明')
  expect(PHOTO_CREDIT.exec('孙丽 周强 摄')?.groups?.names).toBe('孙丽 周强')
  expect(matchPhotoCredit('记者现场进行了拍摄')).toBeNull()
})

test('matchEndBracketCredit: a reporter bracket after the last sentence', () => {
  expect(matchEndBracketCredit('居民纷纷点赞。（记者 李春华）')?.byline).toBe('记者 李春华')
  expect(matchEndBracketCredit('（记者叶青/文 宋明/图）')?.byline).toBe('记者叶青/文 宋明/图')
  expect(matchEndBracketCredit('会议召开（扩大）')).toBeNull()
})

test('matchEndBracketCredit stays fast on a long bracket of ordinary words', () => {
  const text = `。（${'会议指出要加强宣传'.repeat(5000)}`
  const started = performance.now()
  expect(matchEndBracketCredit(text)).toBeNull()
  expect(performance.now() - started).toBeLessThan(1000)
})

test('END_ROLE_CREDIT: a role and a name after the last sentence', () => {
  expect(END_ROLE_CREDIT.exec('提升安全意识。 本报记者 孙丽')?.groups?.byline).toBe('本报记者 孙丽')
})

test('KICKER: a kicker ends with what a leader said', () => {
  expect(KICKER.test('王明在调研企业时指出')).toBe(true)
  expect(KICKER.test('南山村建起共富工坊')).toBe(false)
})

test('furniture: mastheads, dates, weather and hotlines are strong; promos are weak', () => {
  expect(strongFurniture('2023年3月3日 星期五', '示例日报')).toBe('masthead')
  expect(strongFurniture('今天晴 8℃～16℃', '示例日报')).toBe('masthead')
  expect(strongFurniture('热线：0123-4567890', '示例日报')).toBe('ad')
  expect(strongFurniture('示 例 日 报'.replace(/ /gu, ''), '示例日报')).toBe('masthead')
  expect(weakFurniture('扫码下载客户端', '示例日报')).toBe('ad')
  expect(strongFurniture('全县召开春耕会议', '示例日报')).toBeNull()
})
