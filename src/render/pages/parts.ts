// Small hast builders that several page kinds share: breadcrumbs and story lists.

import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import { formatDate, STORY_KIND_LABEL } from '../labels.js'
import type { StoryRef } from '../site-context.js'
import { HOME_URL, issueUrl } from '../urls.js'

export interface Crumb {
  text: string
  /** Root-relative; omitted for the current page. */
  href?: string
}

export function breadcrumbs(crumbs: Crumb[]): ElementContent[] {
  return crumbs.map((crumb) =>
    crumb.href === undefined ? h('span', { ariaCurrent: 'page' }, crumb.text) : h('a', { href: crumb.href }, crumb.text),
  )
}

export function homeCrumb(): Crumb {
  return { text: '首页', href: HOME_URL }
}

export function issueCrumb(date: string, paper: string): Crumb {
  return { text: `${paper} ${formatDate(date)}`, href: issueUrl(date) }
}

/** One line per story: its title linked, then what kind of item it is and its column. */
export function storyList(refs: readonly StoryRef[]): Element {
  return h(
    'ol.story-list',
    refs.map(({ story, url }) =>
      h('li', [
        h('a', { href: url }, story.title),
        story.kind === 'report' ? null : h('span.kind', STORY_KIND_LABEL[story.kind]),
        story.column ? h('span.column', story.column) : null,
      ]),
    ),
  )
}
