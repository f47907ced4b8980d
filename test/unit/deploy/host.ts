/** A host job over a scripted runner and an instant clock: a deploy's steps answered by name. */
import { instantClock } from '../../../src/lib/clock.js'
import {
  scriptedRunner,
  type Answers,
  type ScriptedRunner
} from '../../../src/deploy/runners/scripted.js'
import type { HostJob } from '../../../src/deploy/session.js'
import { testPlan } from '../../harness/fake-host.js'
import type { DeployMode, HostPlan } from '../../../src/deploy/target.js'

export const T0 = 1_795_000_000_000

export function scriptedJob(
  mode: DeployMode,
  answers: Answers,
  plan: Partial<HostPlan> = {},
  options: { reconnect?: Answers; pollMs?: number } = {}
) {
  const clock = instantClock(T0)
  const log: string[] = []
  const host = scriptedRunner(answers, { where: 'deploy@10.0.0.5' })
  const connections: ScriptedRunner[] = []
  const job: HostJob = {
    name: 'deploy@10.0.0.5',
    plan: testPlan(mode, plan),
    clock,
    pollMs: options.pollMs ?? 1000,
    log: (line) => log.push(line),
    connect: async () => {
      if (connections.length === 0) {
        connections.push(host)
        return host
      }
      if (!options.reconnect) throw new Error('no second connection scripted')
      const again = scriptedRunner(options.reconnect, { where: 'deploy@10.0.0.5' })
      connections.push(again)
      return again
    }
  }
  /** The names of the steps run, each round trip as one entry joined by ' + '. */
  const trips = () => {
    const out: string[][] = []
    for (const s of host.ran) (out[s.batch] ??= []).push(s.name)
    return out.map((names) => names.join(' + '))
  }
  return { job, host, log, clock, connections, trips }
}
