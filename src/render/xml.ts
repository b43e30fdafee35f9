// XML files (the feed, the sitemap) are xast trees serialised by xast-util-to-xml, which
// escapes `&` and `<` in text and attribute values; nothing here writes markup by hand.

import type { Cdata, Element, ElementContent, Text } from 'xast'
import { toXml } from 'xast-util-to-xml'
import { x } from 'xastscript'

/** Characters XML 1.0 cannot carry at all, not even as references (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** Text made safe for an XML attribute value: characters XML forbids are dropped. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '')
}

/**
 * Text as the content of an element. XML forbids `]]>` in character data and the serializer
 * does not escape `>`, so the `>` of each `]]>` goes out as a CDATA section, which a parser
 * reads back as the same character.
 */
export function xmlContent(text: string): Array<Text | Cdata> {
  const parts = xmlText(text).split(']]>')
  return parts.flatMap((part, i): Array<Text | Cdata> => {
    const nodes: Array<Text | Cdata> = i === 0 ? [] : [{ type: 'text', value: ']]' }, { type: 'cdata', value: '>' }]
    return part === '' ? nodes : [...nodes, { type: 'text', value: part }]
  })
}

/** One child per line, so the file reads well and diffs well. */
export function onePerLine(children: readonly ElementContent[]): ElementContent[] {
  return children.flatMap((child) => [{ type: 'text', value: '\n' } as const, child]).concat({ type: 'text', value: '\n' })
}

export function xmlDocument(element: Element): string {
  const root = x(null, [{ type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' }, { type: 'text', value: '\n' }, element])
  return `${toXml(root, { closeEmptyElements: true })}\n`
}
