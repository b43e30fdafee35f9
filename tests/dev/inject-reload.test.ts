import { describe, expect, test } from 'vitest'
import { injectReload } from '../../src/dev/inject-reload.js'
import { renderSite } from '../../src/render/index.js'
import { sampleModel } from '../search/fixtures/site-model.js'
import { byTag, fileByPath, parseHtml } from '../render/helpers/html.js'

describe('dev reload injection', () => {
  const built = String(fileByPath(renderSite(sampleModel()), '2023/05/02/p1-l8.html').contents)
  const served = parseHtml(injectReload(built, 7))

  test('the built site never refers to the dev reload script', () => {
    for (const file of renderSite(sampleModel())) expect(String(file.contents), file.path).not.toContain('__dev')
  })

  test('adds the reload script as an external file, with the build number, at the end of <head>', () => {
    const head = byTag(served, 'head')[0]!
    const last = head.children.filter((n) => n.type === 'element').at(-1)!
    expect(last.properties).toEqual({ src: '/__dev/reload.js', dataDevBuild: '7', defer: true })
  })

  test("adds connect-src 'self' for the event stream, and changes nothing else of the policy", () => {
    const policy = (tree: ReturnType<typeof parseHtml>) =>
      String(byTag(tree, 'meta').find((m) => String(m.properties.httpEquiv) === 'Content-Security-Policy')!.properties.content)
    expect(policy(served)).toBe(`${policy(parseHtml(built))}; connect-src 'self'`)
  })

  test('the page body is served as built', () => {
    // Up to the footer's end: re-parsing moves only the trailing newlines.
    const body = (html: string) => html.slice(html.indexOf('<body>'), html.indexOf('</footer>'))
    expect(body(injectReload(built, 1))).toBe(body(built))
  })
})
