/** Action `environment`: which environment this branch deploys to, and that environment's settings. */
import {
  decideEnvironment,
  type BranchRule,
  type EnvironmentDecision
} from '../../core/environment.js'
import { readOptionalFile } from '../../io/files.js'
import { gitInfo, type GitInfo } from '../../io/git.js'
import { runAction } from '../../lib/action.js'
import { readCiContext } from '../../lib/context.js'
import { ConfigurationError } from '../../lib/errors.js'
import { InputReader } from '../../lib/inputs.js'
import { code, summary, table } from '../../lib/markdown.js'
import { githubRunner, type Runner } from '../../lib/runner.js'

export const INPUTS = {
  branch: 'branch',
  map: 'map',
  config: 'config'
} as const

/** The settings file's default path: absent is fine there, but not when named explicitly. */
export const DEFAULT_CONFIG = '.github/gantry.yml'

export interface EnvironmentSettingsInput {
  branch?: string
  rules?: BranchRule[]
  configPath: string
}

/** The YAML parser loads only when there is YAML to parse (see the README's performance section). */
const loadYamlParsers = () => import('../../core/environment-config.js')

export async function readSettings(inputs: InputReader): Promise<EnvironmentSettingsInput> {
  const mapText = inputs.optional(INPUTS.map)
  return {
    branch: inputs.optional(INPUTS.branch),
    rules:
      mapText === undefined
        ? undefined
        : await (await loadYamlParsers()).parseBranchMap(mapText, `input '${INPUTS.map}'`),
    configPath: inputs.optional(INPUTS.config) ?? DEFAULT_CONFIG
  }
}

export interface EnvironmentDeps {
  runner: Runner
  git: GitInfo
  readFile: (path: string) => Promise<string | undefined>
}

export async function run(deps: Partial<EnvironmentDeps> = {}): Promise<void> {
  const runner = deps.runner ?? githubRunner()
  const git = deps.git ?? gitInfo()
  const readFile = deps.readFile ?? readOptionalFile
  await runAction(runner, async () => {
    const settings = await readSettings(new InputReader(runner.getInput, runner.setSecret))
    const ctx = readCiContext(runner.env)
    // A pull request's head branch (pull_request_target's base branch too) must not deploy as if
    // it had been pushed; a merge group is a check before the merge; a tag has no branch.
    const pullRequestEvent =
      ctx.pullRequest !== undefined ||
      ctx.eventName === 'pull_request' ||
      ctx.eventName === 'pull_request_target'
    const mergeGroup = ctx.eventName === 'merge_group'
    const onBranch = ctx.tag === undefined && !pullRequestEvent && !mergeGroup
    const branch =
      settings.branch ??
      (onBranch ? ctx.branch : undefined) ??
      (ctx.provider === 'local' ? await git.currentBranch() : undefined)
    const noBranchReason = pullRequestEvent
      ? `Pull request${ctx.pullRequest === undefined ? '' : ` #${ctx.pullRequest}`} builds do not deploy.`
      : mergeGroup
        ? `Merge group builds (checks before the merge into ${ctx.branch ?? 'the base branch'}) do not deploy.`
        : undefined

    const text = await readFile(settings.configPath)
    if (text === undefined && settings.configPath !== DEFAULT_CONFIG) {
      throw new ConfigurationError(
        `Input '${INPUTS.config}' is ${JSON.stringify(settings.configPath)}: no such file.`
      )
    }
    const config =
      text === undefined
        ? { environments: {} }
        : await (await loadYamlParsers()).parseConfig(text, settings.configPath)
    const decision = decideEnvironment({ branch, noBranchReason, rules: settings.rules, config })

    runner.setOutput('environment', decision.environment ?? '')
    runner.setOutput('deploy', String(decision.deploy))
    runner.setOutput('requires-approval', String(decision.requiresApproval))
    runner.setOutput('hosts', JSON.stringify(decision.settings.hosts ?? []))
    runner.setOutput('url', decision.settings.url ?? '')
    runner.setOutput('config', JSON.stringify(decision.settings))
    if (decision.deploy) runner.info(decision.reason)
    else runner.notice(decision.reason)
    runner.appendSummary(
      renderSummary(decision, branch, text === undefined ? undefined : settings.configPath)
    )
  })
}

function renderSummary(
  decision: EnvironmentDecision,
  branch: string | undefined,
  configFile: string | undefined
): string {
  const s = decision.settings
  const rows: (string | { raw: string })[][] = [
    ['Branch', { raw: code(branch ?? '') }],
    ['Environment', decision.environment ?? '(none)'],
    ['Deploy', decision.deploy ? 'yes' : 'no'],
    ['Matched', decision.rule ? { raw: code(decision.rule.pattern) } : '—'],
    ['Requires approval', decision.requiresApproval ? 'yes' : 'no'],
    ['Hosts', { raw: (s.hosts ?? []).map(code).join('<br>') || '—' }],
    ['URL', s.url ?? '—'],
    ['Settings from', configFile ?? 'defaults (no settings file)']
  ]
  return summary('Environment', `${table(['', ''], rows)}\n\n${decision.reason}`)
}
