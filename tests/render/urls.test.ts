import { describe, expect, test } from 'vitest'
import { issueUrl, nameSlug, pageUrl, relativeHref, storyUrl } from '../../src/render/urls.js'

describe('page URLs', () => {
  test('a story lives under its issue date, named by page and body line', () => {
    expect(storyUrl('2022-06-07', 1, 6)).toBe('2022/06/07/p1-l6.html')
  })

  test('an issue page is the index.html of its date folder', () => {
    expect(issueUrl('2022-06-07')).toBe('2022/06/07/index.html')
  })

  test('a page view is named by its page number', () => {
    expect(pageUrl('2022-06-07', 3)).toBe('2022/06/07/p3.html')
  })

  test('a name slug keeps Chinese and turns other characters into dashes', () => {
    expect(nameSlug('王小明')).toBe('王小明')
    expect(nameSlug(' Anna/Li ')).toBe('Anna-Li')
    expect(nameSlug('///')).toBe('x')
  })
})

describe('relativeHref', () => {
  test('from the root into a date folder', () => {
    expect(relativeHref('index.html', '2022/06/07/index.html')).toBe('2022/06/07/index.html')
  })

  test('from a date folder back to the root', () => {
    expect(relativeHref('2022/06/07/p1-l6.html', 'search.html')).toBe('../../../search.html')
  })

  test('within one folder', () => {
    expect(relativeHref('2022/06/07/p1-l6.html', '2022/06/07/p1.html')).toBe('p1.html')
  })

  test('between sibling folders', () => {
    expect(relativeHref('2022/06/07/index.html', '2022/05/30/index.html')).toBe('../../05/30/index.html')
  })

  test('keeps a fragment or query', () => {
    expect(relativeHref('2022/06/07/p1-l6.html', '2022/06/07/p1.html#L12')).toBe('p1.html#L12')
    expect(relativeHref('people/index.html', 'search.html?q=x')).toBe('../search.html?q=x')
  })

  test('refuses a folder, which file:// would show as a listing', () => {
    expect(() => relativeHref('index.html', '2022/06/07/')).toThrow(/expected a file path/)
  })

  test('refuses a root-absolute path, which breaks under a sub-path', () => {
    expect(() => relativeHref('index.html', '/search.html')).toThrow(/expected a file path/)
  })
})
