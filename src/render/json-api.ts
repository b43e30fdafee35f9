// The JSON API promised in contract.md: api/issues.json and one api/issues/YYYY-MM-DD.json per
// issue. Objects are built key by key in the contract's order (extras after it), so output is
// byte-identical for the same model.

import { contentKey } from '../cache/hash.js'
import type { Issue, LazyFile, OutputFile, SegmentedPage, SiteModel, Story } from '../types.js'
import { issueKey } from './group-job.js'
import { issuesNewestFirst, pagesInOrder } from './order.js'
import { apiIssueUrl, storyUrl } from './urls.js'

export const API_ISSUES_PATH = 'api/issues.json'

function storyJson(issue: Issue, page: SegmentedPage, story: Story) {
  return {
    id: story.id,
    url: storyUrl(issue.date, page.page.meta.page, story.bodyLine),
    kind: story.kind,
    column: story.column,
    headline: story.headline,
    title: story.title,
    titleDerived: story.titleDerived,
    byline: story.byline.map((entry) => ({ name: entry.name, role: entry.role })),
    date: story.date,
    body: story.paragraphs.map((paragraph) => paragraph.text),
    people: story.people.map((person) => ({ name: person.name, roles: person.roles })),
    organizations: story.organizations,
    topics: story.topics,
    continuedOn: story.continuedOn,
    lines: story.lines,
    // Beyond the contract's example; contract.md allows extending.
    continuedFrom: story.continuedFrom,
    photographers: story.photographers,
  }
}

function issueJson(issue: Issue) {
  return {
    date: issue.date,
    paper: issue.paper,
    pages: pagesInOrder(issue).map((page) => ({
      page: page.page.meta.page,
      source: page.page.contentPath,
      stories: page.stories.map((story) => storyJson(issue, page, story)),
    })),
  }
}

function jsonFile(path: string, value: unknown): OutputFile {
  return { path, contents: `${JSON.stringify(value, null, 2)}\n` }
}

function summaryFile(issues: Issue[]): OutputFile {
  const summary = issues.map((issue) => ({
    date: issue.date,
    paper: issue.paper,
    pages: issue.pages.length,
    stories: issue.pages.reduce((sum, page) => sum + page.stories.length, 0),
    url: apiIssueUrl(issue.date),
  }))
  return jsonFile(API_ISSUES_PATH, summary)
}

/** The API's files, each issue's made when taken (all of them together are a site's biggest files after the search index). */
export function* apiFiles(model: SiteModel): Generator<OutputFile> {
  const issues = issuesNewestFirst(model.issues)
  yield summaryFile(issues)
  for (const issue of issues) yield jsonFile(apiIssueUrl(issue.date), issueJson(issue))
}

/**
 * The same files for the site writer: each issue's keyed by the issue itself (issueJson
 * reads nothing else; group-job.ts issueKey, which its pages' key shares) and made only
 * when it changed — at 60,000 stories, making and hashing every issue's JSON was ~0.9 s of
 * each rebuild.
 */
export function* apiFileEntries(model: SiteModel): Generator<OutputFile | LazyFile> {
  const issues = issuesNewestFirst(model.issues)
  yield summaryFile(issues)
  for (const issue of issues) {
    const path = apiIssueUrl(issue.date)
    yield { path, inputs: contentKey('api issue', path, issueKey(issue)), contents: () => jsonFile(path, issueJson(issue)).contents }
  }
}

export function renderApi(model: SiteModel): OutputFile[] {
  return [...apiFiles(model)]
}
