import { parseArgs, type ParseArgsConfig } from 'node:util'

type Options = NonNullable<ParseArgsConfig['options']>
type Values<T extends Options> = ReturnType<typeof parseArgs<{ options: T; strict: true; allowPositionals: true }>>['values']

export interface CommandLine<T extends Options> {
  values: Values<T>
  positionals: string[]
}

/**
 * Parses a command's flags (and, when allowed, its file arguments), printing the
 * usage on `--help` or on a bad flag. Returns the parsed line, or the exit code to stop with.
 */
export function parseCommandLine<T extends Options>(options: T, usage: string, allowPositionals = false): CommandLine<T> | number {
  try {
    const { values, positionals } = parseArgs({ options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals })
    if ((values as { help?: boolean }).help) {
      process.stdout.write(`${usage}\n`)
      return 0
    }
    return { values: values as Values<T>, positionals }
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`)
    return 2
  }
}

/** Runs a command's main and exits with its code; an unexpected error is reported with its stack as `[archive] <what> failed`. */
export function runCommand(main: () => Promise<number>, what: string): void {
  main().then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(`[archive] ${what} failed: ${(error as Error).stack ?? String(error)}\n`)
      process.exitCode = 1
    },
  )
}
