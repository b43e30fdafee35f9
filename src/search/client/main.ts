// The search page: reads `?q=`, listens to the site's search form, keeps the query in the
// URL, and shows results. Everything it needs arrives through <script> tags.

import { createSearchEngine } from '../engine.js'
import { SEARCH_ENTRY_FILE, SEARCH_FORMAT_VERSION, type SearchEntry } from '../format.js'
import { TOKENIZER_VERSION } from '../tokenizer.js'
import { installRegistry } from './registry.js'
import { createResultsView } from './results-view.js'
import { createScriptLoader } from './script-loader.js'

const TYPING_DELAY_MS = 250

function queryFromUrl(): string {
  return new URLSearchParams(location.search).get('q') ?? ''
}

function putQueryInUrl(query: string, mode: 'push' | 'replace'): void {
  const url = new URL(location.href)
  if (query === '') url.searchParams.delete('q')
  else url.searchParams.set('q', query)
  if (url.href === location.href) return
  try {
    if (mode === 'push') history.pushState(null, '', url.href)
    else history.replaceState(null, '', url.href)
  } catch {
    // Some browsers refuse history changes for file:// pages; the search still works.
  }
}

function start(): void {
  const status = document.getElementById('search-status')
  const list = document.getElementById('results')
  const input = document.querySelector<HTMLInputElement>('input[type="search"][name="q"]')
  if (!status || !(list instanceof HTMLOListElement) || !input) return
  const more = document.getElementById('search-more')
  const registry = installRegistry()
  // Our own build wrote this file; format.ts describes it.
  const entry = registry.get(SEARCH_ENTRY_FILE) as SearchEntry | undefined
  const entryScript = document.querySelector<HTMLScriptElement>('script[data-search-entry]')
  if (!entry || !entryScript) {
    status.textContent = '搜索索引没有加载，无法搜索。请重新生成网站。'
    return
  }
  if (entry.tokenizer !== TOKENIZER_VERSION || entry.format !== SEARCH_FORMAT_VERSION) {
    status.textContent = '搜索索引与本页脚本的版本不一致，请重新生成网站。'
    return
  }
  const engine = createSearchEngine({ entry, load: createScriptLoader(registry, entryScript.src) })
  const view = createResultsView({ status, list, more: more instanceof HTMLButtonElement ? more : null, engine })

  let latest = 0
  async function run(query: string): Promise<void> {
    const mine = ++latest
    list!.setAttribute('aria-busy', 'true')
    try {
      const outcome = await engine.search(query)
      if (mine === latest) await view.showOutcome(query, outcome)
    } catch (error) {
      if (mine === latest) view.showMessage(query, `搜索出错：${error instanceof Error ? error.message : String(error)}`)
    } finally {
      if (mine === latest) list!.removeAttribute('aria-busy')
    }
  }

  let typingTimer: ReturnType<typeof setTimeout> | undefined
  input.form?.addEventListener('submit', (event) => {
    event.preventDefault()
    clearTimeout(typingTimer)
    putQueryInUrl(input.value, 'push')
    void run(input.value)
  })
  const searchSoon = () => {
    clearTimeout(typingTimer)
    typingTimer = setTimeout(() => {
      putQueryInUrl(input.value, 'replace')
      void run(input.value)
    }, TYPING_DELAY_MS)
  }
  input.addEventListener('input', (event) => {
    // While an IME is composing, the box holds pinyin, not the words meant.
    if (!(event instanceof InputEvent && event.isComposing)) searchSoon()
  })
  input.addEventListener('compositionend', searchSoon)
  addEventListener('popstate', () => {
    input.value = queryFromUrl()
    void run(input.value)
  })

  input.value = queryFromUrl()
  void run(input.value)
}

start()
