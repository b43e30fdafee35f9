// Runs a build when asked, one at a time: a request that comes while a build runs makes one
// more build after it, however many requests came (edits arrive in bursts while saving).

export interface RebuildQueue {
  /** Asks for a build; resolves when a build that started after the request has finished. */
  request(): Promise<void>
  /** Resolves when no build is running or waiting. */
  idle(): Promise<void>
}

export function createRebuildQueue(run: () => Promise<void>): RebuildQueue {
  let running: Promise<void> | null = null
  let again: Promise<void> | null = null

  function start(): Promise<void> {
    running = run().finally(() => {
      running = null
    })
    return running
  }

  return {
    request() {
      if (!running) return start()
      // One more build after the running one serves every request made in the meantime.
      // It runs whether the running build succeeded or not.
      const next = () => {
        again = null
        return start()
      }
      again ??= running.then(next, next)
      return again
    },
    async idle() {
      while (running || again) await (again ?? running)?.catch(() => undefined)
    },
  }
}
