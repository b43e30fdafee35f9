import { expect, test } from 'vitest'
import { joinLines, normalizeLine, normalizePunctuation, undoLetterSpacing } from '../../src/normalize/index.js'

test('letter-spaced characters are joined', () => {
  expect(undoLetterSpacing('春 耕 备 耕 工 作')).toBe('春耕备耕工作')
})

test('a single space between two multi-character parts is kept', () => {
  expect(undoLetterSpacing('稳住基本盘 激发新动能')).toBe('稳住基本盘 激发新动能')
})

test('a wide gap between letter-spaced parts becomes one space', () => {
  expect(normalizeLine('山 水 “ 画 ” 廊      乡 村 新 貌')).toBe('山水“画”廊 乡村新貌')
})

test('a letter-spaced Latin masthead is joined', () => {
  expect(normalizeLine('E X A M P L E  D A I L Y')).toBe('EXAMPLE DAILY')
})

test('a bullet does not hide the letter spacing after it', () => {
  expect(normalizeLine('■通 讯 员 王一鸣')).toBe('■通讯员 王一鸣')
})

test('ASCII punctuation in Chinese text becomes full-width', () => {
  expect(normalizePunctuation('会议指出,要加强(扩大)宣传!')).toBe('会议指出，要加强（扩大）宣传！')
})

test('ASCII punctuation between Latin words and numbers stays', () => {
  expect(normalizePunctuation('Version 2.0 (beta), ok')).toBe('Version 2.0 (beta), ok')
})

test('spaces between Chinese and numbers are removed', () => {
  expect(normalizeLine('本报讯 3 月 9日上午，')).toBe('本报讯3月9日上午，')
})

test('wrapped lines join without spaces, digits too, Latin words with one', () => {
  expect(joinLines(['推进城', '', '乡一体化'])).toBe('推进城乡一体化')
  expect(joinLines(['全年完成20', '23个项目'])).toBe('全年完成2023个项目')
  expect(joinLines(['open', 'source'])).toBe('open source')
})
