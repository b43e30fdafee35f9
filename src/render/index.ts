// Renders the whole site from the model: HTML pages, the feed, sitemap and robots.txt, the
// JSON API, the stylesheet, the search script and the search index. Pure apart from reading
// our own templates and bundling our own client script; the caller writes the files.

import type { Issue, LazyFile, OutputFile, SiteModel } from '../types.js'
import { bundleSearchClient, bundleStoryHighlight } from '../search/bundle-client.js'
import { searchFiles, searchFilesAsync, type SearchFilesOptions } from '../search/search-files.js'
import { renderDocument, type LazyPages, type PageSpec } from './document.js'
import { groupSpecs, issueKeyData, renderGroup, type GroupJob, type IssueJob } from './group-job.js'
import { issueGroupInputs, issueGroupPaths } from './issue-group.js'
import { pageKeyer } from './page-key.js'
import { personKeys, type PersonKeyState } from './person-keys.js'
import { renderFeed } from './feed.js'
import { apiFileEntries, apiFiles } from './json-api.js'
import { apiDocPages } from './pages/api-doc.js'
import { datePages } from './pages/dates.js'
import { notFoundPage, searchPage } from './pages/fixed.js'
import { homePage } from './pages/home.js'
import { peopleIndexPages, personGroupInputs, personGroupPages, personPagePaths } from './pages/person.js'
import { reportPage } from './pages/report.js'
import { topicPages } from './pages/topic.js'
import { buildSiteContext, type NameEntry } from './site-context.js'
import { renderRobots, renderSitemap } from './sitemap.js'
import { loadTemplates } from './templates.js'
import { FEED_URL, NOT_FOUND_URL, REPORT_URL, ROBOTS_URL, SEARCH_SCRIPT_URL, SEARCH_URL, SITEMAP_URL, STORY_HIGHLIGHT_SCRIPT_URL, STYLESHEET_URL } from './urls.js'

export interface RenderOptions {
  /** Folder with the page templates, style.css and api.md; defaults to the project's templates/. */
  templateDir?: string
  search?: SearchFilesOptions
  /** The last build's person keys (person-keys.ts), kept where they still hold. */
  personKeys?: PersonKeyState | null
}

/** Pages a sitemap leaves out: they hold nothing to find (search, 404) or are for editors (the build report). */
const NOT_IN_SITEMAP = new Set([SEARCH_URL, NOT_FOUND_URL, REPORT_URL])

/**
 * Pages that are built together, and can be kept together: `key` names everything they
 * are made from (null: always build them), `paths` are their files, in the order `specs` builds them.
 */
export interface PageGroup extends Omit<LazyPages, 'inputs'> {
  readonly key: string | null
  /**
   * For an issue's or a person's pages: what they are made from, so a worker thread can
   * render them (render-pool.ts). Made afresh on each call and not kept: at 60,000 stories
   * every group's inputs together would hold hundreds of megabytes while the site is written.
   */
  job?: () => GroupJob
}

export interface SitePlan {
  /** The HTML pages in groups. A person's or an issue's pages are built only when asked for, so a big archive's pages never sit in memory together. Iterate once. */
  pages: Iterable<PageGroup>
  /** A page's file. */
  render(spec: PageSpec): OutputFile
  /** A group's pages from its job: path, key (of the bytes) and HTML of each, as a worker thread renders them (render-pool.ts). */
  renderGroup(job: GroupJob): [string, string, Uint8Array][]
  /** Names everything a page's file is made from (its content, the templates, the site settings): same key, same bytes. */
  key(spec: PageSpec): string
  /** The files that are neither pages nor the sitemap: feed, API, scripts, stylesheet, search index; made as they are taken. */
  files(): Iterable<OutputFile>
  /**
   * The same files, the build's way: the search index's term shards made on a worker thread
   * without blocking this one, and each issue's API file keyed by the issue, made only when written.
   */
  filesAsync(): AsyncIterable<OutputFile | LazyFile>
  /** The sitemap listing `pages` (the paths of every page, in order) when the site URL is known. */
  sitemap(pages: readonly string[]): OutputFile | null
  /** Whether `sitemap()` gives a file. */
  hasSitemap: boolean
  /** Every person's group key, for the next build (RenderOptions.personKeys). */
  personKeyState(): PersonKeyState
}

export function planSite(model: SiteModel, options: RenderOptions = {}): SitePlan {
  const site = buildSiteContext(model)
  const templates = loadTemplates(options.templateDir)
  const document = { config: model.config, templates }
  const key = pageKeyer(templates, model.config)
  // The site-wide pages are few and built as they are listed; people and issues are many, and built only when not kept.
  const single = (spec: PageSpec): PageGroup => ({ key: null, paths: [spec.path], specs: () => [spec] })
  // The other site-wide pages are keyed by their inputs (with their paths: two groups with the
  // same inputs are still two groups), only when asked.
  const lazy = (pages: LazyPages): PageGroup => {
    let known: string | undefined
    return {
      get key() {
        return (known ??= key({ paths: pages.paths, inputs: pages.inputs() }))
      },
      paths: pages.paths,
      specs: pages.specs,
    }
  }
  const issueGroup = (issue: Issue): PageGroup => {
    // Keyed here, from the site without the group's inputs (group-job.ts issueKeyData), and handed to the worker thread with the job.
    let known: string | undefined
    const issueGroupKey = (): string => (known ??= key(issueKeyData(site, issue)))
    const job = (): IssueJob => ({ kind: 'issue', inputs: issueGroupInputs(site, issue), key: issueGroupKey() })
    return {
      get key() {
        return issueGroupKey()
      },
      paths: issueGroupPaths(site, issue),
      specs: () => groupSpecs(model.config, job()),
      job,
    }
  }
  const people = personKeys(site, key, options.personKeys ?? null)
  const personGroup = (entry: NameEntry): PageGroup => {
    // Keyed here, from the site (group-job.ts personKeyData) or the last build (person-keys.ts), and handed to the worker thread with the job.
    const personKey = (): string => people.keyOf(entry)
    return {
      get key() {
        return personKey()
      },
      paths: personPagePaths(entry),
      specs: () => personGroupPages(personGroupInputs(site, entry)),
      job: () => ({ kind: 'person', inputs: personGroupInputs(site, entry), key: personKey() }),
    }
  }
  function* pages(): Generator<PageGroup> {
    // The search page comes with the search files (searchOptions): it carries the index's entry.
    yield single(homePage(site))
    yield single(notFoundPage())
    yield lazy(apiDocPages(templates))
    yield single(reportPage(model))
    // The other site-wide pages are made when written (document.ts LazyPages).
    for (const pages of [...datePages(site), ...peopleIndexPages(site)]) yield lazy(pages)
    for (const entry of site.people) yield personGroup(entry)
    for (const pages of topicPages(site)) yield lazy(pages)
    for (const issue of site.issues) yield issueGroup(issue)
  }
  const searchOptions: SearchFilesOptions = { ...options.search, searchPage: (entry) => renderDocument(document, searchPage(entry)) }
  function* otherFiles<F>(api: Iterable<F>): Generator<OutputFile | F> {
    yield { path: FEED_URL, contents: renderFeed(site) }
    yield { path: ROBOTS_URL, contents: renderRobots(model.config.siteUrl) }
    yield* api
    yield { path: STYLESHEET_URL, contents: templates.stylesheet }
    yield { path: SEARCH_SCRIPT_URL, contents: bundleSearchClient() }
    yield { path: STORY_HIGHLIGHT_SCRIPT_URL, contents: bundleStoryHighlight() }
  }
  return {
    pages: pages(),
    render: (spec) => renderDocument(document, spec),
    renderGroup: (job) => renderGroup(model.config, templates, job),
    key,
    *files() {
      yield* otherFiles(apiFiles(model))
      yield* searchFiles(model, searchOptions)
    },
    filesAsync() {
      // Started before anything is yielded, so the term shards are made while the rest is written.
      const search = searchFilesAsync(model, searchOptions)
      return (async function* () {
        yield* otherFiles(apiFileEntries(model))
        yield* search
      })()
    },
    hasSitemap: Boolean(model.config.siteUrl),
    personKeyState: () => people.state(),
    sitemap: (paths) => {
      const { siteUrl } = model.config
      return siteUrl ? { path: SITEMAP_URL, contents: renderSitemap(siteUrl, paths.filter((path) => !NOT_IN_SITEMAP.has(path))) } : null
    },
  }
}

/** The whole site in memory (tests and small sites; the build streams it with planSite). */
export function renderSite(model: SiteModel, options: RenderOptions = {}): OutputFile[] {
  const plan = planSite(model, options)
  const files = [...plan.files()]
  const pages = [...plan.pages].flatMap((group) => group.specs()).map((spec) => plan.render(spec))
  const sitemap = plan.sitemap(pages.map((page) => page.path))
  return [...pages, ...files, ...(sitemap ? [sitemap] : [])]
}
