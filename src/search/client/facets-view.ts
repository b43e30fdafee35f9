// The topics, people and years of the current results, with counts. Each is a link to the
// same search narrowed by it (`topic:NAME` added to the query), so it works from the
// keyboard, opens in a new tab, and lands in the history like any other search. When
// counting topics and people would download a lot (a large archive), they wait for a button.

import type { FacetCount, FacetCounts } from '../engine.js'
import { filterPart, queryParts } from '../query-syntax.js'
import { searchHref, type SearchState } from './url-state.js'

/** Names shown per group; the most frequent first. */
const SHOWN = 10

const GROUPS: ReadonlyArray<{ key: keyof FacetCounts; filter: string; heading: string }> = [
  { key: 'topics', filter: 'topic', heading: '主题' },
  { key: 'people', filter: 'person', heading: '人物' },
  { key: 'years', filter: 'year', heading: '年份' },
]

export interface FacetsView {
  /** With `countNames`, topics and people not yet counted get a button that calls it. */
  show(state: SearchState, counts: FacetCounts, countNames?: { kB: number; run: () => void }): void
  hide(): void
}

/** `onFollow(state)` runs for a plain click on a link; the page then searches without reloading. */
export function createFacetsView(container: HTMLElement, onFollow: (state: SearchState) => void): FacetsView {
  container.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-query]') : null
    if (!link) return
    event.preventDefault()
    onFollow({ query: link.dataset.query ?? '', sort: link.dataset.sort === 'date' ? 'date' : 'relevance' })
  })

  function group(state: SearchState, heading: string, filter: string, counts: readonly FacetCount[]): HTMLElement | null {
    // A value the query already filters on would narrow nothing.
    const used = new Set(queryParts(state.query).filter((part) => part.filter === filter).map((part) => part.value))
    const shown = counts.filter((count) => !used.has(count.name)).slice(0, SHOWN)
    if (shown.length === 0) return null
    const section = document.createElement('section')
    const title = document.createElement('h3')
    title.textContent = heading
    const list = document.createElement('ul')
    for (const { name, count } of shown) {
      const narrowed: SearchState = { query: `${state.query.trim()} ${filterPart(filter, name)}`.trim(), sort: state.sort }
      const item = document.createElement('li')
      const link = document.createElement('a')
      link.href = searchHref(narrowed)
      link.dataset.query = narrowed.query
      link.dataset.sort = narrowed.sort
      link.textContent = name
      const number = document.createElement('span')
      number.className = 'facet-count'
      number.textContent = `（${count}）`
      link.append(number)
      item.append(link)
      list.append(item)
    }
    section.append(title, list)
    return section
  }

  return {
    show(state, counts, countNames) {
      const sections = GROUPS.map(({ key, filter, heading }) => group(state, heading, filter, counts[key] ?? [])).filter(
        (section): section is HTMLElement => section !== null,
      )
      if ((counts.topics === null || counts.people === null) && countNames) {
        const button = document.createElement('button')
        button.type = 'button'
        button.className = 'facet-more'
        button.textContent = `统计主题和人物（约 ${Math.max(1, Math.round(countNames.kB))} kB）`
        button.addEventListener('click', () => {
          button.disabled = true
          countNames.run()
        })
        const section = document.createElement('section')
        section.append(button)
        sections.push(section)
      }
      container.replaceChildren()
      if (sections.length === 0) {
        container.hidden = true
        return
      }
      const heading = document.createElement('h2')
      heading.textContent = '按结果细分'
      container.append(heading, ...sections)
      container.hidden = false
    },
    hide() {
      container.replaceChildren()
      container.hidden = true
    },
  }
}
