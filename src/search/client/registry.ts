// The receiving end of the self-registering search files (see script-file.ts). Files that ran
// before this script left their data in a queue; from now on `add` delivers directly.

import { REGISTRY_GLOBAL } from '../format.js'

/** The global the search files add themselves to: a queue until the page's registry is installed. */
export interface GlobalRegistry {
  q: Array<[string, unknown]>
  add(name: string, data: unknown): void
}

export interface Registry {
  get(name: string): unknown
  has(name: string): boolean
  /** Resolves with the data of `name` once its script has run. */
  whenAdded(name: string): Promise<unknown>
}

export function installRegistry(scope: object = self): Registry {
  const received = new Map<string, unknown>()
  const waiting = new Map<string, Array<(data: unknown) => void>>()
  const add = (name: string, data: unknown) => {
    received.set(name, data)
    for (const resolve of waiting.get(name) ?? []) resolve(data)
    waiting.delete(name)
  }
  // The global is ours by convention; data scripts may have created its queue first.
  const slot = scope as Record<string, GlobalRegistry | undefined>
  for (const [name, data] of slot[REGISTRY_GLOBAL]?.q ?? []) add(name, data)
  slot[REGISTRY_GLOBAL] = { q: [], add }

  return {
    get: (name) => received.get(name),
    has: (name) => received.has(name),
    whenAdded: (name) =>
      received.has(name)
        ? Promise.resolve(received.get(name))
        : new Promise((resolve) => waiting.set(name, [...(waiting.get(name) ?? []), resolve])),
  }
}
