// feed.xml: an Atom feed (RFC 4287) of the newest stories, full text included.
//
// Ids are `urn:uuid:` names derived from the paper and the story id, not URLs: RFC 4287
// (4.2.6.1) wants an entry's id never to change when the feed is moved or republished, and
// without a site URL there is no address to build a tag: or http: id from. Links are
// absolute, so they are written only when the site's address is known (config.siteUrl); an
// entry with full `content` needs no link (4.1.2), so the feed stays valid without one.
// Dates are calendar dates; Atom needs a time, and midnight UTC says "that day" without
// inventing a time of day. No clock is read.

import type { Element, ElementContent } from 'xast'
import { x } from 'xastscript'
import type { SiteConfig } from '../types.js'
import type { SiteContext, StoryRef } from './site-context.js'
import { absoluteUrl, FEED_URL, HOME_URL } from './urls.js'
import { uuidV5 } from './uuid.js'
import { onePerLine, xmlContent, xmlDocument, xmlText } from './xml.js'

export const FEED_SIZE = 50

const ATOM = 'http://www.w3.org/2005/Atom'
const XHTML = 'http://www.w3.org/1999/xhtml'
/** For an archive with no issue yet: a fixed date, never the clock. */
const NO_DATE = '1970-01-01'

function timestamp(date: string): string {
  return `${date}T00:00:00Z`
}

export function feedEntryId(paper: string, storyId: string): string {
  return `urn:uuid:${uuidV5(`story ${paper} ${storyId}`)}`
}

export function feedId(config: SiteConfig): string {
  return `urn:uuid:${uuidV5(`feed ${config.title}`)}`
}

function link(config: SiteConfig, path: string, rel: string, type: string): Element[] {
  return config.siteUrl ? [x('link', { rel, type, href: absoluteUrl(config.siteUrl, path) })] : []
}

function entry(config: SiteConfig, ref: StoryRef): Element {
  const { issue, page, story, url } = ref
  const authors = story.byline.length > 0 ? [...new Set(story.byline.map((b) => b.name))] : [issue.paper]
  const content: ElementContent[] = [
    ...story.headline.filter((line) => line !== story.title).map((line) => x('p', xmlContent(line))),
    x('p', xmlContent(`${issue.paper} ${issue.date} 第${page.page.meta.page}版`)),
    ...story.paragraphs.map((p) => x('p', xmlContent(p.text))),
  ]
  return x(
    'entry',
    onePerLine([
      x('id', feedEntryId(issue.paper, story.id)),
      x('title', xmlContent(story.title)),
      x('updated', timestamp(issue.date)),
      x('published', timestamp(issue.date)),
      ...authors.map((name) => x('author', [x('name', xmlContent(name))])),
      ...link(config, url, 'alternate', 'text/html'),
      ...story.topics.map((topic) => x('category', { term: xmlText(topic) })),
      x('content', { type: 'xhtml' }, [x('div', { xmlns: XHTML }, content)]),
    ]),
  )
}

/** The feed of the FEED_SIZE newest stories (newest issue first, then page and reading order). */
export function renderFeed(site: SiteContext): string {
  const config = site.model.config
  const newest = site.issues[0]?.date ?? NO_DATE
  return xmlDocument(
    x(
      'feed',
      { xmlns: ATOM, 'xml:lang': config.language },
      onePerLine([
        x('id', feedId(config)),
        x('title', xmlContent(config.title)),
        ...(config.description ? [x('subtitle', xmlContent(config.description))] : []),
        x('updated', timestamp(newest)),
        x('author', [x('name', xmlContent(config.title))]),
        ...link(config, FEED_URL, 'self', 'application/atom+xml'),
        ...link(config, HOME_URL, 'alternate', 'text/html'),
        ...site.stories.slice(0, FEED_SIZE).map((ref) => entry(config, ref)),
      ]),
    ),
  )
}
