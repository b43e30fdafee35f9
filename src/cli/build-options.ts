import type { BuildOptions } from '../build.js'

/** The flags of every command that builds the site (build, dev). */
export const BUILD_FLAGS = {
  content: { type: 'string', default: 'content' },
  out: { type: 'string', default: 'public' },
  'site-url': { type: 'string' },
  'keep-going': { type: 'boolean', default: false },
  report: { type: 'string' },
  cache: { type: 'string', default: '.cache/archive' },
  'no-cache': { type: 'boolean', default: false },
  recheck: { type: 'boolean', default: false },
} as const

export const BUILD_FLAGS_USAGE = `  --content DIR    content folder to build (default: content)
  --out DIR        output folder (default: public)
  --site-url URL   absolute base URL for feeds and sitemap
  --keep-going     replace the output even when some pages failed; exit 0
  --report json    print the build report (errors, warnings, notes) as JSON on stdout
  --cache DIR      keep segmented pages and a record of the output here, so rebuilds only
                   redo what changed (default: .cache/archive; safe to delete)
  --no-cache       build everything afresh and keep nothing
  --recheck        run every stage even when nothing changed since the site in --out was
                   built (by default that site is left as it is: the same site, slower)`

export function buildOptions(values: {
  content: string
  out: string
  'site-url'?: string | undefined
  'keep-going': boolean
  cache: string
  'no-cache': boolean
  recheck?: boolean
}): BuildOptions {
  return {
    contentDir: values.content,
    outDir: values.out,
    siteUrl: values['site-url'] ?? null,
    keepGoing: values['keep-going'],
    cacheDir: values['no-cache'] ? null : values.cache,
    keepUnchanged: !values.recheck,
  }
}
