/** The `gantry` command: argument parsing, help from action.yml, and running an action. */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Runner } from '../lib/runner.js'
import { cliRunner, envName, formatOutputs } from './runner.js'

interface ActionMeta {
  name?: string
  description?: string
  inputs?: Record<string, { description?: string; required?: boolean; default?: string }>
  outputs?: Record<string, { description?: string }>
}

type RunAction = (deps: { runner: Runner }) => Promise<void>

/** Each action's run(), loaded only when asked for, so `gantry version` never loads the SSH or AWS code. */
const ACTIONS: Record<string, () => Promise<RunAction>> = {
  version: async () => (await import('../actions/version/main.js')).run,
  environment: async () => (await import('../actions/environment/main.js')).run,
  'ssh-deploy': async () => (await import('../actions/ssh-deploy/main.js')).run,
  'ecs-deploy': async () => (await import('../actions/ecs-deploy/main.js')).run,
  'slack-notify': async () => (await import('../actions/slack-notify/main.js')).run,
  'ecr-login': async () => (await import('../actions/ecr-login/main.js')).run,
  'image-push': async () => (await import('../actions/image-push/main.js')).run
}

/** actions/ sits two levels above both src/cli/main.ts and dist/cli/index.js. */
const ACTIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'actions')

async function readMeta(action: string): Promise<ActionMeta> {
  const { load } = await import('js-yaml')
  return load(readFileSync(join(ACTIONS_DIR, action, 'action.yml'), 'utf8')) as ActionMeta
}

interface Writer {
  out(text: string): void
  err(text: string): void
}

function usage(): string {
  return [
    'Usage: gantry <action> [--<input> <value>]... [--json]',
    '',
    'Actions:',
    ...Object.keys(ACTIONS).map((a) => `  ${a}`),
    '',
    'Inputs also come from GANTRY_<INPUT> variables (e.g. GANTRY_BASE_VERSION); outputs are',
    'printed as name=value and, when BASH_ENV is set, exported there as GANTRY_OUT_<OUTPUT>.',
    'Run `gantry <action> --help` for its inputs and outputs.',
    ''
  ].join('\n')
}

function actionHelp(action: string, meta: ActionMeta): string {
  const lines = [`gantry ${action}: ${meta.description ?? ''}`, '', 'Inputs:']
  for (const [name, spec] of Object.entries(meta.inputs ?? {})) {
    const extra = [spec.required ? 'required' : '', spec.default ? `default: ${spec.default}` : '']
      .filter(Boolean)
      .join(', ')
    lines.push(
      `  --${name}  (GANTRY_${envName(name)})${extra ? `  [${extra}]` : ''}`,
      `      ${spec.description ?? ''}`
    )
  }
  lines.push('', 'Outputs (name=value, and GANTRY_OUT_<NAME> in $BASH_ENV):')
  for (const [name, spec] of Object.entries(meta.outputs ?? {}))
    lines.push(`  ${name}  ${spec.description ?? ''}`)
  return lines.join('\n') + '\n'
}

/** `--name value`, `--name=value`; flags of the CLI itself: --json, --help. */
function parseFlags(
  args: string[],
  known: Set<string>
): { flags: Record<string, string>; json: boolean; help: boolean } | { error: string } {
  const flags: Record<string, string> = {}
  let json = false
  let help = false
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (arg === '--json') json = true
    else if (arg === '--help' || arg === '-h') help = true
    else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=')
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2)
      if (!known.has(name)) return { error: `unknown input --${name}` }
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i]
      if (value === undefined) return { error: `--${name} needs a value` }
      flags[name] = value
    } else return { error: `unexpected argument ${JSON.stringify(arg)}` }
  }
  return { flags, json, help }
}

export async function main(
  args: string[],
  env: Record<string, string | undefined>,
  write: Writer
): Promise<number> {
  const [action, ...rest] = args
  if (action === undefined || action === '--help' || action === '-h') {
    write.out(usage())
    return action === undefined ? 1 : 0
  }
  const load = ACTIONS[action]
  if (!load) {
    write.err(`error: unknown action ${JSON.stringify(action)}\n\n${usage()}`)
    return 1
  }
  const meta = await readMeta(action)
  const parsed = parseFlags(rest, new Set(Object.keys(meta.inputs ?? {})))
  if ('error' in parsed) {
    write.err(`error: ${parsed.error} (see gantry ${action} --help)\n`)
    return 1
  }
  if (parsed.help) {
    write.out(actionHelp(action, meta))
    return 0
  }
  const defaults = Object.fromEntries(
    Object.entries(meta.inputs ?? {}).map(([name, spec]) => [name, String(spec.default ?? '')])
  )
  const runner = cliRunner({ flags: parsed.flags, defaults, env, write })
  await (
    await load()
  )({ runner })
  if (runner.failed !== undefined) return 1
  if (parsed.json)
    write.out(runner.redact(JSON.stringify(Object.fromEntries(runner.outputs), null, 2)) + '\n')
  else write.out(formatOutputs(runner.outputs, runner.redact))
  return 0
}
