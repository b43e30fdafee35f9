// Draws the outcome of a search. Every piece of story text goes in through textContent or
// text nodes, never innerHTML, so text such as `<img onerror=…>` stays text.

import { RESULTS_PAGE_SIZE, type DocCard } from '../format.js'
import type { FirstPage, SearchEngine, SearchHit, SearchOutcome } from '../engine.js'
import { excerptPieces, findHighlights, snippetHighlights, toPieces, type Piece } from '../highlight.js'
import { formatDate } from '../../render/labels.js'

export const PAGE_SIZE = RESULTS_PAGE_SIZE

const SUGGESTION = '建议：检查用字是否有误，减少或换用关键词，或放宽 date:、year:、person:、topic:、org: 条件。'

export interface ResultsView {
  showMessage(query: string, text: string): void
  /** A first page that came before the query's postings (engine.ts FirstPage); its outcome follows with showOutcome. */
  showFirstPage(query: string, page: FirstPage): Promise<void>
  showOutcome(query: string, outcome: SearchOutcome): Promise<void>
}

function appendPieces(parent: HTMLElement, pieces: readonly Piece[]): void {
  for (const piece of pieces) {
    if (piece.mark) {
      const mark = document.createElement('mark')
      mark.textContent = piece.text
      parent.append(mark)
    } else {
      parent.append(document.createTextNode(piece.text))
    }
  }
}

/** Cut from the body around the first hit; when only the headline lines match, show those instead. */
function snippetPieces(card: DocCard, highlight: readonly string[]): Piece[] {
  const inBody = snippetHighlights(card.body, highlight)
  if (inBody.length > 0) return excerptPieces(card.body, inBody)
  const inTitle = findHighlights(card.titleText, highlight)
  return inTitle.length > 0 ? excerptPieces(card.titleText, inTitle) : excerptPieces(card.body, [])
}

function resultItem(card: DocCard, highlight: readonly string[]): HTMLLIElement {
  const item = document.createElement('li')
  const link = document.createElement('a')
  link.href = card.url
  link.className = 'result-title'
  appendPieces(link, toPieces(card.title, findHighlights(card.title, highlight)))
  const meta = document.createElement('p')
  meta.className = 'result-meta'
  const parts = [formatDate(card.date), `见报 ${formatDate(card.issueDate)} 第${card.page}版`]
  if (card.column) parts.push(card.column)
  meta.textContent = parts.join(' · ')
  const snippet = document.createElement('p')
  snippet.className = 'result-snippet'
  appendPieces(snippet, snippetPieces(card, highlight))
  item.append(link, meta, snippet)
  return item
}

/** Whether `hits` begins with the documents of `first`, in order. */
function startsWith(hits: readonly SearchHit[], first: readonly SearchHit[]): boolean {
  return first.length <= hits.length && first.every((hit, i) => hits[i]!.doc === hit.doc)
}

/** The query as echoed in the status line; a pasted essay is cut short. */
function quoted(query: string): string {
  const chars = [...query]
  return `“${chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : query}”`
}

function countMessage(count: number, ignored: readonly string[]): string {
  const found = `找到 ${count} 篇报道。`
  return ignored.length === 0 ? found : `${found}（已忽略无法搜索的“${ignored.join(' ')}”）`
}

export function createResultsView(elements: {
  status: HTMLElement
  list: HTMLOListElement
  more: HTMLButtonElement | null
  engine: SearchEngine
}): ResultsView {
  const { status, list, more, engine } = elements
  /** `early`: the first page shown from engine.firstPage, its outcome not yet here. */
  let shown: { query: string; hits: SearchHit[]; highlight: string[]; next: number; early: boolean } | null = null

  async function appendPage(): Promise<void> {
    const current = shown
    if (!current) return
    const page = current.hits.slice(current.next, current.next + PAGE_SIZE)
    if (more) more.disabled = true
    try {
      // All cards are requested at once and each result is shown as soon as it and those
      // before it have arrived: the first result does not wait for the twentieth card.
      const cards = page.map((hit) => engine.card(hit.doc))
      // A failure is reported once, where the loop reaches it, not also as unhandled.
      for (const pending of cards) pending.catch(() => undefined)
      for (const pending of cards) {
        const card = await pending
        // A newer search may have replaced the list while the cards were loading.
        if (shown !== current) return
        list.append(resultItem(card, current.highlight))
      }
      current.next += page.length
      if (more) more.hidden = current.next >= current.hits.length
    } finally {
      if (more) more.disabled = false
    }
  }

  more?.addEventListener('click', () => {
    appendPage().catch((error: unknown) => {
      status.textContent = `无法加载更多结果：${error instanceof Error ? error.message : String(error)}`
    })
  })

  /** `data-query` on the list tells scripts and tests which query the list shows. */
  function reset(query: string): void {
    shown = null
    list.replaceChildren()
    list.dataset.query = query
    if (more) more.hidden = true
  }

  return {
    showMessage(query, text) {
      reset(query)
      status.textContent = text
    },
    async showFirstPage(query, page) {
      reset(query)
      // Scores are not known yet, and not needed to list the page.
      shown = { query, hits: page.docs.map((doc) => ({ doc, score: 0 })), highlight: page.highlight, next: 0, early: true }
      status.textContent = countMessage(page.count, page.ignored)
      await appendPage()
    },
    async showOutcome(query, outcome) {
      if (outcome.status !== 'done' || outcome.hits.length === 0) reset(query)
      switch (outcome.status) {
        case 'empty':
          status.textContent = '请输入要搜索的词语，例如人名、地名或 date:2022-06。'
          return
        case 'invalid':
          status.textContent = outcome.problems.join('；')
          return
        case 'unsearchable':
          status.textContent = `${quoted(query)}中没有可以搜索的文字：标点和表情符号不参与搜索。请换用汉字、字母或数字。`
          return
        case 'done':
          if (outcome.hits.length === 0) {
            status.textContent = `没有找到与${quoted(query)}相符的报道。${SUGGESTION}`
            return
          }
          if (shown?.early && shown.query === query && startsWith(outcome.hits, shown.hits)) {
            // The first page on screen is this outcome's: keep it, and the rest can follow.
            shown.hits = outcome.hits
            shown.early = false
            if (more) more.hidden = shown.next >= shown.hits.length
            status.textContent = countMessage(outcome.hits.length, outcome.ignored)
            return
          }
          reset(query)
          shown = { query, hits: outcome.hits, highlight: outcome.highlight, next: 0, early: false }
          await appendPage()
          status.textContent = countMessage(outcome.hits.length, outcome.ignored)
      }
    },
  }
}
