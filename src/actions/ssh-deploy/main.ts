/**
 * Action `ssh-deploy`: a compose release to one or many hosts over SSH, verified, health-checked,
 * rolled back on failure; or (`target: swarm`) a stack through one swarm manager, whose rollout
 * the swarm carries out and Gantry follows and reports.
 */
import {
  COMPOSE_FILE,
  ENV_FILE,
  inspectStep,
  lockStep,
  loginStep,
  pullStep,
  readReleaseFileStep,
  serviceRollbackStep,
  stackDeployStep,
  stackStatusStep,
  statusStep,
  swarmInspectStep,
  switchStep,
  unlockStep,
  upStep,
  writeFileStep,
  healthUrlStep,
  hookStep,
  type AppLayout,
  type RemoteStep
} from '../../core/deploy/remote.js'
import {
  describeTask,
  imageChange,
  stateLabel,
  type ServiceReport
} from '../../core/deploy/swarm.js'
import { formatHostSpec, type HostSpec } from '../../core/hosts.js'
import {
  deployHost,
  realClock,
  type Clock,
  type HostOutcome,
  type HostDeployRequest
} from '../../io/deploy.js'
import type { RemoteShell, SshTarget } from '../../io/ssh.js'
import { runAction } from '../../lib/action.js'
import { readCiContext } from '../../lib/context.js'
import { InputReader } from '../../lib/inputs.js'
import { code, summary, table } from '../../lib/markdown.js'
import { githubRunner, type Runner } from '../../lib/runner.js'
import { INPUTS, readSettings, type DeploySettings } from './settings.js'

export { INPUTS }

export interface SshDeployDeps {
  runner: Runner
  clock: Clock
  connect: (target: SshTarget) => Promise<RemoteShell>
  pollMs: number
  workspace: string
}

export async function run(deps: Partial<SshDeployDeps> = {}): Promise<void> {
  const runner = deps.runner ?? githubRunner()
  await runAction(runner, async () => {
    const workspace = deps.workspace ?? runner.env.GITHUB_WORKSPACE ?? process.cwd()
    const settings = readSettings(new InputReader(runner.getInput, runner.setSecret), workspace)
    if (settings.trust === 'insecure') {
      runner.warning(
        `Host-key checking is OFF ('${INPUTS.insecure}: true'): a man in the middle could take this deploy, its registry password included.`
      )
    }
    const layout: AppLayout = { dir: settings.path, project: settings.app }
    if (settings.dryRun) return printDryRun(runner, settings, layout)

    const ctx = readCiContext(runner.env)
    const connect =
      deps.connect ?? (async (t: SshTarget) => (await import('../../io/ssh.js')).connectSsh(t))
    const request = (spec: HostSpec, index: number): HostDeployRequest => ({
      name: formatHostSpec(spec),
      target: sshTarget(settings, spec, index),
      layout,
      swarm: settings.stack ? { stack: settings.stack } : undefined,
      mode: settings.rollbackTo
        ? { kind: 'rollback', to: settings.rollbackTo }
        : {
            kind: 'deploy',
            version: settings.version,
            composeFile: settings.composeFile?.content ?? '',
            env: settings.env,
            registry: settings.registry,
            preDeploy: settings.preDeploy,
            postDeploy: settings.postDeploy
          },
      healthUrl: settings.healthUrl,
      healthTimeoutMs: settings.healthTimeoutMs,
      rollback: settings.rollback,
      keepReleases: settings.keepReleases,
      lockTimeoutMs: settings.lockTimeoutMs,
      lockStaleSeconds: settings.lockStaleSeconds,
      owner: { actor: ctx.actor, runUrl: ctx.runUrl },
      token: settings.token,
      pollMs: deps.pollMs ?? 1000,
      clock: deps.clock ?? realClock,
      log: (line) => runner.untrusted(line, `[${formatHostSpec(spec)}] `),
      connect
    })

    const what = settings.rollbackTo ? `rollback to ${settings.rollbackTo}` : settings.version
    runner.info(
      settings.stack
        ? `Deploying ${settings.app} ${what} as stack ${settings.stack} through the swarm manager ${settings.hosts.map(formatHostSpec).join('')}`
        : `Deploying ${settings.app} ${what} to ${settings.hosts.length} host(s), ${settings.maxParallel || 'all'} at a time`
    )
    const outcomes = await deployAll(settings, request)
    report(runner, settings, outcomes)
  })
}

function sshTarget(settings: DeploySettings, spec: HostSpec, index: number): SshTarget {
  const trust =
    settings.trust === 'insecure'
      ? 'insecure'
      : { entries: settings.trust.entries, fingerprints: settings.trust.fingerprints[index] ?? [] }
  const via: SshTarget | undefined = settings.proxy && {
    ...settings.proxy.spec,
    privateKey: settings.proxy.key,
    passphrase: settings.passphrase,
    trust:
      settings.trust === 'insecure'
        ? 'insecure'
        : { entries: settings.trust.entries, fingerprints: settings.proxy.fingerprints }
  }
  return { ...spec, privateKey: settings.key, passphrase: settings.passphrase, trust, via }
}

/** Hosts in batches of `max-parallel`; after a failed batch, `stop` skips the rest. */
async function deployAll(
  settings: DeploySettings,
  request: (spec: HostSpec, index: number) => HostDeployRequest
): Promise<HostOutcome[]> {
  const size = settings.maxParallel || settings.hosts.length
  const outcomes: HostOutcome[] = []
  for (let start = 0; start < settings.hosts.length; start += size) {
    const batch = settings.hosts.slice(start, start + size)
    if (
      settings.onHostFailure === 'stop' &&
      outcomes.some((o) => o.status === 'failed' || o.status === 'rolled-back')
    ) {
      outcomes.push(
        ...batch.map((spec) => ({
          host: formatHostSpec(spec),
          status: 'skipped' as const,
          durationMs: 0,
          message: 'skipped after a failed host'
        }))
      )
      continue
    }
    outcomes.push(
      ...(await Promise.all(batch.map((spec, i) => deployHost(request(spec, start + i)))))
    )
  }
  return outcomes
}

function report(runner: Runner, settings: DeploySettings, outcomes: HostOutcome[]): void {
  const ok = outcomes.filter((o) => o.status === 'deployed')
  const bad = outcomes.filter((o) => o.status !== 'deployed')
  const rolledBack = outcomes.some((o) => o.status === 'rolled-back')
  const target = settings.rollbackTo ? (ok[0]?.after ?? outcomes[0]?.after ?? '') : settings.version
  runner.setOutput('version', target)
  runner.setOutput('previous-version', outcomes.find((o) => o.before)?.before ?? '')
  runner.setOutput('hosts-succeeded', JSON.stringify(ok.map((o) => o.host)))
  runner.setOutput('hosts-failed', JSON.stringify(bad.map((o) => o.host)))
  runner.setOutput('rolled-back', String(rolledBack))

  const rows = outcomes.map((o) => [
    { raw: code(o.host) },
    o.attempted
      ? `${o.before ?? '—'} → ${o.attempted} ↩ ${o.after ?? '—'}`
      : `${o.before ?? '—'} → ${o.after ?? '—'}`,
    `${(o.durationMs / 1000).toFixed(1)} s`,
    o.status === 'deployed' ? 'deployed' : o.status === 'rolled-back' ? 'rolled back' : o.status,
    o.message ?? ''
  ])
  const services = outcomes.flatMap((o) => o.services ?? [])
  runner.appendSummary(
    summary(
      `Deploy ${settings.app}`,
      table(['Host', 'Version', 'Duration', 'Result', 'Details'], rows) +
        (settings.stack && services.length ? servicesTable(settings.stack, services) : '')
    )
  )
  for (const o of bad) {
    if (o.status === 'skipped') continue
    const how = settings.stack ? 'rolled back by the swarm' : 'rolled back'
    runner.error(`${o.host}: ${o.message ?? o.status}`, {
      title: `ssh-deploy: ${settings.stack ? `stack ${settings.stack} on ` : ''}${o.host} ${o.status === 'rolled-back' ? how : 'failed'}`
    })
  }
  const what = settings.rollbackTo ? `rollback to ${settings.rollbackTo}` : settings.version
  if (bad.length && settings.stack) {
    runner.setFailed(
      `Stack ${settings.stack} did not ${settings.rollbackTo ? `roll back to ${settings.rollbackTo}` : `deploy ${settings.version}`}${rolledBack ? ': the swarm rolled it back' : ''}.`
    )
  } else if (bad.length) {
    runner.setFailed(
      `${bad.length} of ${outcomes.length} host(s) did not deploy ${what}${rolledBack ? ' (rolled back)' : ''}.`
    )
  } else {
    runner.info(
      settings.stack
        ? `Deployed ${target || 'the previous spec'} as stack ${settings.stack}.`
        : `Deployed ${target} to ${ok.length} host(s).`
    )
  }
}

/** Per service of the stack: replicas, old → new image, what the swarm did, its failed tasks. */
function servicesTable(stack: string, services: ServiceReport[]): string {
  const rows = services.map((s) => [
    { raw: code(s.name) },
    `${s.running}/${s.desired}`,
    imageChange(s),
    stateLabel(s),
    s.failed ? [s.message ?? '', ...s.failedTasks.map(describeTask)].filter(Boolean).join('\n') : ''
  ])
  return `\n\nStack ${code(stack)}:\n\n${table(['Service', 'Replicas', 'Image', 'Update', 'Details'], rows)}`
}

/** The remote steps of a swarm deploy or rollback, in order, for the dry run. */
function swarmPlan(settings: DeploySettings, layout: AppLayout, stack: string): RemoteStep[] {
  const release = '<release-id>'
  const steps: RemoteStep[] = [
    swarmInspectStep(layout),
    lockStep(layout, { token: settings.token, version: settings.version })
  ]
  if (settings.rollbackTo === 'previous') {
    steps.push(
      stackStatusStep(stack),
      serviceRollbackStep(['<each service of the stack>']),
      stackStatusStep(stack),
      switchStep(layout, release)
    )
  } else if (settings.rollbackTo) {
    const env = readReleaseFileStep(layout, release, ENV_FILE)
    steps.push(env, stackStatusStep(stack))
    steps.push(stackDeployStep(layout, release, stack, { detach: true, env: '<its .env>' }))
    steps.push(stackStatusStep(stack), switchStep(layout, release))
  } else {
    steps.push(...releaseSteps(settings, layout, release))
    steps.push(
      stackStatusStep(stack),
      stackDeployStep(layout, release, stack, { detach: true, env: settings.env }),
      stackStatusStep(stack)
    )
    if (settings.healthUrl) steps.push(healthUrlStep(settings.healthUrl))
    steps.push(switchStep(layout, release))
    if (settings.postDeploy)
      steps.push(hookStep(layout, release, 'post-deploy', settings.postDeploy))
  }
  steps.push(unlockStep(layout, settings.token))
  return steps
}

/** Prints the plan and the exact remote commands; connects nowhere. */
function printDryRun(runner: Runner, settings: DeploySettings, layout: AppLayout): void {
  const release = '<release-id>'
  const compose = 'docker compose' as const
  const show = (step: RemoteStep) => {
    const stdin =
      step.stdin === undefined
        ? ''
        : step.secretStdin
          ? '  <<< (secret on stdin)'
          : `  <<< (${Buffer.byteLength(step.stdin)} bytes on stdin)`
    runner.info(`  # ${step.name}\n  ${step.script}${stdin}`)
  }
  runner.info(`Dry run: nothing is run. Hosts: ${settings.hosts.map(formatHostSpec).join(', ')}`)
  if (settings.stack) {
    runner.info(
      `Stack ${settings.stack} through the swarm manager. \`--detach=true\` only where the host's docker CLI has it (26+); \`stack status\` repeats until the rollout settles.`
    )
    swarmPlan(settings, layout, settings.stack).forEach(show)
    return dryRunOutputs(runner, settings)
  }
  runner.info(
    'Where a host has only docker-compose v1, `docker-compose` replaces `docker compose`.'
  )
  const steps: RemoteStep[] = [
    inspectStep(layout),
    lockStep(layout, { token: settings.token, version: settings.version })
  ]
  if (settings.rollbackTo) {
    steps.push(upStep(layout, compose, release), statusStep(layout), switchStep(layout, release))
  } else {
    steps.push(...releaseSteps(settings, layout, release))
    steps.push(
      pullStep(layout, compose, release),
      upStep(layout, compose, release),
      statusStep(layout)
    )
    if (settings.healthUrl) steps.push(healthUrlStep(settings.healthUrl))
    steps.push(switchStep(layout, release))
    if (settings.postDeploy)
      steps.push(hookStep(layout, release, 'post-deploy', settings.postDeploy))
  }
  steps.push(unlockStep(layout, settings.token))
  steps.forEach(show)
  dryRunOutputs(runner, settings)
}

function dryRunOutputs(runner: Runner, settings: DeploySettings): void {
  runner.setOutput('version', settings.rollbackTo ?? settings.version)
  runner.setOutput('previous-version', '')
  runner.setOutput('hosts-succeeded', '[]')
  runner.setOutput('hosts-failed', '[]')
  runner.setOutput('rolled-back', 'false')
  runner.appendSummary(
    summary(
      `Deploy ${settings.app} (dry run)`,
      `Nothing was run. ${settings.hosts.length} host(s): ${settings.hosts.map(formatHostSpec).join(', ')}${settings.stack ? ` (stack ${settings.stack})` : ''}`
    )
  )
}

/** What every deploy does before it starts anything: upload the release, log in, pre-deploy. */
function releaseSteps(settings: DeploySettings, layout: AppLayout, release: string): RemoteStep[] {
  const steps = [
    writeFileStep(layout, release, COMPOSE_FILE, settings.composeFile?.content ?? ''),
    writeFileStep(layout, release, ENV_FILE, settings.env)
  ]
  const registry = settings.registry
  if (registry) steps.push(loginStep(registry.server, registry.username, registry.password))
  if (settings.preDeploy) steps.push(hookStep(layout, release, 'pre-deploy', settings.preDeploy))
  return steps
}
