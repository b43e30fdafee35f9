// Loads one search file by adding a <script> to the page: the only way to read data that
// works from file:// as well as over HTTP. Memoisation lives in the engine.
//
// The page's head script (early.ts) may have added a file's script before this loader
// existed; the loader then waits for that one instead of asking for the file again. Each
// script records in `data-state` whether it loaded or failed, since its events may have
// passed before anyone here listens.

import type { Registry } from './registry.js'

/** A <script> for search file `file` (relative to `baseUrl`, page-entry.ts searchBaseUrl), not yet in the page. */
export function searchScript(file: string, baseUrl: string): HTMLScriptElement {
  const script = document.createElement('script')
  script.src = new URL(file, baseUrl).href
  script.dataset.searchFile = file
  script.addEventListener('load', () => (script.dataset.state = 'loaded'))
  script.addEventListener('error', () => (script.dataset.state = 'failed'))
  return script
}

function pageScript(file: string): HTMLScriptElement | undefined {
  for (const script of document.scripts) if (script.dataset.searchFile === file) return script
  return undefined
}

export function createScriptLoader(registry: Registry, baseUrl: string): (file: string) => Promise<unknown> {
  return (file) => {
    if (registry.has(file)) return Promise.resolve(registry.get(file))
    return new Promise((resolve, reject) => {
      const mismatch = () => reject(new Error(`搜索索引文件 ${file} 内容不符`))
      registry.whenAdded(file).then(resolve, reject)
      let script = pageScript(file)
      // A classic script runs before its load event, so once loaded it must have registered.
      if (script?.dataset.state === 'loaded') return mismatch()
      if (!script || script.dataset.state === 'failed') {
        script?.remove()
        script = searchScript(file, baseUrl)
        document.head.append(script)
      }
      script.addEventListener('error', () => reject(new Error(`无法加载搜索索引文件 ${file}`)))
      script.addEventListener('load', () => {
        if (!registry.has(file)) mismatch()
      })
    })
  }
}
