// Fills a template's `data-slot="name"` elements with hast nodes. A slot given nodes or text
// gets them as its children; `null` removes the element; `KEEP` leaves the template's own
// content. A slot the renderer forgot, or a value for a slot the template lacks, is an error:
// templates and renderers must not drift apart unnoticed.

import type { Element, ElementContent, Parents, Root } from 'hast'

/**
 * Keeps the template's own content. An object rather than a symbol so that page keys
 * (render/page-key.ts) can hash a page's slots with a plain JSON.stringify, which drops
 * symbols and is several times slower with a replacer function.
 */
export const KEEP: { readonly keep: 'template content'; toJSON(): string } = Object.freeze({
  keep: 'template content',
  toJSON: () => '\u0000keep',
})

export type SlotValue = ElementContent | ElementContent[] | string | null | typeof KEEP

const isKeep = (value: SlotValue): value is typeof KEEP => value === KEEP
export type Slots = Record<string, SlotValue>

function slotName(node: Element): string | null {
  const name = node.properties.dataSlot
  return typeof name === 'string' ? name : null
}

function toChildren(value: ElementContent | ElementContent[] | string): ElementContent[] {
  if (typeof value === 'string') return value === '' ? [] : [{ type: 'text', value }]
  return Array.isArray(value) ? value : [value]
}

/** Slot names inside a removed element count as handled. */
function collectNames(node: Parents, into: Set<string>): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    const name = slotName(child)
    if (name) into.add(name)
    collectNames(child, into)
  }
}

function fill(parent: Parents, slots: Slots, seen: Set<string>): void {
  let i = 0
  while (i < parent.children.length) {
    const node = parent.children[i]!
    if (node.type !== 'element') {
      i++
      continue
    }
    const name = slotName(node)
    if (name !== null) {
      if (!Object.hasOwn(slots, name)) throw new Error(`Template slot "${name}" was not filled, expected a value for it`)
      seen.add(name)
      delete node.properties.dataSlot
      const value = slots[name]!
      if (value === null) {
        collectNames(node, seen)
        // Take the template's indentation before the element along with it.
        const before = parent.children[i - 1]
        const blank = before?.type === 'text' && before.value.trim() === ''
        parent.children.splice(blank ? i - 1 : i, blank ? 2 : 1)
        if (blank) i--
        continue
      }
      if (!isKeep(value)) {
        // Filled content is ours, not the template's: it is not searched for slots.
        node.children = toChildren(value)
        i++
        continue
      }
    }
    fill(node, slots, seen)
    i++
  }
}

export function fillSlots(tree: Root | Element, slots: Slots): void {
  const seen = new Set<string>()
  fill(tree, slots, seen)
  for (const name of Object.keys(slots)) {
    if (!seen.has(name)) throw new Error(`Unexpected value for slot "${name}", the template has no such slot`)
  }
}
