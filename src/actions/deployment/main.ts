/**
 * Action `deployment`: records a deploy as a GitHub deployment of its environment, so the
 * repository's Environments page is the audit trail (who, what version, when, approved by whom)
 * and `approval`'s stage check can read what each stage runs. `state: start` creates it
 * (`in_progress`); a later step with the job's status finishes it (`success` / `failure`).
 */
import type { GitHubApi } from '../../io/github.js'
import { runAction } from '../../lib/action.js'
import { readCiContext } from '../../lib/context.js'
import { ConfigurationError, InputError } from '../../lib/errors.js'
import { InputReader } from '../../lib/inputs.js'
import { code, summary, table } from '../../lib/markdown.js'
import { githubRunner, type Runner } from '../../lib/runner.js'

export const INPUTS = {
  environment: 'environment',
  state: 'state',
  deploymentId: 'deployment-id',
  version: 'version',
  digest: 'digest',
  approvedBy: 'approved-by',
  environmentUrl: 'environment-url',
  ref: 'ref',
  githubToken: 'github-token'
} as const

/** `start`, or how the deploy ended; GitHub's job statuses are accepted as they are. */
const STATES = ['start', 'success', 'failure', 'cancelled'] as const
type State = (typeof STATES)[number]

export interface DeploymentSettings {
  environment: string
  state: State
  deploymentId?: number
  version?: string
  digest?: string
  approvedBy?: string
  environmentUrl?: string
  ref?: string
  token: string
}

export function readSettings(inputs: InputReader): DeploymentSettings {
  const environment = inputs.required(
    INPUTS.environment,
    'the environment deployed to, e.g. `staging`'
  )
  const state = inputs.choice(INPUTS.state, STATES, 'start')
  const deploymentId = inputs.integer(INPUTS.deploymentId, { min: 1 })
  if (state !== 'start' && deploymentId === undefined) {
    throw new InputError(
      INPUTS.deploymentId,
      '',
      `the \`deployment-id\` output of the step with \`state: start\` (to finish it as ${state})`
    )
  }
  const environmentUrl = inputs.url(INPUTS.environmentUrl)
  const token = inputs.secret(INPUTS.githubToken)
  if (!token)
    throw new InputError(
      INPUTS.githubToken,
      '',
      'a token with `deployments: write` (the default `${{ github.token }}` with that permission)'
    )
  return {
    environment,
    state,
    deploymentId,
    version: inputs.optional(INPUTS.version),
    digest: inputs.optional(INPUTS.digest),
    approvedBy: inputs.optional(INPUTS.approvedBy),
    environmentUrl,
    ref: inputs.optional(INPUTS.ref),
    token
  }
}

export interface DeploymentDeps {
  runner: Runner
  github: (token: string, repository: string, apiUrl?: string) => Promise<GitHubApi>
}

export async function run(deps: Partial<DeploymentDeps> = {}): Promise<void> {
  const runner = deps.runner ?? githubRunner()
  await runAction(runner, async () => {
    const settings = readSettings(new InputReader(runner.getInput, runner.setSecret))
    const ctx = readCiContext(runner.env)
    if (!ctx.repository)
      throw new ConfigurationError('GITHUB_REPOSITORY is not set: cannot record a deployment.')
    const connect =
      deps.github ??
      (async (token, repository, apiUrl) =>
        (await import('../../io/github.js')).githubApi({ token, repository, apiUrl }))
    const github = await connect(settings.token, ctx.repository, runner.env.GITHUB_API_URL)
    const who = settings.approvedBy ? `, approved by ${settings.approvedBy}` : ''
    let id = settings.deploymentId
    if (settings.state === 'start') {
      const ref = settings.ref ?? ctx.sha ?? ctx.branch
      if (!ref)
        throw new InputError(
          INPUTS.ref,
          '',
          'the commit or branch deployed (GITHUB_SHA is not set)'
        )
      id = await github.createDeployment({
        ref,
        environment: settings.environment,
        description: `${settings.version ?? 'a release'} by ${ctx.actor ?? 'someone'}${who}`.slice(
          0,
          140
        ),
        payload: {
          version: settings.version,
          digest: settings.digest,
          approvedBy: settings.approvedBy,
          actor: ctx.actor,
          runUrl: ctx.runUrl
        },
        production: /^prod(uction)?$/i.test(settings.environment)
      })
      await github.deploymentStatus(id, 'in_progress', {
        logUrl: ctx.runUrl,
        environmentUrl: settings.environmentUrl,
        description: `Deploying ${settings.version ?? ''}`.trim()
      })
    } else {
      const final =
        settings.state === 'success'
          ? 'success'
          : settings.state === 'cancelled'
            ? 'error'
            : 'failure'
      await github.deploymentStatus(id as number, final, {
        logUrl: ctx.runUrl,
        environmentUrl: settings.environmentUrl,
        description: `${settings.version ?? 'Deploy'} ${settings.state}`
      })
    }
    runner.setOutput('deployment-id', String(id))
    runner.info(
      `Deployment #${id} to ${settings.environment}: ${settings.state === 'start' ? 'in_progress' : settings.state}.`
    )
    runner.appendSummary(
      summary(
        `Deployment record: ${settings.environment}`,
        table(
          ['', ''],
          [
            ['Deployment', `#${id}`],
            ['State', settings.state === 'start' ? 'in_progress' : settings.state],
            ['Version', { raw: code(settings.version ?? '') }],
            ['Approved by', settings.approvedBy ?? '—']
          ]
        )
      )
    )
  })
}
