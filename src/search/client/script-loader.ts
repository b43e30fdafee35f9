// Loads one search file by adding a <script> to the page: the only way to read data that
// works from file:// as well as over HTTP. Memoisation lives in the engine.

import type { Registry } from './registry.js'

/** `baseUrl` is the URL of search/entry.js; file names are relative to it. */
export function createScriptLoader(registry: Registry, baseUrl: string): (file: string) => Promise<unknown> {
  return (file) => {
    if (registry.has(file)) return Promise.resolve(registry.get(file))
    return new Promise((resolve, reject) => {
      registry.whenAdded(file).then(resolve, reject)
      const script = document.createElement('script')
      script.src = new URL(file, baseUrl).href
      script.onerror = () => reject(new Error(`无法加载搜索索引文件 ${file}`))
      // A classic script runs before its load event, so by now it must have registered.
      script.onload = () => {
        if (!registry.has(file)) reject(new Error(`搜索索引文件 ${file} 内容不符`))
      }
      document.head.append(script)
    })
  }
}
