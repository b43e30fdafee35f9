// `npm run dev`: builds the site with build() (as `npm run build` does), serves the output
// folder on localhost, rebuilds when content/ or templates/ change, and reloads the open
// pages after a good rebuild. The reload script is added to pages as they are served
// (inject-reload.ts); the files written are exactly those `npm run build` writes.

import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { watch } from 'chokidar'
import sirv from 'sirv'
import { build, type BuildOptions, type BuildResult } from '../build.js'
import { TEMPLATE_DIR } from '../render/templates.js'
import { EVENTS_PATH, injectReload, RELOAD_SCRIPT_PATH } from './inject-reload.js'
import { createRebuildQueue } from './rebuild-queue.js'
import { createReloadEvents } from './reload-events.js'

const RELOAD_CLIENT = fileURLToPath(new URL('./reload-client.js', import.meta.url))
const DEBOUNCE_MS = 80

export interface DevServerOptions {
  build: BuildOptions
  /** 0 picks a free port. */
  port: number
  host?: string
  /** Told after every build (the caller prints it). */
  onBuild?: (result: BuildResult | Error) => void
}

export interface DevServer {
  /** `http://host:port/`. */
  url: string
  /** Number of the build in place (1 after the first build, when it replaced the output). */
  build(): number
  close(): Promise<void>
}

/** The output file for a request path, or null when it is malformed or would leave the output folder. */
function outputPath(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  const relative = decoded.replace(/^\/+/, '')
  const target = path.resolve(root, relative.endsWith('/') || relative === '' ? `${relative}index.html` : relative)
  return target === root || target.startsWith(root + path.sep) ? target : null
}

async function sendPage(response: ServerResponse, file: string, status: number, build: number): Promise<boolean> {
  let html: string
  try {
    html = await readFile(file, 'utf8')
  } catch {
    return false
  }
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
  response.end(injectReload(html, build))
  return true
}

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const root = path.resolve(options.build.outDir)
  let current = 0
  const events = createReloadEvents(() => current)
  const queue = createRebuildQueue(async () => {
    try {
      const result = await build(options.build)
      if (result.replaced) {
        current++
        events.built(current)
      } else {
        events.failed(`${result.failed.length} page(s) could not be built; the last good site is still served`)
      }
      options.onBuild?.(result)
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error))
      events.failed(failure.message)
      options.onBuild?.(failure)
    }
  })
  await queue.request()

  // `dev`: files are looked up on every request, as every build replaces the whole folder.
  const statics = sirv(root, { dev: true, dotfiles: false })
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname
    if (pathname === EVENTS_PATH) return events.connect(response)
    if (pathname === RELOAD_SCRIPT_PATH) {
      void readFile(RELOAD_CLIENT).then((script) => {
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' })
        response.end(script)
      })
      return
    }
    const file = outputPath(root, pathname)
    const notFound = () => {
      void sendPage(response, path.join(root, '404.html'), 404, current).then((sent) => {
        if (!sent) response.writeHead(404).end('not found')
      })
    }
    if (file === null) return notFound()
    if (file.endsWith('.html')) {
      void sendPage(response, file, 200, current).then((sent) => sent || notFound())
      return
    }
    statics(request, response, notFound)
  })

  const watcher = watch([path.resolve(options.build.contentDir), TEMPLATE_DIR], { ignoreInitial: true })
  let timer: ReturnType<typeof setTimeout> | undefined
  watcher.on('all', () => {
    clearTimeout(timer)
    timer = setTimeout(() => void queue.request(), DEBOUNCE_MS)
  })
  await new Promise<void>((resolve) => watcher.once('ready', resolve))
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve))
  // Listening on a TCP port, so address() is an AddressInfo, never a pipe name.
  const { address, port } = server.address() as AddressInfo
  const host = address.includes(':') ? `[${address}]` : address

  return {
    url: `http://${host}:${port}/`,
    build: () => current,
    async close() {
      clearTimeout(timer)
      await watcher.close()
      await queue.idle()
      events.close()
      server.closeAllConnections()
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
    },
  }
}
