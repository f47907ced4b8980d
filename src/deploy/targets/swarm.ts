/**
 * `target: swarm` on one manager: `docker stack deploy` (or `docker service rollback`), then the
 * swarm's rollout followed service by service until it completed, was rolled back or paused by
 * the swarm, or ran out of time. Gantry never rolls a stack back itself: the compose file's
 * `deploy.update_config.failure_action` decides, and the outcome reports what the swarm did.
 * Commands: src/core/deploy/remote.ts; decisions: src/core/deploy/swarm.ts.
 */
import {
  discardReleaseStep,
  healthUrlStep,
  readReleaseFileStep,
  readStackRecordsStep,
  serviceRollbackStep,
  stackDeployStep,
  stackStatusStep,
  swarmInspectStep,
  switchStep,
  writeFileStep,
  ENV_FILE,
  STACK_RECORD
} from '../../core/deploy/remote.js'
import { rollbackTarget } from '../../core/deploy/releases.js'
import {
  describeProblems,
  describeTask,
  emptyMemory,
  evaluateRollout,
  imageChange,
  observeRollout,
  parseStackRecords,
  parseStackStatus,
  parseSwarmInspect,
  releaseRunning,
  stackRecord,
  stateLabel,
  swarmProblem,
  type RolloutKind,
  type RolloutVerdict,
  type ServiceReport,
  type StackStatus,
  type SwarmHostState
} from '../../core/deploy/swarm.js'
import { code, table } from '../../lib/markdown.js'
import { pollUntil } from '../../lib/poll.js'
import { hostOutputLine } from '../output.js'
import type { HostSession } from '../session.js'
import { errorMessage } from '../../lib/errors.js'
import { isTimeout, StepError, type Step } from '../step.js'
import type { HostResult, HostTarget } from '../target.js'
import { rehearsalHost } from './rehearsal.js'

export function swarmTarget(stack: string): HostTarget<SwarmHostState> {
  /** The stack's state, after `prepare` (the release's upload) in the same round trip. */
  const status = async (session: HostSession, prepare: Step[] = []): Promise<StackStatus> => {
    const step = stackStatusStep(stack)
    const results = await session.run([...prepare, step], { quiet: [step] })
    return parseStackStatus(results.at(-1)?.stdout ?? '')
  }

  /** Polls the stack until the rollout settles or the deadline passes, logging each change. */
  const follow = async (
    session: HostSession,
    kind: RolloutKind,
    baseline: StackStatus,
    timeoutMs: number
  ): Promise<{ verdict: RolloutVerdict; timedOut: boolean }> => {
    session.log(`▸ follow the rollout of stack ${stack}`)
    let memory = emptyMemory()
    let shown = ''
    const result = await pollUntil(
      async () => {
        let now: StackStatus
        try {
          now = parseStackStatus(
            (await session.runOne(stackStatusStep(stack), { quiet: true })).stdout
          )
        } catch (error) {
          // One failed look decides nothing: the rollout goes on, the next look may see it.
          if (!(error instanceof StepError)) throw error
          session.log(hostOutputLine(`could not look at the stack: ${errorMessage(error)}`))
          return { phase: 'waiting' as const, services: [], detail: shown }
        }
        memory = observeRollout(memory, baseline, now)
        const verdict = evaluateRollout(baseline, now, kind, memory)
        // What the swarm said (service names, its messages): host output.
        if (verdict.detail !== shown) session.log(hostOutputLine(verdict.detail))
        shown = verdict.detail
        return verdict
      },
      {
        clock: session.clock,
        timeoutMs,
        interval: session.backoff(),
        // A deploy resets each UpdateStatus and the orchestrator starts the update a moment later.
        delayFirst: true,
        done: (verdict) => verdict.phase !== 'waiting'
      }
    )
    return { verdict: result.value, timedOut: !result.settled }
  }

  const why = (session: HostSession, verdict: RolloutVerdict, timedOut: boolean): string => {
    const problems = describeProblems(verdict)
    return timedOut
      ? `the rollout did not settle within ${Math.round(session.plan.healthTimeoutMs / 1000)}s (the swarm carries on with it): ${problems}`
      : `the rollout stopped: ${problems}`
  }

  /** The optional health URL, checked from the manager once the rollout completed. */
  const checkHealthUrl = async (session: HostSession, timeoutMs: number) => {
    const { healthUrl } = session.plan
    if (!healthUrl) return undefined
    const result = await pollUntil(
      () => session.runOne(healthUrlStep(healthUrl), { quiet: true }),
      {
        clock: session.clock,
        timeoutMs: Math.max(0, timeoutMs),
        interval: session.backoff(),
        done: (probe) => probe.code === 0
      }
    )
    if (result.settled) {
      session.log(`  healthy: ${healthUrl} answers`)
      return undefined
    }
    const probe = result.value
    return `${healthUrl} does not answer (${probe.stderr.trim().split('\n').at(-1) || `exit ${probe.code}`})`
  }

  /** Deploys a release directory as the stack; `env` goes to the command as data, on stdin. */
  const deployRelease = async (
    session: HostSession,
    state: SwarmHostState,
    release: string,
    options: { env: string; version: string; postDeploy?: string; prepare?: Step[] }
  ): Promise<HostResult> => {
    const { layout, healthTimeoutMs } = session.plan
    const started = session.clock.now()
    // The release's upload, login and pre-deploy, and the baseline, in one round trip.
    const baseline = await status(session, options.prepare)
    try {
      await session.runOne(
        stackDeployStep(layout, release, stack, { detach: state.detach, env: options.env })
      )
    } catch (error) {
      // Killed at its time limit, the deploy may have reached the swarm: followed if it did.
      if (!isTimeout(error) || !updateStarted(baseline, await status(session))) throw error
    }
    const { verdict, timedOut } = await follow(session, 'deploy', baseline, healthTimeoutMs)
    const { version } = options
    const before = session.before
    const services = verdict.services
    const details = servicesTable(stack, services)
    if (verdict.phase === 'rolled-back')
      return {
        status: 'rolled-back',
        after: before,
        attempted: version,
        details,
        message: `${version} failed and the swarm rolled it back: ${describeProblems(verdict)}`
      }
    if (verdict.phase !== 'completed')
      return { status: 'failed', after: version, details, message: why(session, verdict, timedOut) }
    const left = healthTimeoutMs - (session.clock.now() - started)
    const unhealthy = await checkHealthUrl(session, left)
    if (unhealthy)
      return {
        status: 'failed',
        after: version,
        details,
        message: `the rollout completed but ${unhealthy}; the swarm keeps ${version} (roll back with \`rollback-to: previous\`)`
      }
    try {
      await session.finish(state, release, {
        before: [writeFileStep(layout, release, STACK_RECORD, stackRecord(services))],
        postDeploy: options.postDeploy
      })
    } catch (error) {
      // The swarm runs the release whatever Gantry's records say: the outcome names it.
      if (!(error instanceof StepError)) throw error
      return {
        status: 'failed',
        after: version,
        details,
        message: `the rollout of ${version} completed, then ${errorMessage(error)}`
      }
    }
    return { status: 'deployed', after: version, details }
  }

  return {
    name: 'swarm',
    scope: `stack ${stack}`,
    rolledBackBy: 'the swarm',
    headline: ({ app, what, hosts }) =>
      `Deploying ${app} ${what} as stack ${stack} through the swarm manager ${hosts.join('')}`,
    dryRunNote: `Stack ${stack} through the swarm manager. \`--detach=true\` only where the host's docker CLI has it (26+); \`stack status\` repeats until the rollout settles.`,

    inspectStep: swarmInspectStep,

    parseInspect(stdout) {
      const state = parseSwarmInspect(stdout)
      const problem = swarmProblem(state)
      return problem ? { problem } : state
    },

    async deploy(session, state, spec) {
      const { release, steps } = session.newRelease(spec)
      // A release the swarm never ran (its upload failed) or rolled back goes at once: pruning
      // runs only after a success, and a manager whose deploys keep failing would fill its disk.
      const discard = () =>
        session.run([discardReleaseStep(session.plan.layout, release)]).catch(() => undefined)
      const result = await deployRelease(session, state, release, {
        env: spec.env,
        version: spec.version,
        postDeploy: spec.postDeploy,
        prepare: steps
      }).catch(async (error: unknown) => {
        if (error instanceof StepError && steps.includes(error.step)) await discard()
        throw error
      })
      if (result.status === 'rolled-back') await discard()
      return result
    },

    /** `previous`: `docker service rollback` per service; a version: that kept release again. */
    async rollbackTo(session, state, to) {
      const { layout, healthTimeoutMs } = session.plan
      if (to !== 'previous') {
        const target = rollbackTarget(state, to)
        if ('error' in target)
          return { status: 'failed', message: `Cannot roll back: ${target.error}` }
        const version = await session.versionOf(target.release)
        session.log(`↩ deploying the kept release ${version} (${target.release}) again`)
        const envFile = readReleaseFileStep(layout, target.release, ENV_FILE)
        const env = (await session.runOne(envFile, { quiet: true })).stdout
        return deployRelease(session, state, target.release, { env, version })
      }

      const baseline = await status(session)
      const names = baseline.services.map((s) => s.name)
      if (names.length === 0)
        return {
          status: 'failed',
          message: `Cannot roll back: the stack ${stack} has no services on this manager`
        }
      const without = baseline.services.filter((s) => !s.hasPreviousSpec).map((s) => s.name)
      if (without.length)
        return {
          status: 'failed',
          message: `Cannot roll back: the swarm has no previous spec for ${without.join(', ')} (created by the last deploy, or already rolled back by the swarm). Deploy a kept release again with \`rollback-to: <version>\`.`
        }
      session.log(`↩ rolling back ${names.join(', ')} to their previous spec`)
      await session.runOne(serviceRollbackStep(names))
      const { verdict, timedOut } = await follow(session, 'rollback', baseline, healthTimeoutMs)
      const services = verdict.services
      const details = servicesTable(stack, services)
      if (verdict.phase !== 'completed')
        return { status: 'failed', details, message: why(session, verdict, timedOut) }
      const records = await session.runOne(readStackRecordsStep(layout), { quiet: true })
      const release = releaseRunning(parseStackRecords(records.stdout), services)
      if (!release) {
        session.log('  no kept release recorded these images: `current` stays as it was')
        return { status: 'deployed', details }
      }
      await session.run([switchStep(layout, release)])
      return { status: 'deployed', after: await session.versionOf(release), details }
    },

    /** `current` serves; healthy when every service runs its replicas and the health URL answers. */
    async serving(session, state, { health }) {
      const release = state.current
      if (!release) return { healthy: health ? false : undefined, detail: 'no release is current' }
      const version = session.before
      if (!health) return { release, version }
      const short = (await status(session)).services.filter((s) => s.running < s.desired)
      const detail = short.length
        ? `${short.map((s) => `${s.name} runs ${s.running}/${s.desired}`).join(', ')}`
        : await checkHealthUrl(session, session.plan.healthTimeoutMs)
      return detail
        ? { release, version, healthy: false, detail }
        : { release, version, healthy: true }
    },

    rehearsal(plan) {
      const host = rehearsalHost(plan)
      const image =
        plan.mode.kind === 'deploy'
          ? (/^IMAGE=(.*)$/m.exec(plan.mode.env)?.[1] ?? '<image>')
          : '<image>'
      const service = `${stack}_<service>`
      const inspect = (previous: boolean, update?: string) =>
        JSON.stringify({
          Spec: {
            Name: service,
            Labels: { 'com.docker.stack.image': image },
            TaskTemplate: { ContainerSpec: { Image: image } },
            Mode: { Replicated: { Replicas: 1 } }
          },
          ...(previous ? { PreviousSpec: { Name: service } } : {}),
          ...(update ? { UpdateStatus: { State: update, StartedAt: 'now', Message: '' } } : {})
        })
      const task = JSON.stringify({
        id: '<task>',
        name: `${service}.1`,
        image,
        node: '<node>',
        desired: 'Running',
        current: 'Running 1 second ago',
        error: ''
      })
      const running = (update?: string) =>
        `#services\n${service} 1/1\n#inspect\n${inspect(true, update)}\n#tasks\n${task}\n`
      const statuses =
        plan.mode.kind === 'rollback' && plan.mode.to === 'previous'
          ? [running(), running('rollback_completed')]
          : ['#services\n#inspect\n#tasks\n', running()]
      return {
        'inspect swarm': `swarm=active true\ndetach=yes\nnow=${host.now}\n${host.releaseLines}`,
        ...host.answers,
        'stack status': statuses
      }
    }
  }
}

/** Whether a service's update started since the baseline (a deploy resets its UpdateStatus). */
function updateStarted(baseline: StackStatus, now: StackStatus): boolean {
  return now.services.some(
    (s) =>
      s.update !== undefined &&
      s.update.startedAt !== baseline.services.find((b) => b.name === s.name)?.update?.startedAt
  )
}

/** Per service of the stack: replicas, old → new image, what the swarm did, its failed tasks. */
function servicesTable(stack: string, services: ServiceReport[]): string | undefined {
  if (!services.length) return undefined
  const rows = services.map((s) => [
    { raw: code(s.name) },
    `${s.running}/${s.desired}`,
    imageChange(s),
    stateLabel(s),
    s.failed ? [s.message ?? '', ...s.failedTasks.map(describeTask)].filter(Boolean).join('\n') : ''
  ])
  return `\n\nStack ${code(stack)}:\n\n${table(['Service', 'Replicas', 'Image', 'Update', 'Details'], rows)}`
}
