// The dev server's server-sent events: each open page keeps one /__dev/events stream and is
// told the number of the latest good build, when it connects and after every rebuild; the
// page reloads when that is not the build it shows.

import type { ServerResponse } from 'node:http'

export interface ReloadEvents {
  /** Takes over the response as an event stream and sends the current build number. */
  connect(response: ServerResponse): void
  /** A new build is in place: tell every page. */
  built(build: number): void
  /** A rebuild failed: the pages keep what they show, and are told why (for the console). */
  failed(message: string): void
  close(): void
}

function event(name: string, data: string): string {
  return `event: ${name}\n${data.split('\n').map((line) => `data: ${line}`).join('\n')}\n\n`
}

export function createReloadEvents(current: () => number): ReloadEvents {
  const clients = new Set<ServerResponse>()
  const send = (text: string) => {
    for (const client of clients) client.write(text)
  }
  return {
    connect(response) {
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' })
      response.write(`retry: 500\n\n${event('build', String(current()))}`)
      clients.add(response)
      response.on('close', () => clients.delete(response))
    },
    built: (build) => send(event('build', String(build))),
    failed: (message) => send(event('build-failed', message)),
    close() {
      for (const client of clients) client.end()
      clients.clear()
    },
  }
}
