// What to offer when a search finds nothing: the same query made looser in one step — the
// last condition dropped, the filters dropped, a long word shortened, a person filter turned
// into a plain word search. The page tries each and shows only those that find something.

import { queryParts } from '../query-syntax.js'
import { isCjk } from '../tokenizer.js'
import { searchHref, type SearchState } from './url-state.js'

export interface Alternative {
  query: string
  /** Says what changed, for the reader. */
  reason: string
}

/** The looser queries, most specific first, each different from `query` and from the others. */
export function looserQueries(query: string): Alternative[] {
  const parts = queryParts(query)
  const join = (list: ReadonlyArray<{ source: string }>) => list.map((part) => part.source).join(' ')
  const out: Alternative[] = []
  const offer = (next: string, reason: string) => {
    if (next.trim() !== '' && next !== join(parts) && !out.some((alt) => alt.query === next)) out.push({ query: next, reason })
  }
  const words = parts.filter((part) => part.filter === null)
  const filters = parts.filter((part) => part.filter !== null)
  parts.forEach((part, at) => {
    if (part.filter === 'person' || part.filter === 'org' || part.filter === 'topic') {
      const asWord = parts.map((other, i) => (i === at ? part.value : other.source)).join(' ')
      offer(asWord, `把“${part.source}”改为全文搜索“${part.value}”`)
    }
  })
  const long = words.find((part) => [...part.value].length >= 3 && [...part.value].every(isCjk))
  if (long) {
    const shorter = [...long.value].slice(0, -1).join('')
    offer(parts.map((part) => (part === long ? shorter : part.source)).join(' '), `换用较短的“${shorter}”`)
  }
  if (parts.length > 1) offer(join(parts.slice(0, -1)), `去掉最后一个条件“${parts[parts.length - 1]!.source}”`)
  if (filters.length > 0 && words.length > 0) offer(join(words), '去掉全部筛选条件')
  return out
}

/** Lists the alternatives that find something, as links to those searches. */
export function showAlternatives(list: HTMLElement, sort: SearchState['sort'], found: ReadonlyArray<Alternative & { count: number }>): void {
  list.replaceChildren()
  for (const alternative of found) {
    const item = document.createElement('li')
    const link = document.createElement('a')
    link.href = searchHref({ query: alternative.query, sort })
    link.dataset.query = alternative.query
    link.dataset.sort = sort
    link.textContent = alternative.query
    item.append(`${alternative.reason}：`, link, `（${alternative.count} 篇）`)
    list.append(item)
  }
  list.hidden = found.length === 0
}
