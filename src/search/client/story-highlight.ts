// On a story page opened from the search results (`…/p1-l6.html#q=王小明`), marks the words
// and names of the query in the headline and the text, and scrolls to the first one. A
// classic script of its own (assets/story-highlight.js): the page's policy allows no inline
// script. Marks are built from text nodes and <mark> elements; no markup is ever parsed.

import { findHighlights, highlightNeedles, toPieces } from '../highlight.js'

/** Where a story's own words are; the citation and navigation are left alone. */
const MARKED_PARTS = '.story-header, .story-body'

function markTextNode(node: Text, needles: readonly string[]): HTMLElement | null {
  const ranges = findHighlights(node.data, needles)
  if (ranges.length === 0) return null
  let first: HTMLElement | null = null
  const replacement = toPieces(node.data, ranges).map((piece) => {
    if (!piece.mark) return document.createTextNode(piece.text)
    const mark = document.createElement('mark')
    mark.textContent = piece.text
    first ??= mark
    return mark
  })
  node.replaceWith(...replacement)
  return first
}

function start(): void {
  const query = new URLSearchParams(location.hash.slice(1)).get('q')
  if (!query) return
  const needles = highlightNeedles(query)
  if (needles.length === 0) return
  let first: HTMLElement | null = null
  for (const part of document.querySelectorAll(MARKED_PARTS)) {
    const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT)
    const nodes: Text[] = []
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node instanceof Text) nodes.push(node)
    for (const node of nodes) {
      const mark = markTextNode(node, needles)
      first ??= mark
    }
  }
  first?.scrollIntoView({ block: 'center' })
}

start()
