/**
 * A Runner for in-process tests: inputs and context from the given variables (not process.env),
 * outputs and state through the runner's file commands, log lines into `write`. The bundles use
 * src/lib/runner.ts over @actions/core; this keeps tests free of process-wide state.
 */
import { randomUUID } from 'node:crypto'
import { appendFileSync, existsSync } from 'node:fs'
import type { AnnotationProperties, Runner } from '../../src/lib/runner.js'
import { untrustedChannel } from '../../src/lib/untrusted.js'

const escapeData = (v: string) => v.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const escapeProperty = (v: string) => escapeData(v).replace(/:/g, '%3A').replace(/,/g, '%2C')

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

function fileCommandEntry(name: string, value: string): string {
  const delimiter = `ghadelimiter_${randomUUID()}`
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`
}

export function envRunner(
  env: Record<string, string | undefined>,
  print: (line: string) => void
): Runner {
  // Lines of Gantry's own close an open untrusted region first, as the GitHub adapter does.
  const untrusted = untrustedChannel(print)
  const write = (line: string) => {
    untrusted.close()
    print(line)
  }
  const issue = (cmd: string, msg: string, props?: AnnotationProperties) =>
    write(workflowCommand(cmd, msg, { title: props?.title, file: props?.file, line: props?.line }))
  const appendTo = (variable: string, name: string, value: string) => {
    const path = env[variable]
    if (!path || !existsSync(path)) throw new Error(`${variable} points to a missing file: ${path}`)
    appendFileSync(path, fileCommandEntry(name, value), 'utf8')
  }
  return {
    env,
    isDebug: env.RUNNER_DEBUG === '1',
    getInput: (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
    setOutput: (name, value) => appendTo('GITHUB_OUTPUT', name, value),
    saveState: (name, value) => appendTo('GITHUB_STATE', name, value),
    getState: (name) => env[`STATE_${name}`] ?? '',
    setSecret: (value) => {
      if (value) write(workflowCommand('add-mask', value))
    },
    debug: (message) => write(workflowCommand('debug', message)),
    info: (message) => write(message),
    untrusted: (text, prefix) => untrusted.print(text, prefix),
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
      if (path) appendFileSync(path, markdown.endsWith('\n') ? markdown : markdown + '\n', 'utf8')
    },
    setFailed(message) {
      process.exitCode = 1
      issue('error', message)
    }
  }
}
