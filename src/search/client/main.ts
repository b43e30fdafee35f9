// The search page: reads `?q=` and `&sort=`, listens to the site's search form and the sort
// control, keeps both in the URL, and shows results, the facets of the results, or looser
// queries that do find something. Everything it needs arrives through <script> tags.

import { createSearchEngine, type SearchOutcome } from '../engine.js'
import { SEARCH_ENTRY_FILE, SEARCH_FORMAT_VERSION, type SearchEntry } from '../format.js'
import { TOKENIZER_VERSION } from '../tokenizer.js'
import { createFacetsView } from './facets-view.js'
import { readEntryBlock, searchBaseUrl } from './page-entry.js'
import { installRegistry } from './registry.js'
import { createResultsView } from './results-view.js'
import { createScriptLoader } from './script-loader.js'
import { looserQueries, showAlternatives, type Alternative } from './suggestions.js'
import { putStateInUrl, stateFromUrl, type SearchState } from './url-state.js'

const TYPING_DELAY_MS = 250
/**
 * Topics and people are counted beside the results on their own only when their tables are
 * this small; otherwise a button offers it (FacetCounts in engine.ts says why).
 */
const AUTO_COUNT_BYTES = 150_000

/** Resolves once the browser has drawn a frame (or after 100 ms, for a page that is not drawn, as in a background tab). */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100)
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback)
        resolve()
      }),
    )
  })
}

function start(): void {
  const status = document.getElementById('search-status')
  const list = document.getElementById('results')
  const input = document.querySelector<HTMLInputElement>('input[type="search"][name="q"]')
  if (!status || !(list instanceof HTMLOListElement) || !input) return
  const more = document.getElementById('search-more')
  const sortControl = document.getElementById('search-sort')
  const sortSelect = sortControl instanceof HTMLSelectElement ? sortControl : null
  const facetsBox = document.getElementById('search-facets')
  const suggestions = document.getElementById('search-suggestions')
  const registry = installRegistry()
  // Our own build wrote it (format.ts); the head script has registered it, or it did not run.
  const entry = (registry.get(SEARCH_ENTRY_FILE) as SearchEntry | undefined) ?? readEntryBlock()
  if (!entry) {
    status.textContent = '搜索索引没有加载，无法搜索。请重新生成网站。'
    return
  }
  if (entry.tokenizer !== TOKENIZER_VERSION || entry.format !== SEARCH_FORMAT_VERSION) {
    status.textContent = '搜索索引与本页脚本的版本不一致，请重新生成网站。'
    return
  }
  const engine = createSearchEngine({ entry, load: createScriptLoader(registry, searchBaseUrl()) })
  const view = createResultsView({ status, list, more: more instanceof HTMLButtonElement ? more : null, engine })
  // A query being typed gets one history entry of its own, made when its first results show and
  // kept up to date as typing goes on (and by Enter): Back returns to the query before it,
  // however slowly it was typed. Replacing from the first keystroke lost that query's entry.
  let typedEntry = false
  const follow = (state: SearchState) => {
    putStateInUrl(state, 'push')
    typedEntry = false
    show(state)
    void run(state)
  }
  const facets = facetsBox ? createFacetsView(facetsBox, follow) : null
  suggestions?.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-query]') : null
    if (!link) return
    event.preventDefault()
    follow({ query: link.dataset.query ?? '', sort: link.dataset.sort === 'date' ? 'date' : 'relevance' })
  })

  // A story opened from the results gets the query in its fragment (`#q=…`), which its page
  // marks (story-highlight.ts). Added as the link is followed, so the links themselves stay
  // the story's own address.
  const carryQuery = (event: MouseEvent) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('#results > li > a') : null
    const query = list.dataset.query ?? ''
    if (link && query.trim() !== '') link.hash = new URLSearchParams({ q: query }).toString()
  }
  list.addEventListener('click', carryQuery)
  list.addEventListener('auxclick', carryQuery)

  /** Looser queries that find something, with their counts (at most a few extra searches). */
  async function findAlternatives(query: string): Promise<Array<Alternative & { count: number }>> {
    const found: Array<Alternative & { count: number }> = []
    for (const alternative of looserQueries(query)) {
      const outcome = await engine.search(alternative.query)
      if (outcome.status === 'done' && outcome.hits.length > 0) found.push({ ...alternative, count: outcome.hits.length })
    }
    return found
  }

  let latest = 0
  // Once the reader has asked for topic and people counts, their tables are loaded: keep counting.
  let namesCounted = false
  async function run(state: SearchState): Promise<void> {
    const mine = ++latest
    list!.setAttribute('aria-busy', 'true')
    facets?.hide()
    if (suggestions) suggestions.hidden = true
    try {
      // The first page of a query that is one of the archive's indexed names comes in one
      // small file, beside the postings that rank it (firstPage starts both): shown as soon as
      // it is here, and drawn before those postings are read, which for a common word takes
      // a while. Any other query has no first page and goes straight on.
      const first = await engine.firstPage(state.query, { sort: state.sort }).catch(() => null)
      if (mine !== latest) return
      if (first) {
        await view.showFirstPage(state.query, first)
        await afterNextPaint()
        if (mine !== latest) return
      }
      const outcome: SearchOutcome = await engine.search(state.query, { sort: state.sort })
      if (mine !== latest) return
      await view.showOutcome(state.query, outcome)
      if (outcome.status !== 'done') return
      if (outcome.hits.length > 0 && facets) {
        const bytes = await engine.nameCountBytes()
        const names = bytes <= AUTO_COUNT_BYTES || namesCounted
        const counts = await engine.facetCounts(outcome.hits, { names })
        if (mine !== latest) return
        facets.show(state, counts, {
          kB: bytes / 1000,
          run: () => {
            namesCounted = true
            engine.facetCounts(outcome.hits, { names: true }).then(
              (all) => {
                if (mine === latest) facets.show(state, all)
              },
              (error: unknown) => view.showMessage(state.query, `无法统计：${error instanceof Error ? error.message : String(error)}`),
            )
          },
        })
      } else if (outcome.hits.length === 0 && suggestions) {
        const found = await findAlternatives(state.query)
        if (mine === latest) showAlternatives(suggestions, state.sort, found)
      }
    } catch (error) {
      if (mine === latest) view.showMessage(state.query, `搜索出错：${error instanceof Error ? error.message : String(error)}`)
    } finally {
      if (mine === latest) list!.removeAttribute('aria-busy')
    }
  }

  function show(state: SearchState): void {
    input!.value = state.query
    if (sortSelect) sortSelect.value = state.sort
  }
  const currentSort = (): SearchState['sort'] => (sortSelect?.value === 'date' ? 'date' : 'relevance')

  let typingTimer: ReturnType<typeof setTimeout> | undefined
  input.form?.addEventListener('submit', (event) => {
    event.preventDefault()
    clearTimeout(typingTimer)
    const state: SearchState = { query: input.value, sort: currentSort() }
    putStateInUrl(state, typedEntry ? 'replace' : 'push')
    typedEntry = false
    void run(state)
  })
  const searchSoon = () => {
    clearTimeout(typingTimer)
    typingTimer = setTimeout(() => {
      const state: SearchState = { query: input.value, sort: currentSort() }
      if (putStateInUrl(state, typedEntry ? 'replace' : 'push')) typedEntry = true
      void run(state)
    }, TYPING_DELAY_MS)
  }
  input.addEventListener('input', (event) => {
    // While an IME is composing, the box holds pinyin, not the words meant.
    if (!(event instanceof InputEvent && event.isComposing)) searchSoon()
  })
  input.addEventListener('compositionend', searchSoon)
  sortSelect?.addEventListener('change', () => {
    clearTimeout(typingTimer)
    const state: SearchState = { query: input.value, sort: currentSort() }
    putStateInUrl(state, 'push')
    typedEntry = false
    void run(state)
  })
  addEventListener('popstate', () => {
    clearTimeout(typingTimer)
    typedEntry = false
    const state = stateFromUrl()
    show(state)
    void run(state)
  })

  const initial = stateFromUrl()
  show(initial)
  void run(initial)
}

start()
