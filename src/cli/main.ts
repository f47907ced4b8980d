/** The `gantry` command: argument parsing, help from action.yml, and running an action. */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { Runner } from '../lib/runner.js'
import { cliRunner, envName, formatOutputs } from './runner.js'

interface ActionMeta {
  name?: string
  description?: string
  inputs?: Record<string, { description?: string; required?: boolean; default?: string }>
  outputs?: Record<string, { description?: string }>
}

type RunAction = (deps: { runner: Runner }) => Promise<void>

/**
 * An action's run(), loaded only when asked for, so `gantry version` never loads the SSH or AWS
 * code. The bundler makes one chunk per src/actions/<name>/main.ts from this one template.
 */
async function loadAction(action: string): Promise<RunAction> {
  const module = (await import(`../actions/${action}/main.ts`)) as { run: RunAction }
  return module.run
}

/** actions/ sits two levels above both src/cli/main.ts and dist/cli/index.js. */
const ACTIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'actions')

/** The actions: every folder of actions/ with an action.yml, as the action list everywhere. */
function actionNames(): string[] {
  return readdirSync(ACTIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(ACTIONS_DIR, d.name, 'action.yml')))
    .map((d) => d.name)
    .sort()
}

async function readMeta(action: string): Promise<ActionMeta> {
  const { load } = await import('js-yaml')
  return load(readFileSync(join(ACTIONS_DIR, action, 'action.yml'), 'utf8')) as ActionMeta
}

interface Writer {
  out(text: string): void
  err(text: string): void
}

function usage(actions: string[]): string {
  return [
    'Usage: gantry <action> [--<input> <value>]... [--json]',
    '',
    'Actions:',
    ...actions.map((a) => `  ${a}`),
    '',
    'Commands:',
    '  agent    pull-mode deploys on this host: webhooks and registry polling (gantry agent --help)',
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

/**
 * `--name value` or `--name=value` for each input (node:util parseArgs, strict); the CLI's own
 * flags: `--json` and `--help`/`-h`. A value that starts with `-` needs `--name=-value`.
 */
export function parseFlags(
  args: string[],
  known: Set<string>
): { flags: Record<string, string>; json: boolean; help: boolean } | { error: string } {
  const json = args.includes('--json')
  const help = args.includes('--help') || args.includes('-h')
  const rest = args.filter((a) => a !== '--json' && a !== '--help' && a !== '-h')
  const options = Object.fromEntries([...known].map((name) => [name, { type: 'string' as const }]))
  try {
    const { values } = parseArgs({ args: rest, options, strict: true, allowPositionals: false })
    return { flags: values as Record<string, string>, json, help }
  } catch (error) {
    if (help) return { flags: {}, json, help }
    return { error: flagError(error) }
  }
}

/** parseArgs' errors, reworded to name the flag and say what to do. */
function flagError(error: unknown): string {
  const e = error as { code?: string; message?: string }
  const named = /'(-[^' ]+)/.exec(e.message ?? '')?.[1] ?? ''
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown input ${named}`
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return e.message?.includes('ambiguous')
        ? `${named} needs a value (the next argument starts with -: write ${named}=<value> for a value that does)`
        : `${named} needs a value`
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${JSON.stringify(/'([^']*)'/.exec(e.message ?? '')?.[1] ?? '')}`
    default:
      return e.message ?? String(error)
  }
}

export async function main(
  args: string[],
  env: Record<string, string | undefined>,
  write: Writer
): Promise<number> {
  const [action, ...rest] = args
  const actions = actionNames()
  if (action === undefined || action === '--help' || action === '-h') {
    write.out(usage(actions))
    return action === undefined ? 1 : 0
  }
  // A command, not an action (no action.yml, no inputs): its own chunk, loaded only for it.
  if (action === 'agent') return (await import('../agent/main.js')).agentMain(rest, env, write)
  if (!actions.includes(action)) {
    write.err(`error: unknown action ${JSON.stringify(action)}\n\n${usage(actions)}`)
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
    await loadAction(action)
  )({ runner })
  if (runner.failed !== undefined) return 1
  if (parsed.json)
    write.out(runner.redact(JSON.stringify(Object.fromEntries(runner.outputs), null, 2)) + '\n')
  else write.out(formatOutputs(runner.outputs, runner.redact))
  return 0
}
