// Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name). The feed uses them
// as entry ids: the same story always gets the same id, wherever the site is published.

import { createHash } from 'node:crypto'

/** This tool's namespace for feed ids; fixed forever, or every reader would see every entry as new. */
export const ARCHIVE_NAMESPACE = '2c3dd858-b675-4421-a0ab-9aa01544edda'

const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/iu

export function uuidV5(name: string, namespace: string = ARCHIVE_NAMESPACE): string {
  if (!UUID.test(namespace)) throw new Error(`Unexpected namespace "${namespace}", expected a UUID`)
  const bytes = createHash('sha1').update(Buffer.from(namespace.replaceAll('-', ''), 'hex')).update(name, 'utf8').digest().subarray(0, 16)
  bytes[6] = (bytes[6]! & 0x0f) | 0x50
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
