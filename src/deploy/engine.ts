/**
 * The deploy engine: a release to many hosts, whatever the target. Hosts go in batches
 * (`max-parallel`), each batch in parallel; with `on-host-failure: stop` a failed batch skips
 * the rest. Per host: connect → Gantry's reads and the target's inspect → the lock, taken with
 * the target's first steps → the target's deploy or rollback → unlock (always, over a new connection if the old one dropped) → one
 * RolloutOutcome. The dry run is this same engine over printing runners and an instant clock.
 */
import { HostKeyRefusedError } from '../io/ssh.js'
import type { HostState } from '../core/deploy/releases.js'
import { errorMessage } from '../lib/errors.js'
import type { RolloutOutcome } from './outcome.js'
import { HostSession, type HostJob } from './session.js'
import type { HostResult, HostTarget } from './target.js'

export async function deployHost<State extends HostState>(
  target: HostTarget<State>,
  job: HostJob
): Promise<RolloutOutcome> {
  const started = job.clock.now()
  const done = (result: HostResult): RolloutOutcome => ({
    unit: job.name,
    ...result,
    durationMs: job.clock.now() - started
  })
  let runner
  try {
    runner = await job.connect()
  } catch (error) {
    const message = errorMessage(error)
    job.log(error instanceof HostKeyRefusedError ? `refused: ${message}` : message)
    return done({ status: 'failed', message })
  }
  const session = new HostSession(job, runner)
  try {
    const { state, before } = await session.inspect(target)
    session.lockWithNextSteps()
    const { mode } = job.plan
    const result =
      mode.kind === 'deploy'
        ? await target.deploy(session, state, mode)
        : await target.rollbackTo(session, state, mode.to)
    return done({ before, ...result })
  } catch (error) {
    const message = errorMessage(error)
    job.log(`failed: ${message}`)
    return done({ status: 'failed', before: session.before, message })
  } finally {
    await session.unlock()
    await runner.close()
  }
}

/** Hosts in batches of `maxParallel` (0: all at once); after a failed batch, `stop` skips the rest. */
export async function deployHosts<Host>(
  hosts: readonly Host[],
  options: {
    maxParallel: number
    onHostFailure: 'continue' | 'stop'
    name: (host: Host) => string
    deploy: (host: Host, index: number) => Promise<RolloutOutcome>
  }
): Promise<RolloutOutcome[]> {
  const size = options.maxParallel || hosts.length
  const outcomes: RolloutOutcome[] = []
  for (let start = 0; start < hosts.length; start += size) {
    const batch = hosts.slice(start, start + size)
    if (
      options.onHostFailure === 'stop' &&
      outcomes.some((o) => o.status === 'failed' || o.status === 'rolled-back')
    ) {
      outcomes.push(
        ...batch.map((host) => ({
          unit: options.name(host),
          status: 'skipped' as const,
          durationMs: 0,
          message: 'skipped after a failed host'
        }))
      )
      continue
    }
    outcomes.push(...(await Promise.all(batch.map((host, i) => options.deploy(host, start + i)))))
  }
  return outcomes
}
