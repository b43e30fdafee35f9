// Pages we write ourselves in markdown (templates/api.md) as hast: remark-parse → mdast →
// remark-rehype → hast. Only for our own text: story text is never parsed as markdown
// (OCR text with `*`, `#` or `1.` would turn into markup). Raw HTML in the markdown is
// dropped by remark-rehype, so even our own text cannot inject markup.

import type { ElementContent, Root as HastRoot } from 'hast'
import type { Root as MdastRoot, RootContent } from 'mdast'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'

export interface MarkdownPage {
  /** The text of the first level-1 heading. */
  title: string
  /** The first paragraph's text, for the page description. */
  summary: string
  content: ElementContent[]
}

function plainText(node: RootContent | MdastRoot): string {
  if ('value' in node && typeof node.value === 'string') return node.value
  return 'children' in node ? node.children.map((child) => plainText(child)).join('') : ''
}

export function renderMarkdown(markdown: string): MarkdownPage {
  const processor = unified().use(remarkParse).use(remarkRehype)
  const mdast = processor.parse(markdown)
  const heading = mdast.children.find((node) => node.type === 'heading' && node.depth === 1)
  const paragraph = mdast.children.find((node) => node.type === 'paragraph')
  if (!heading) throw new Error('Unexpected markdown page without a `# title`, expected one level-1 heading')
  // remark-rehype turns an mdast root into a hast root.
  const hast = processor.runSync(mdast) as HastRoot
  return {
    title: plainText(heading),
    summary: paragraph ? plainText(paragraph) : '',
    content: hast.children.filter((node): node is ElementContent => node.type !== 'doctype'),
  }
}
