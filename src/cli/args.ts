import { parseArgs, type ParseArgsConfig } from 'node:util'

type Options = NonNullable<ParseArgsConfig['options']>

/**
 * Parses a command's flags, printing the usage on `--help` or on a bad flag. Returns
 * the values, or the exit code to stop with.
 */
export function parseCommandLine<T extends Options>(options: T, usage: string): ReturnType<typeof parseArgs<{ options: T; strict: true }>>['values'] | number {
  try {
    const { values } = parseArgs({ options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true })
    if ((values as { help?: boolean }).help) {
      process.stdout.write(`${usage}\n`)
      return 0
    }
    return values as ReturnType<typeof parseArgs<{ options: T; strict: true }>>['values']
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`)
    return 2
  }
}
