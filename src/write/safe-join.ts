import path from 'node:path'

/** Refuses paths that would land outside the output folder. */
export function safeJoin(root: string, relative: string): string {
  const target = path.resolve(root, relative)
  if (!target.startsWith(path.resolve(root) + path.sep)) throw new Error(`Refusing to write outside the output folder: ${relative}`)
  return target
}
