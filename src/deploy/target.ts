/**
 * The deploy-target seam. A target is one way of running a release: `compose` (docker compose on
 * each host), `swarm` (a stack through one manager), `ecs` (an ECS service), and next blue-green,
 * git, kubernetes. The shared engine (engine.ts, session.ts) does everything around it: hosts in
 * batches and in parallel, connecting, the lock (waited for, stale ones broken), the release's
 * upload, `current`, pruning, unlocking, the dry run, timing, and one RolloutOutcome per host
 * (outcome.ts) from which outputs, the job summary, annotations and notifications are built.
 *
 * How to add a host target (one that runs steps on hosts, over SSH or by an agent on the host):
 *  1. Its commands, pure, in src/core/deploy/<target>.ts: functions returning Steps (name,
 *     script built with quote(), stdin for data and secrets), each asserted exactly by a test.
 *  2. One file src/deploy/targets/<target>.ts implementing HostTarget below: `inspect` (what the
 *     host has, and why it cannot take this target), `deploy` and `rollbackTo` over the
 *     HostSession, which gives the shared steps (release upload, finish = switch + prune +
 *     unlock); and `rehearsal`, how a healthy host answers its steps, which the dry run plays
 *     against (so the dry run is the real sequence and cannot drift).
 *  3. One entry in HOST_TARGETS (targets/index.ts).
 *  4. Its inputs: action.yml, settings.ts (validated before anything connects), `npm run docs`.
 * Tests: drive the target through scriptedRunner (runners/scripted.ts), answering by step name,
 * with instantClock(); see test/unit/deploy/compose.test.ts.
 *
 * A target that deploys through an API rather than host steps (ecs) implements ApiTarget: the
 * same RolloutOutcome (status, versions before and after, duration, why), with its own account
 * beside it for what only it reports (ECS's deployment id, stopped tasks).
 */
import type { AppLayout } from '../core/deploy/remote.js'
import type { HostState } from '../core/deploy/releases.js'
import type { Answers } from './runners/scripted.js'
import type { HostSession } from './session.js'
import type { RolloutOutcome, RolloutStatus } from './outcome.js'
import type { Step } from './step.js'

/** A release to deploy: what every host target receives. */
export interface ReleaseSpec {
  version: string
  composeFile: string
  env: string
  registry?: { server: string; username: string; password: string }
  preDeploy?: string
  postDeploy?: string
}

export type DeployMode = ({ kind: 'deploy' } & ReleaseSpec) | { kind: 'rollback'; to: string }

/** What a host deploy is asked to do, the same for every host target. */
export interface HostPlan {
  layout: AppLayout
  mode: DeployMode
  healthUrl?: string
  healthTimeoutMs: number
  /** Bring the previous release back when the new one is not healthy (where Gantry rolls back). */
  rollback: boolean
  keepReleases: number
  lockTimeoutMs: number
  lockStaleSeconds: number
  owner: { actor?: string; runUrl?: string }
  /** Unique to this run: the lock's owner, the release ids. */
  token: string
}

/** What a target's deploy or rollback did on one host; the engine adds the host and the time. */
export interface HostResult {
  status: Exclude<RolloutStatus, 'skipped' | 'started'>
  before?: string
  after?: string
  attempted?: string
  message?: string
  /** Markdown under the summary table: what only this target knows (a stack's services). */
  details?: string
}

/** What serves on a host now, as its target sees it (recovery's check, a report's look). */
export interface Serving {
  /** The kept release that serves (its directory), when the host can say. */
  release?: string
  /** Its version (as the release record says). */
  version?: string
  /** By the target's own health check; undefined when not asked for. */
  healthy?: boolean
  /** Why it is not healthy. */
  detail?: string
}

export interface HostTarget<State extends HostState = HostState> {
  /** The `target:` value. */
  readonly name: string
  /** What the deploy is, beyond the app, in messages: `stack shop`. */
  readonly scope?: string
  /** Who rolls a failed release back: `Gantry`, or the platform (`the swarm`). */
  readonly rolledBackBy: string
  /** The log's first line: `Deploying shop 1.4.0 to 3 host(s), all at a time`. */
  headline(deploy: { app: string; what: string; hosts: string[]; maxParallel: number }): string
  /** What a dry run cannot know of a real host (which commands differ from host to host). */
  readonly dryRunNote: string
  /** One step printing the host's state; it runs before the lock, batched with Gantry's own reads. */
  inspectStep(layout: AppLayout): Step
  /** The state, or why this host cannot take the target (then nothing is changed on it). */
  parseInspect(stdout: string): State | { problem: string }
  /** Called with the lock held. */
  deploy(session: HostSession, state: State, release: ReleaseSpec): Promise<HostResult>
  /** `rollback-to`: `previous` or a version kept on the host. Called with the lock held. */
  rollbackTo(session: HostSession, state: State, to: string): Promise<HostResult>
  /**
   * What serves now, changing nothing (no lock): the release that takes the traffic (for
   * blue-green, the proxy's live slot, not `current`), and with `health`, whether it passes the
   * target's own health check. Recovery after an interrupted run, and a failed run's report.
   */
  serving(session: HostSession, state: State, options: { health: boolean }): Promise<Serving>
  /** How a healthy host answers this target's steps, by step name: the dry run's host. */
  rehearsal(plan: HostPlan): Answers
}

/** A target that deploys through an API rather than host steps (ECS): same outcome, same report. */
export interface ApiTarget<Request, Outcome extends RolloutOutcome = RolloutOutcome> {
  readonly name: string
  deploy(request: Request): Promise<Outcome>
}
