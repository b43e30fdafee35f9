// Where every page lives, as paths relative to the output root. Links are made relative to
// the page that holds them (see `relativeHref`) and always end in a file name, because a site
// opened from file:// shows a folder listing, not its index.html.

/** Each date's folder, made once: every story's, page's and issue's URL starts with it (60,000 stories, a few thousand dates). */
const datePaths = new Map<string, string>()

function datePath(date: string): string {
  let made = datePaths.get(date)
  if (made === undefined) {
    const [year, month, day] = date.split('-')
    if (!year || !month || !day) throw new Error(`Unexpected date "${date}", expected YYYY-MM-DD`)
    datePaths.set(date, (made = `${year}/${month}/${day}`))
  }
  return made
}

export const HOME_URL = 'index.html'
export const SEARCH_URL = 'search.html'
export const NOT_FOUND_URL = '404.html'
export const STYLESHEET_URL = 'assets/style.css'
export const SEARCH_SCRIPT_URL = 'assets/search.js'
export const STORY_HIGHLIGHT_SCRIPT_URL = 'assets/story-highlight.js'
export const PEOPLE_URL = 'people/index.html'
export const TOPICS_URL = 'topics/index.html'
export const FEED_URL = 'feed.xml'
export const SITEMAP_URL = 'sitemap.xml'
export const ROBOTS_URL = 'robots.txt'
export const API_DOC_URL = 'api.html'
export const REPORT_URL = 'report.html'

/** `2022` → `2022/index.html`: the year's calendar. */
export function yearUrl(year: string): string {
  if (!/^\d{4}$/u.test(year)) throw new Error(`Unexpected year "${year}", expected YYYY`)
  return `${year}/index.html`
}

/** `2022-06` → `2022/06/index.html`: the month's calendar. */
export function monthUrl(month: string): string {
  const [year, number] = month.split('-')
  if (!year || !number || !/^\d{4}$/u.test(year) || !/^\d{2}$/u.test(number)) throw new Error(`Unexpected month "${month}", expected YYYY-MM`)
  return `${year}/${number}/index.html`
}

export function issueUrl(date: string): string {
  return `${datePath(date)}/index.html`
}

export function pageUrl(date: string, page: number): string {
  return `${datePath(date)}/p${page}.html`
}

export function storyUrl(issueDate: string, page: number, bodyLine: number): string {
  return `${datePath(issueDate)}/p${page}-l${bodyLine}.html`
}

export function apiIssueUrl(date: string): string {
  return `api/issues/${date}.json`
}

/**
 * A file name for a person or topic: the name itself with anything that is not a letter or
 * digit turned into `-`, so Chinese names stay readable. Callers resolve collisions.
 */
export function nameSlug(name: string): string {
  const slug = name
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  return slug === '' ? 'x' : slug
}

export function personUrl(slug: string): string {
  return `people/${slug}.html`
}

export function topicUrl(slug: string): string {
  return `topics/${slug}.html`
}

/** One year of a person's or topic's stories: `people/<slug>/2021.html` beside `people/<slug>.html`. */
export function nameYearUrl(nameUrl: string, year: string): string {
  return `${nameUrl.replace(/\.html$/u, '')}/${year}.html`
}

/**
 * The link from the page at `fromPath` to `toPath`, both relative to the output root.
 * `toPath` may carry a `?query` or `#fragment`; it must name a file, never a folder.
 */
export function relativeHref(fromPath: string, toPath: string): string {
  const cut = toPath.search(/[?#]/)
  const target = cut === -1 ? toPath : toPath.slice(0, cut)
  const suffix = cut === -1 ? '' : toPath.slice(cut)
  if (target === '' || target.endsWith('/') || target.startsWith('/')) {
    throw new Error(`Unexpected link target "${toPath}", expected a file path relative to the output root`)
  }
  const fromDirs = fromPath.split('/').slice(0, -1)
  const toParts = target.split('/')
  const toDirs = toParts.slice(0, -1)
  let common = 0
  while (common < fromDirs.length && common < toDirs.length && fromDirs[common] === toDirs[common]) common++
  return '../'.repeat(fromDirs.length - common) + toParts.slice(common).join('/') + suffix
}

/**
 * `path` (relative to the output root) under the site's absolute base URL, percent-encoded:
 * for feeds and the sitemap, which need absolute URLs. Pages never use this.
 */
export function absoluteUrl(siteUrl: string, path: string): string {
  const base = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`
  return new URL(path, base).href
}
