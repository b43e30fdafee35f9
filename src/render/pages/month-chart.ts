// A small bar chart of stories per month, built as hast (SVG) nodes. The picture is one
// image to assistive technology (role="img", named by its <title> and aria-label, which say
// the numbers in words); the same numbers follow in a visually hidden table.

import type { Element, ElementContent } from 'hast'
import { s } from 'hastscript'
import { h } from '../h.js'
import { formatMonth } from '../labels.js'
import type { MonthCount } from '../month-counts.js'
import { KEEP, type Slots } from '../slots.js'

const BAR_WIDTH = 10
const BAR_GAP = 3
const PLOT_HEIGHT = 64
const PAD_X = 4
const PAD_TOP = 16
const PAD_BOTTOM = 18
/** Wide enough for the two month labels under a chart of few bars. */
const MIN_WIDTH = 160
const MIN_BAR_HEIGHT = 2

/** Coordinates to one decimal: enough for a screen, and the same text on every machine. */
function coord(value: number): number {
  return Math.round(value * 10) / 10
}

function countWords(count: number): string {
  return `${count} 篇`
}

/** What the chart shows, in a sentence: the span, the total, and every month that had stories. */
export function chartDescription(months: readonly MonthCount[]): string {
  const first = months[0]
  const last = months[months.length - 1]
  if (!first || !last) return '没有报道。'
  const total = months.reduce((sum, m) => sum + m.count, 0)
  const span = first.month === last.month ? formatMonth(first.month) : `${formatMonth(first.month)}至${formatMonth(last.month)}`
  const withStories = months.filter((m) => m.count > 0)
  const list = withStories.map((m) => `${formatMonth(m.month)} ${countWords(m.count)}`).join('，')
  const rest = withStories.length < months.length ? '；其余月份没有' : ''
  return `每月报道篇数，${span}，共 ${countWords(total)}：${list}${rest}。`
}

function bars(months: readonly MonthCount[], max: number): Element[] {
  return months.flatMap((m, i) => {
    if (m.count === 0) return []
    const height = Math.max(MIN_BAR_HEIGHT, (m.count / max) * PLOT_HEIGHT)
    return [
      s(
        'rect.chart-bar',
        {
          x: coord(PAD_X + i * (BAR_WIDTH + BAR_GAP)),
          y: coord(PAD_TOP + PLOT_HEIGHT - height),
          width: BAR_WIDTH,
          height: coord(height),
        },
        s('title', `${formatMonth(m.month)}：${countWords(m.count)}`),
      ),
    ]
  })
}

function chartSvg(months: readonly MonthCount[], description: string): Element {
  const max = Math.max(...months.map((m) => m.count))
  const plotWidth = months.length * (BAR_WIDTH + BAR_GAP) - BAR_GAP
  const width = Math.max(MIN_WIDTH, PAD_X * 2 + plotWidth)
  const height = PAD_TOP + PLOT_HEIGHT + PAD_BOTTOM
  const baseline = PAD_TOP + PLOT_HEIGHT
  const labelY = baseline + PAD_BOTTOM - 4
  const first = months[0]!
  const last = months[months.length - 1]!
  return s(
    'svg.month-chart',
    {
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'img',
      ariaLabel: description,
    },
    [
      s('title', description),
      s('text.chart-label', { x: PAD_X, y: PAD_TOP - 5 }, `最多 ${countWords(max)}`),
      ...bars(months, max),
      s('line.chart-axis', { x1: 0, y1: baseline, x2: width, y2: baseline }),
      s('text.chart-label', { x: PAD_X, y: labelY }, formatMonth(first.month)),
      months.length > 1 ? s('text.chart-label', { x: width - PAD_X, y: labelY, textAnchor: 'end' }, formatMonth(last.month)) : null,
    ],
  )
}

function numbersTable(months: readonly MonthCount[]): Element {
  return h('table.visually-hidden', [
    h('caption', '每月报道篇数'),
    h('thead', h('tr', [h('th', { scope: 'col' }, '月份'), h('th', { scope: 'col' }, '篇数')])),
    h(
      'tbody',
      months.map((m) => h('tr', [h('th', { scope: 'row' }, formatMonth(m.month)), h('td', String(m.count))])),
    ),
  ])
}

/** The chart and its table, or a plain note when there is nothing to draw. */
export function monthChart(months: readonly MonthCount[]): ElementContent[] {
  if (months.length === 0) return [h('p.empty-note', '没有报道。')]
  const description = chartDescription(months)
  return [chartSvg(months, description), numbersTable(months)]
}

/**
 * The chart section of a person's or topic's page (its `chart-section` and `chart` slots):
 * left out when all the stories fall in one month. One bar says no more than the intro's
 * date does, and that is most names of an archive — in the synthetic 60,000-story archive
 * 33,145 of the 33,356 people — whose pages then carry neither the picture nor its table
 * (people/ 227 → 197 MB there, and no SVG to build and serialise).
 */
export function monthChartSlots(months: readonly MonthCount[]): Slots {
  return months.length > 1 ? { 'chart-section': KEEP, chart: monthChart(months) } : { 'chart-section': null, chart: null }
}
