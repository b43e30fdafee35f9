// A person or topic with many stories (an official over a decade has thousands): its page
// lists the newest LIST_LIMIT and links one page per year for all of them, so no page
// grows with the archive.

import type { ElementContent } from 'hast'
import { h } from '../h.js'
import type { PageSpec } from '../document.js'
import type { NameEntry, StoryRef } from '../site-context.js'
import { nameYearUrl } from '../urls.js'
import { breadcrumbs, datedStoryItems, homeCrumb, type Crumb } from './parts.js'

/** Stories listed on a person's or topic's own page before the list goes by year. */
export const LIST_LIMIT = 100

/**
 * The entry's stories by year of issue, newest year first (stories stay newest first). Newest
 * first, a year's stories come in one run: its year is worked out where a run begins, not for
 * each story (every topic's and long-listed person's stories are grouped so on every build,
 * ~150,000 at 60,000 stories); a year met again is still added to its own list.
 */
function byYear(stories: readonly StoryRef[]): [string, StoryRef[]][] {
  const years = new Map<string, StoryRef[]>()
  let year = ''
  let list: StoryRef[] = []
  for (const ref of stories) {
    const date = ref.issue.date
    if (year === '' || !date.startsWith(year)) {
      year = date.slice(0, 4)
      const seen = years.get(year)
      if (seen) list = seen
      else years.set(year, (list = []))
    }
    list.push(ref)
  }
  return [...years]
}

/** Whether the entry's stories go on year pages. */
export const isLong = (entry: NameEntry): boolean => entry.stories.length > LIST_LIMIT

/** The story list of the entry's own page and, for a long one, the links to its years (null otherwise). */
export function listSlots(entry: NameEntry, extra?: (ref: StoryRef) => ElementContent[]): { stories: ElementContent[]; years: ElementContent[] | null } {
  if (!isLong(entry)) return { stories: datedStoryItems(entry.stories, extra), years: null }
  return {
    stories: datedStoryItems(entry.stories.slice(0, LIST_LIMIT), extra),
    years: [
      { type: 'text', value: `共 ${entry.stories.length} 篇，这里是最新的 ${LIST_LIMIT} 篇。按年份看全部：` },
      ...byYear(entry.stories).map(([year, refs]) => h('a', { href: nameYearUrl(entry.url, year) }, `${year} 年（${refs.length} 篇）`)),
    ],
  }
}

/** The paths of yearListPages, without building them. */
export function yearListPaths(entry: NameEntry): string[] {
  return isLong(entry) ? byYear(entry.stories).map(([year]) => nameYearUrl(entry.url, year)) : []
}

/**
 * The links between an entry's year pages: the years alone. The counts stay on the entry's
 * own page (listSlots) and in each year page's intro: a new story changes the count of its
 * year only, and printed in every year page's links it rewrote all of them — eleven pages of
 * each official and topic of the day, in a decade's archive, for one new issue.
 */
function yearLinks(entry: NameEntry, years: readonly string[], current: string): ElementContent[] {
  return years.map((year) => (year === current ? h('strong', `${year} 年`) : h('a', { href: nameYearUrl(entry.url, year) }, `${year} 年`)))
}

/** A long entry's year pages, each with what it is made from: its year's stories and the list of years (none for a short entry). */
export function yearLists(entry: NameEntry): { year: string; path: string; refs: StoryRef[]; years: string[] }[] {
  if (!isLong(entry)) return []
  const byYears = byYear(entry.stories)
  const years = byYears.map(([year]) => year)
  return byYears.map(([year, refs]) => ({ year, path: nameYearUrl(entry.url, year), refs, years }))
}

/** One year page of a long entry (yearLists). */
export function yearListPage(entry: NameEntry, parent: Crumb, list: ReturnType<typeof yearLists>[number], extra?: (ref: StoryRef) => ElementContent[]): PageSpec {
  const { year, path, refs, years } = list
  return {
    path,
    title: `${entry.name} · ${year} 年`,
    template: 'story-list',
    slots: {
      breadcrumbs: breadcrumbs([homeCrumb(), parent, { text: entry.name, href: entry.url }, { text: `${year} 年` }]),
      heading: `${entry.name} · ${year} 年`,
      intro: `${year} 年见报的 ${refs.length} 篇，新的在前。`,
      years: yearLinks(entry, years, year),
      stories: datedStoryItems(refs, extra),
    },
  }
}

/** One page per year of a long entry's stories (none for a short one). */
export function yearListPages(entry: NameEntry, parent: Crumb, extra?: (ref: StoryRef) => ElementContent[]): PageSpec[] {
  return yearLists(entry).map((list) => yearListPage(entry, parent, list, extra))
}
