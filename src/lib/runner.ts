/**
 * The runner port every action talks to, and its GitHub adapter over `@actions/core`. The port
 * stays so that the same run() serves the `gantry` CLI (src/cli/runner.ts) and tests; on GitHub
 * (and under `@github/local-action`, which stands in for `@actions/core`) the adapter below is used.
 */
import * as core from '@actions/core'
import { appendFileSync } from 'node:fs'
import { EOL } from 'node:os'
import { untrustedChannel } from './untrusted.js'

export interface AnnotationProperties {
  title?: string
  file?: string
  line?: number
}

export interface Runner {
  /** The raw value of an input ('' when unset), as the runner passes it. */
  getInput(name: string): string
  setOutput(name: string, value: string): void
  /** Registers a value to be masked in every later log line. */
  setSecret(value: string): void
  debug(message: string): void
  info(message: string): void
  /**
   * Prints text Gantry did not write (a host's, a tool's, a server's) so that the CI never acts
   * on it as a command; each line after `prefix`. See src/lib/untrusted.ts.
   */
  untrusted(text: string, prefix?: string): void
  notice(message: string, properties?: AnnotationProperties): void
  warning(message: string, properties?: AnnotationProperties): void
  error(message: string, properties?: AnnotationProperties): void
  group<T>(name: string, body: () => Promise<T>): Promise<T>
  /** Appends markdown to the job summary. */
  appendSummary(markdown: string): void
  saveState(name: string, value: string): void
  getState(name: string): string
  setFailed(message: string): void
  readonly isDebug: boolean
  readonly env: Readonly<Record<string, string | undefined>>
}

/** The parts of `@actions/core` the adapter uses (the module itself, or a stand-in for it). */
export type Core = Pick<
  typeof core,
  | 'getInput'
  | 'setOutput'
  | 'setSecret'
  | 'debug'
  | 'info'
  | 'notice'
  | 'warning'
  | 'error'
  | 'group'
  | 'saveState'
  | 'getState'
  | 'setFailed'
  | 'isDebug'
>

export function githubRunner(
  env: Record<string, string | undefined> = process.env,
  actionsCore: Core = core
): Runner {
  const c = actionsCore
  const untrusted = untrustedChannel((text) => c.info(text))
  // Anything of Gantry's own ends an open untrusted region first, so the runner reads it.
  const own =
    <A extends unknown[], R>(f: (...args: A) => R) =>
    (...args: A): R => {
      untrusted.close()
      return f(...args)
    }
  return {
    env,
    get isDebug() {
      return c.isDebug()
    },
    getInput: (name) => c.getInput(name),
    setOutput: own((name: string, value: string) => c.setOutput(name, value)),
    saveState: own((name: string, value: string) => c.saveState(name, value)),
    getState: (name) => c.getState(name),
    setSecret: own((value: string) => {
      if (value) c.setSecret(value)
    }),
    debug: own((message: string) => c.debug(message)),
    info: own((message: string) => c.info(message)),
    untrusted: (text, prefix) => untrusted.print(text, prefix),
    notice: own((message: string, props?: AnnotationProperties) => c.notice(message, props)),
    warning: own((message: string, props?: AnnotationProperties) => c.warning(message, props)),
    error: own((message: string, props?: AnnotationProperties) => c.error(message, props)),
    group: own(<T>(name: string, body: () => Promise<T>) =>
      c.group(name, async () => {
        try {
          return await body()
        } finally {
          untrusted.close() // before core's ::endgroup::
        }
      })
    ),
    appendSummary(markdown) {
      // core.summary writes asynchronously only; the summary is appended markdown in the file
      // core.summary would write (GITHUB_STEP_SUMMARY, which local-action sets too), so the port
      // stays synchronous. No file (an old runner, a local run): nothing to append to.
      const path = env.GITHUB_STEP_SUMMARY
      if (path) appendFileSync(path, markdown.endsWith(EOL) ? markdown : markdown + EOL, 'utf8')
    },
    setFailed: own((message: string) => c.setFailed(message))
  }
}
