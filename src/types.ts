// The shapes that flow between pipeline stages. Every stage takes and returns plain
// data of these types; nothing else is shared between stages.

/** Front matter of one content page, after validation. */
export interface PageMeta {
  paper: string
  /** Issue date, ISO `YYYY-MM-DD` (a calendar date, no time zone). */
  date: string
  page: number
  source: string | null
}

/** Editors' corrections to how one page is cut (from content/_data/corrections.yaml). */
export interface SegmentHints {
  /** Line ranges (inclusive, file lines) that are page furniture, not story text. */
  furniture: [number, number][]
  /** Lines where a new story starts although nothing printed says so. */
  splitBefore: number[]
  /** Body start lines of stories that continue the story before them. */
  mergeAt: number[]
  /** Line ranges that are the headline of the story whose body starts at `story`. */
  headlines: { lines: [number, number]; story: number }[]
}

/** One content file as read by `ingest`. */
export interface RawPage {
  meta: PageMeta
  /** Path relative to the content folder, with `/` separators (`2022/2022-06-07/page-01.txt`). */
  contentPath: string
  /** Path for messages, relative to the current directory. */
  displayPath: string
  /** The page text after the front matter, exactly as in the file (line endings normalised to `\n`). */
  text: string
  /** 1-based line in the file where `text` starts (front matter lines come before it). */
  firstLine: number
  /** Editors' corrections to the cutting of this page, if any. */
  hints?: SegmentHints
}

/**
 * A page's facts without its text: what the stages after normalize keep. The text lives on
 * in its lines (PageLine.raw); a second copy of every page would be a sixth of a big
 * build's memory.
 */
export type PageSource = Omit<RawPage, 'text'>

/**
 * A page the content scan found as the last build read it (cache/content-scan.ts): its facts
 * and the key of its text, which is read again only if the page must be segmented again.
 */
export interface ScannedPage extends PageSource {
  /** cache/hash.ts contentKey of the page's text. */
  textKey: string
}

/** One non-blank printed line after normalisation. */
export interface PageLine {
  /** 1-based line number in the content file. */
  line: number
  /** The line exactly as extracted. */
  raw: string
  /** The line normalised: letter-spacing undone, Chinese punctuation full-width, trimmed. */
  text: string
  /** Blank lines between this line and the previous non-blank line (or the page start). */
  blankBefore: number
}

export interface NormalizedPage {
  page: RawPage
  lines: PageLine[]
}

/** What a printed line is, as far as segmentation is concerned. */
export type BlockKind =
  | 'headline'
  | 'kicker'
  | 'column'
  | 'byline'
  | 'dateline'
  | 'body'
  | 'caption'
  | 'photo-credit'
  | 'continuation'
  | 'ad'
  | 'masthead'
  | 'fragment'

export type StoryKind = 'report' | 'photo' | 'brief'

export interface BylineEntry {
  name: string
  role: string | null
}

export interface PersonMention {
  name: string
  /** Titles printed before the name in this story, as printed (`市委副书记、市长`). */
  roles: string[]
}

/** A paragraph of story text with the source lines it came from. */
export interface Paragraph {
  text: string
  lines: number[]
}

export interface Story {
  id: string
  kind: StoryKind
  column: string | null
  headline: string[]
  title: string
  titleDerived: boolean
  byline: BylineEntry[]
  /** Event date (ISO) or null. */
  date: string | null
  paragraphs: Paragraph[]
  people: PersonMention[]
  organizations: string[]
  topics: string[]
  photographers: string[]
  continuedOn: number | null
  continuedFrom: number | null
  /**
   * Printed bits of the story that are neither headline nor body, as printed (after
   * normalisation), in page order: the 本报讯 marker with its byline bracket, byline
   * and credit lines, a brief's bullet, （上接N版） and （下转N版） notes.
   */
  apparatus: string[]
  /** First and last source line of everything that belongs to the story. */
  lines: [number, number]
  /** Source line where the body starts (part of the id). */
  bodyLine: number
}

/** Page text that belongs to no story: mastheads, ads, promos, stray fragments. */
export interface Furniture {
  kind: 'masthead' | 'ad' | 'fragment'
  text: string
  line: number
}

/** How each source line was used, for the page view. */
export interface LineRole {
  line: number
  kind: BlockKind
  /** Index into the page's stories, or null for furniture. */
  story: number | null
}

export interface SegmentedPage {
  page: PageSource
  lines: PageLine[]
  stories: Story[]
  furniture: Furniture[]
  lineRoles: LineRole[]
  /**
   * The page cache's key for the job that made this page (cache/page-cache.ts pageKey: the
   * page as read, the editors' cuts, the taxonomy, the code), when the build keeps a cache.
   * It stands in an issue's key (render/group-job.ts issueKey) for `lines`, `lineRoles`,
   * `furniture` and the stories' paragraphs, which nothing after the page job changes, and for
   * every field but the people of a story no correction changed (cache/as-made.ts).
   */
  sourceKey?: string
}

export interface Issue {
  date: string
  paper: string
  pages: SegmentedPage[]
}

export interface SiteConfig {
  title: string
  /** One sentence about the archive, for the home page and feeds; may be empty. */
  description: string
  /** Absolute base URL for feeds and sitemaps, or null when unknown. */
  siteUrl: string | null
  language: string
}

/** A message about the input, for the build report. */
export interface Diagnostic {
  /** Path relative to the content folder. */
  path: string
  line: number
  column: number
  /** `info`: a low-confidence decision worth an editor's look, not a problem with the input. */
  severity: 'error' | 'warning' | 'info'
  message: string
  /** `stage:rule`, e.g. `segment:headline-unattached`. */
  rule: string
}

/** What a build reports of the site it made (or kept): its counts and its messages. */
export interface BuildSummary {
  issues: number
  pages: number
  stories: number
  diagnostics: Diagnostic[]
}

/** A person of the editors' registry (`content/_data/people.yaml`): other spellings search as the name. */
export interface RegisteredPerson {
  name: string
  aliases: string[]
}

export interface SiteModel {
  config: SiteConfig
  /** Newest first. */
  issues: Issue[]
  /** The people registry; empty when the content has none. */
  people: RegisteredPerson[]
  /** Every warning and error of the build, sorted by path then line (for report.html). */
  diagnostics: Diagnostic[]
}

/** A file the build writes, relative to the output folder. */
export interface OutputFile {
  path: string
  contents: string | Uint8Array
}

/**
 * A file named by a key of everything it is made from (`inputs`), its contents made only
 * when asked: the site writer leaves a file whose inputs have not changed as it is, without
 * making it (as it does an issue's or a person's pages).
 */
export interface LazyFile {
  path: string
  inputs: string
  contents: () => string | Uint8Array
}
