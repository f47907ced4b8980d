/**
 * The Runner the `gantry` command gives an action: inputs from flags, then `GANTRY_<NAME>`
 * variables, then action.yml's defaults (as the Actions runner fills them); outputs printed as
 * `name=value` (or JSON) on stdout and exported to `$BASH_ENV` as `GANTRY_OUT_<NAME>`, which is
 * how CircleCI steps pass values on; logs on stderr; secrets redacted from everything printed.
 */
import { appendFileSync } from 'node:fs'
import type { AnnotationProperties, Runner } from '../lib/runner.js'
import { redact as redactSecrets } from '../lib/redact.js'
import { quote } from '../lib/shell.js'
import { runnerLines, untrustedChannel } from '../lib/untrusted.js'

export const envName = (input: string) => input.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()

export interface CliRunnerOptions {
  flags: Record<string, string>
  defaults: Record<string, string>
  env: Record<string, string | undefined>
  write: { out(text: string): void; err(text: string): void }
}

export interface CliRunner extends Runner {
  readonly outputs: Map<string, string>
  readonly failed: string | undefined
  redact(text: string): string
}

export function cliRunner(options: CliRunnerOptions): CliRunner {
  const secrets = new Set<string>()
  const outputs = new Map<string, string>()
  const state = new Map<string, string>()
  let failed: string | undefined
  const redact = (text: string) => redactSecrets(text, secrets)
  const fenced =
    options.env.GITHUB_ACTIONS === 'true'
      ? untrustedChannel((text) => options.write.err(text + '\n'))
      : undefined
  const log = (prefix: string, message: string, props?: AnnotationProperties) => {
    fenced?.close()
    options.write.err(redact(`${prefix}${props?.title ? `${props.title}: ` : ''}${message}`) + '\n')
  }
  const bashEnv = options.env.BASH_ENV
  return {
    env: options.env,
    isDebug: options.env.GANTRY_DEBUG === '1',
    outputs,
    get failed() {
      return failed
    },
    redact,
    // An empty variable counts as unset (an orb passes every parameter, set or not): the default applies.
    getInput: (name) =>
      (
        options.flags[name] ??
        (options.env[`GANTRY_${envName(name)}`] || undefined) ??
        options.defaults[name] ??
        ''
      ).trim(),
    setOutput(name, value) {
      outputs.set(name, value)
      if (bashEnv) appendFileSync(bashEnv, `export GANTRY_OUT_${envName(name)}=${quote(value)}\n`)
    },
    setSecret: (value) => {
      if (value) secrets.add(value)
    },
    debug: (message) => {
      if (options.env.GANTRY_DEBUG === '1') log('debug: ', message)
    },
    info: (message) => log('', message),
    // Inside a GitHub Actions `run:` step the runner reads stderr for commands too: fence it there.
    untrusted: (text, prefix = '') =>
      fenced
        ? fenced.print(redact(text), prefix)
        : runnerLines(text).forEach((line) => log('', prefix + line)),
    notice: (message, props) => log('notice: ', message, props),
    warning: (message, props) => log('warning: ', message, props),
    error: (message, props) => log('error: ', message, props),
    async group(name, body) {
      log('▸ ', name)
      return body()
    },
    appendSummary(markdown) {
      const path = options.env.GANTRY_SUMMARY_FILE
      if (path) appendFileSync(path, redact(markdown) + '\n')
    },
    saveState: (name, value) => void state.set(name, value),
    getState: (name) => state.get(name) ?? options.env[`GANTRY_STATE_${envName(name)}`] ?? '',
    setFailed(message) {
      failed = message
      log('error: ', message)
    }
  }
}

/** `name=value` lines; a multi-line value as a `name<<EOF` block, as GitHub's output files have it. */
export function formatOutputs(outputs: Map<string, string>, redact: (s: string) => string): string {
  let text = ''
  for (const [name, raw] of outputs) {
    const value = redact(raw)
    if (!value.includes('\n')) text += `${name}=${value}\n`
    else {
      let delimiter = 'EOF'
      while (value.split('\n').includes(delimiter)) delimiter += '_'
      text += `${name}<<${delimiter}\n${value}\n${delimiter}\n`
    }
  }
  return text
}
