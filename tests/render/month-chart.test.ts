import type { Element, Root } from 'hast'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import { describe, expect, test } from 'vitest'
import { chartDescription, monthChart } from '../../src/render/pages/month-chart.js'
import { elements, hasClass } from './helpers/html.js'

const months = [
  { month: '2018-12', count: 4 },
  { month: '2019-01', count: 0 },
  { month: '2019-02', count: 1 },
]

function svgOf(nodes: ReturnType<typeof monthChart>): Element {
  return nodes.find((node): node is Element => node.type === 'element' && node.tagName === 'svg')!
}

describe('monthChart', () => {
  test('bar heights are proportional to the counts, with no bar for an empty month', () => {
    const bars = elements({ type: 'root', children: [svgOf(monthChart(months))] }, (n) => hasClass(n, 'chart-bar'))
    const heights = bars.map((bar) => Number(bar.properties.height))
    expect(heights).toHaveLength(2)
    expect(heights[0]! / heights[1]!).toBe(4)
  })

  test('bars stand on a common baseline, placed by month', () => {
    const bars = elements({ type: 'root', children: [svgOf(monthChart(months))] }, (n) => hasClass(n, 'chart-bar'))
    const bottoms = bars.map((bar) => Number(bar.properties.y) + Number(bar.properties.height))
    expect(bottoms[0]).toBe(bottoms[1])
    const [x0, x2] = bars.map((bar) => Number(bar.properties.x))
    // The empty month in between keeps its place.
    expect(x2! - x0!).toBe(2 * (Number(bars[0]!.properties.width) + 3))
  })

  test('the description names the span, the total and each month with stories', () => {
    expect(chartDescription(months)).toBe('每月报道篇数，2018年12月至2019年2月，共 5 篇：2018年12月 4 篇，2019年2月 1 篇；其余月份没有。')
  })

  test('a single month is described without a span', () => {
    expect(chartDescription([{ month: '2020-07', count: 2 }])).toBe('每月报道篇数，2020年7月，共 2 篇：2020年7月 2 篇。')
  })

  test('serialises as inline SVG with the attributes SVG expects', () => {
    const html = unified().use(rehypeStringify).stringify({ type: 'root', children: monthChart(months) } as Root)
    expect(html).toContain('<svg class="month-chart" viewBox="0 0 160 98"')
    expect(html).toContain('text-anchor="end"')
  })

  test('nothing to chart gives a note instead of an empty picture', () => {
    const nodes = monthChart([])
    expect(nodes).toHaveLength(1)
    expect(nodes[0]).toMatchObject({ tagName: 'p' })
  })
})
