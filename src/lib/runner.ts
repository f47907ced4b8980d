/**
 * The runner contract, written directly against the files and workflow commands the GitHub
 * Actions runner documents (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV, GITHUB_STEP_SUMMARY,
 * `::error::`, `::add-mask::`, `::group::`). We do not load @actions/core for this: its import
 * alone costs about 0.9x a bare node start (it pulls in undici), and these few lines are all an
 * action needs. Every action talks to a Runner, so the CLI can supply its own.
 */
import { randomUUID } from 'node:crypto'
import { appendFileSync, existsSync } from 'node:fs'
import { EOL } from 'node:os'

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

/** Escaping of workflow-command data and properties, as the runner decodes it. */
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}
function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

export function workflowCommand(
  command: string,
  message: string,
  properties: Record<string, string | number | undefined> = {}
): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',')
  return `::${command}${props ? ' ' + props : ''}::${escapeData(message)}`
}

/** `name<<delimiter` blocks: safe for any value, multi-line included. */
export function fileCommandEntry(name: string, value: string): string {
  const delimiter = `ghadelimiter_${randomUUID()}`
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`Unexpected delimiter in the value of '${name}'`)
  }
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`
}

export function githubRunner(
  env: Record<string, string | undefined> = process.env,
  write: (line: string) => void = (line) => process.stdout.write(line + EOL)
): Runner {
  const issue = (cmd: string, msg: string, props?: AnnotationProperties) =>
    write(workflowCommand(cmd, msg, { title: props?.title, file: props?.file, line: props?.line }))
  const appendTo = (variable: string, legacyCommand: string, name: string, value: string) => {
    const path = env[variable]
    if (path) {
      if (!existsSync(path)) throw new Error(`${variable} points to a missing file: ${path}`)
      appendFileSync(path, fileCommandEntry(name, value), 'utf8')
    } else {
      write(EOL + workflowCommand(legacyCommand, value, { name }))
    }
  }
  const isDebug = env.RUNNER_DEBUG === '1'
  return {
    env,
    isDebug,
    getInput: (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
    setOutput: (name, value) => appendTo('GITHUB_OUTPUT', 'set-output', name, value),
    saveState: (name, value) => appendTo('GITHUB_STATE', 'save-state', name, value),
    getState: (name) => env[`STATE_${name}`] ?? '',
    setSecret: (value) => {
      if (value) write(workflowCommand('add-mask', value))
    },
    debug: (message) => write(workflowCommand('debug', message)),
    info: (message) => write(message),
    notice: (message, props) => issue('notice', message, props),
    warning: (message, props) => issue('warning', message, props),
    error: (message, props) => issue('error', message, props),
    async group(name, body) {
      write(workflowCommand('group', name))
      try {
        return await body()
      } finally {
        write('::endgroup::')
      }
    },
    appendSummary(markdown) {
      const path = env.GITHUB_STEP_SUMMARY
      if (path) appendFileSync(path, markdown.endsWith(EOL) ? markdown : markdown + EOL, 'utf8')
    },
    setFailed(message) {
      process.exitCode = 1
      issue('error', message)
    }
  }
}
