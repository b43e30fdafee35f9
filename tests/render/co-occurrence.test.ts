import { describe, expect, test } from 'vitest'
import { coMentions } from '../../src/render/co-occurrence.js'

describe('coMentions', () => {
  test('counts, per other name, the stories that mention both', () => {
    const stories = [
      ['周明远', '林晓岚', '郑大川'],
      ['林晓岚', '周明远'],
      ['周明远', '何书宁'],
    ]
    expect(coMentions('周明远', stories)).toEqual([
      { name: '林晓岚', count: 2 },
      { name: '何书宁', count: 1 },
      { name: '郑大川', count: 1 },
    ])
  })

  test('a name listed twice in one story counts that story once', () => {
    expect(coMentions('周明远', [['周明远', '林晓岚', '林晓岚', '周明远']])).toEqual([{ name: '林晓岚', count: 1 }])
  })

  test('ties are broken by name in code unit order, whatever the input order', () => {
    const forward = coMentions('甲', [['甲', '丙'], ['甲', '乙']])
    const backward = coMentions('甲', [['甲', '乙'], ['甲', '丙']])
    expect(forward).toEqual(backward)
    // 丙 is U+4E19, 乙 U+4E59: code unit order, not stroke or pinyin order.
    expect(forward.map((m) => m.name)).toEqual(['丙', '乙'])
  })

  test('keeps at most the limit, most shared stories first', () => {
    const stories = Array.from({ length: 12 }, (_, i) => ['主角', ...Array.from({ length: i + 1 }, (_, j) => `配角${String(j).padStart(2, '0')}`)])
    const top = coMentions('主角', stories, 10)
    expect(top).toHaveLength(10)
    expect(top[0]).toEqual({ name: '配角00', count: 12 })
    expect(top[9]).toEqual({ name: '配角09', count: 3 })
  })

  test('a person alone in every story has no co-mentions', () => {
    expect(coMentions('周明远', [['周明远'], ['周明远']])).toEqual([])
  })
})
