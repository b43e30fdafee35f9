// What the search page keeps in its address: `?q=` (the query) and `&sort=date` (absent for
// the default, relevance), so a search can be linked, reloaded and walked with Back/Forward.

import type { SortOrder } from '../engine.js'

export interface SearchState {
  query: string
  sort: SortOrder
}

export function stateFromUrl(href: string = location.href): SearchState {
  const params = new URL(href).searchParams
  return { query: params.get('q') ?? '', sort: params.get('sort') === 'date' ? 'date' : 'relevance' }
}

/** `?q=…&sort=date`: a link relative to the search page itself. */
export function searchHref(state: SearchState): string {
  const params = new URLSearchParams()
  if (state.query !== '') params.set('q', state.query)
  if (state.sort !== 'relevance') params.set('sort', state.sort)
  const search = params.toString()
  return search === '' ? '?' : `?${search}`
}

/** Puts the state in the address, in a new history entry or the current one; false when the address already said it. */
export function putStateInUrl(state: SearchState, mode: 'push' | 'replace'): boolean {
  const url = new URL(location.href)
  const search = searchHref(state)
  url.search = search === '?' ? '' : search
  if (url.href === location.href) return false
  try {
    if (mode === 'push') history.pushState(null, '', url.href)
    else history.replaceState(null, '', url.href)
  } catch {
    // Some browsers refuse history changes for file:// pages; the search still works.
  }
  return true
}
