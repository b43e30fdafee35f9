// Shared pieces for browser tests: write a rendered site to disk, serve it under a sub-path
// from a tiny static server, and launch the system Chromium.

import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import type { OutputFile } from '../../src/types.js'

export const CHROMIUM_PATH = '/usr/bin/chromium'

/**
 * Whether browser tests can run. In CI a missing Chromium is a failure (the test must not
 * pass by skipping); locally the tests skip with a message that says how to install it.
 */
export function chromiumAvailability(): { run: boolean; reason?: string } {
  if (existsSync(CHROMIUM_PATH)) return { run: true }
  const reason = `Chromium not found at ${CHROMIUM_PATH}; install it with: apt-get update && apt-get install -y chromium`
  if (process.env.CI === 'true') throw new Error(reason)
  console.warn(`\n[e2e] SKIPPING browser tests: ${reason}\n`)
  return { run: false, reason }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

export async function writeSite(files: readonly OutputFile[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'archive-e2e-'))
  for (const file of files) {
    const target = path.join(dir, file.path)
    await mkdir(path.dirname(target), { recursive: true })
    await writeFile(target, file.contents)
  }
  return dir
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
}

export interface StaticServer {
  /** Base URL ending in the sub-path, e.g. `http://127.0.0.1:41234/sub/path/`. */
  url: string
  /** Paths requested (decoded, relative to the sub-path), to check nothing escaped it. */
  requests: string[]
  close(): Promise<void>
}

/** Serves `root` at `http://127.0.0.1:<random port><subPath>`; anything outside the sub-path is a 404. */
export async function serveStatic(root: string, subPath = '/sub/path/'): Promise<StaticServer> {
  const requests: string[] = []
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
    requests.push(pathname)
    const relative = pathname.startsWith(subPath) ? pathname.slice(subPath.length) : null
    const target = relative === null ? null : path.resolve(root, relative)
    if (target === null || !target.startsWith(path.resolve(root) + path.sep)) {
      response.writeHead(404).end('not found')
      return
    }
    try {
      const body = await readFile(target)
      response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream' })
      response.end(body)
    } catch {
      response.writeHead(404).end('not found')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  // Listening on a TCP port, so address() is an AddressInfo, never a pipe name.
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${subPath}`,
    requests,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  }
}
