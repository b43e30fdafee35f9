import { describe, expect, test } from 'vitest'
import { createRebuildQueue } from '../../src/dev/rebuild-queue.js'

function deferred() {
  let resolve!: () => void
  let reject!: (error: Error) => void
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('rebuild queue', () => {
  test('requests while a build runs make exactly one more build, after it', async () => {
    const builds: Array<ReturnType<typeof deferred>> = []
    const queue = createRebuildQueue(() => {
      const build = deferred()
      builds.push(build)
      return build.promise
    })
    const first = queue.request()
    const second = queue.request()
    const third = queue.request()
    expect(builds).toHaveLength(1)
    expect(second).toBe(third)
    builds[0]!.resolve()
    await first
    await Promise.resolve()
    expect(builds).toHaveLength(2)
    builds[1]!.resolve()
    await second
    await queue.idle()
    expect(builds).toHaveLength(2)
  })

  test('a failed build does not stop the one asked for after it', async () => {
    let calls = 0
    const queue = createRebuildQueue(async () => {
      calls++
      if (calls === 1) throw new Error('broken page')
    })
    const first = queue.request()
    const second = queue.request()
    await expect(first).rejects.toThrow('broken page')
    await second
    await queue.idle()
    expect(calls).toBe(2)
  })
})
