/**
 * Action `ssh-deploy`: a release to one or many hosts over verified SSH, by the deploy engine
 * (src/deploy): `target: compose` (health-checked, rolled back on failure) or `target: swarm` (a
 * stack through one manager, whose rollout the swarm carries out and Gantry follows). The dry run
 * is the same engine against printing runners and an instant clock.
 */
import { formatHostSpec, type HostSpec } from '../../core/hosts.js'
import { deployHost, deployHosts } from '../../deploy/engine.js'
import {
  failureAnnotations,
  hostOutputs,
  renderSummary,
  verdict,
  type DeployReport
} from '../../deploy/outcome.js'
import { printingRunner } from '../../deploy/runners/printing.js'
import { sshRunner, type OpenShell } from '../../deploy/runners/ssh.js'
import type { HostJob } from '../../deploy/session.js'
import type { HostPlan, HostTarget } from '../../deploy/target.js'
import { hostTarget } from '../../deploy/targets/index.js'
import type { HostState } from '../../core/deploy/releases.js'
import type { SshTarget } from '../../io/ssh.js'
import { runAction } from '../../lib/action.js'
import { instantClock, realClock, type Clock } from '../../lib/clock.js'
import { readCiContext } from '../../lib/context.js'
import { InputReader } from '../../lib/inputs.js'
import { summary } from '../../lib/markdown.js'
import { githubRunner, type Runner } from '../../lib/runner.js'
import {
  hostPlanOf,
  INPUTS,
  readSettings,
  type DeploySettings,
  type GitSettings
} from './settings.js'
import { resolveCommit, type GitTargetOptions } from '../../deploy/targets/git.js'
import { FULL_COMMIT, shortCommit } from '../../core/deploy/git.js'

export { INPUTS }

export interface SshDeployDeps {
  runner: Runner
  clock: Clock
  /** Opens an SSH session (the default: src/io/ssh.ts). */
  connect: OpenShell
  /** The longest wait between two looks at the host (health, rollout, lock). */
  pollMs: number
  workspace: string
}

export async function run(deps: Partial<SshDeployDeps> = {}): Promise<void> {
  const runner = deps.runner ?? githubRunner()
  await runAction(runner, async () => {
    const workspace = deps.workspace ?? runner.env.GITHUB_WORKSPACE ?? process.cwd()
    const ctx = readCiContext(runner.env)
    const settings = readSettings(
      new InputReader(runner.getInput, runner.setSecret),
      workspace,
      ctx
    )
    if (settings.trust === 'insecure') {
      runner.warning(
        `Host-key checking is OFF ('${INPUTS.insecure}: true'): a man in the middle could take this deploy, its registry password included.`
      )
    }
    const git = settings.git && (await gitOptions(settings, settings.git, deps.connect, runner))
    if (settings.blueGreen) runner.setSecret(settings.blueGreen.previewToken)
    const target = hostTarget(settings.target, {
      app: settings.app,
      stack: settings.stack,
      git,
      blueGreen: settings.blueGreen
    })
    const plan = hostPlanOf(settings, { actor: ctx.actor, runUrl: ctx.runUrl })
    if (settings.dryRun) return dryRun(runner, settings, target, plan)

    const clock = deps.clock ?? realClock
    const job = (spec: HostSpec, index: number): HostJob => {
      const name = formatHostSpec(spec)
      const ssh = sshTarget(settings, spec, index)
      return {
        name,
        plan: hostPlan(plan, spec),
        clock,
        pollMs: deps.pollMs ?? 1000,
        connect: () => sshRunner(ssh, deps.connect),
        // Gantry's lines about a host quote what the host said (errors, a swarm's messages):
        // every line of a host's log is fenced as untrusted (src/lib/untrusted.ts).
        log: (line) => runner.untrusted(line, `[${name}] `)
      }
    }
    const what = settings.rollbackTo ? `rollback to ${settings.rollbackTo}` : settings.version
    runner.info(
      target.headline({
        app: settings.app,
        what,
        hosts: settings.hosts.map(formatHostSpec),
        maxParallel: settings.maxParallel
      })
    )
    const outcomes = await deployHosts(settings.hosts, {
      maxParallel: settings.maxParallel,
      onHostFailure: settings.onHostFailure,
      name: formatHostSpec,
      deploy: (spec, index) => deployHost(target, job(spec, index))
    })
    report(runner, reportOf(settings, target, outcomes))
  })
}

/**
 * `target: git`: the commit every host deploys, resolved once from the first host before any
 * host changes (the dry run names it instead); `version` becomes its short form.
 */
async function gitOptions(
  settings: DeploySettings,
  git: GitSettings,
  connect: OpenShell | undefined,
  runner: Runner
): Promise<GitTargetOptions> {
  const options = { source: git.source, build: git.build, restart: git.restart, linked: git.linked }
  if (settings.rollbackTo !== undefined || settings.dryRun || FULL_COMMIT.test(git.ref))
    return { ...options, commit: FULL_COMMIT.test(git.ref) ? git.ref : `<commit of ${git.ref}>` }
  const first = settings.hosts[0] as HostSpec
  const commit = await resolveCommit(git.source, git.ref, () =>
    sshRunner(sshTarget(settings, first, 0), connect)
  )
  runner.info(`${git.ref} is commit ${commit} (resolved once, from ${formatHostSpec(first)})`)
  settings.version = shortCommit(commit)
  return { ...options, commit }
}

/** The plan for one host: `{host}` in the health URL is its address (for apps bound to it). */
function hostPlan(plan: HostPlan, spec: HostSpec): HostPlan {
  const host = spec.host.includes(':') ? `[${spec.host}]` : spec.host
  return { ...plan, healthUrl: plan.healthUrl?.replaceAll('{host}', host) }
}

function reportOf(
  settings: DeploySettings,
  target: HostTarget<HostState>,
  outcomes: DeployReport['outcomes']
): DeployReport {
  return {
    action: 'ssh-deploy',
    app: settings.app,
    what: settings.rollbackTo ? `rollback to ${settings.rollbackTo}` : settings.version,
    version: settings.version,
    rollbackTo: settings.rollbackTo,
    scope: target.scope,
    rolledBackBy: target.rolledBackBy,
    outcomes
  }
}

function report(runner: Runner, report: DeployReport): void {
  for (const [name, value] of Object.entries(hostOutputs(report))) runner.setOutput(name, value)
  runner.appendSummary(renderSummary(report))
  for (const a of failureAnnotations(report)) runner.error(a.message, { title: a.title })
  const said = verdict(report)
  if ('failed' in said) runner.setFailed(said.failed)
  else runner.info(said.ok)
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

/**
 * The real deploy, host by host, against printing runners (each step shown with its exact
 * command, secrets only as "on stdin") that answer as a healthy host keeping `keep-releases`
 * releases would, and an instant clock. Connects nowhere.
 */
async function dryRun(
  runner: Runner,
  settings: DeploySettings,
  target: HostTarget<HostState>,
  plan: HostPlan
): Promise<void> {
  const hosts = settings.hosts.map(formatHostSpec)
  runner.info(`Dry run: nothing is run. Hosts: ${hosts.join(', ')}`)
  runner.info(target.dryRunNote)
  runner.info(
    `Each host is played as a healthy one keeping ${settings.keepReleases} release(s) (names below are examples), the lock free; steps in one round trip run as one command.`
  )
  for (const [index, name] of hosts.entries()) {
    const onePlan = hostPlan(plan, settings.hosts[index] as HostSpec)
    const lines: string[] = []
    const printed = new Set<string>()
    const log = (text: string) => {
      // The printed step already names it: the log's own `▸ step` line would repeat it.
      if (printed.has(text)) return
      lines.push(...text.split('\n').map((l) => `[${name}] ${l}`))
    }
    const print = (text: string) => {
      const step = /^# (.*)/.exec(text)?.[1]
      if (step) printed.add(`▸ ${step}`)
      log(`  ${text.replace(/\n/g, '\n  ')}`)
    }
    await deployHost(target, {
      name,
      plan: onePlan,
      clock: instantClock(),
      pollMs: 1000,
      releaseId: () => '<release-id>',
      connect: async () => printingRunner(name, target.rehearsal(onePlan), print),
      log
    })
    runner.info(lines.join('\n'))
  }
  runner.setOutput('version', settings.rollbackTo ?? settings.version)
  runner.setOutput('previous-version', '')
  runner.setOutput('hosts-succeeded', '[]')
  runner.setOutput('hosts-failed', '[]')
  runner.setOutput('rolled-back', 'false')
  runner.appendSummary(
    summary(
      `Deploy ${settings.app} (dry run)`,
      `Nothing was run. ${settings.hosts.length} host(s): ${hosts.join(', ')}${target.scope ? ` (${target.scope})` : ''}`
    )
  )
}
