/**
 * A small stateful deploy host for unit tests: it answers the steps of the compose, swarm and git
 * targets by their names (src/core/deploy/remote.ts, git.ts) and changes its state as the real
 * step would, so that after a run the test can say what the host is left with: where `current`
 * points, which release directories and images exist, whether the lock is held, what serves.
 * It knows only what the steps tell it (release ids from their scripts, versions from the
 * uploaded release record); a step it does not know fails the test loudly.
 *
 * A fault (fails, times out, connection lost before or after the step) can be injected at the
 * n-th step run, counted over every connection: see faultyConnect().
 */
import { instantClock } from '../../src/lib/clock.js'
import {
  scriptedRunner,
  type Answer,
  type ScriptedRunner
} from '../../src/deploy/runners/scripted.js'
import type { Step } from '../../src/deploy/step.js'
import type { HostJob } from '../../src/deploy/session.js'
import type { DeployMode, HostPlan } from '../../src/deploy/target.js'

export interface FakeRelease {
  version: string
  images: string[]
  commit?: string
}

export interface HostModel {
  now: () => number
  current?: string
  releases: Map<string, FakeRelease>
  lock?: { token: string; since: number }
  /** The release whose containers (compose), stack (swarm) or restarted process (git) serve. */
  serving?: string
  /** Images on the host, by reference. */
  images: Set<string>
  /** Images another app keeps (its rollback image, pulled by digest, untagged): never Gantry's. */
  foreignImages: Set<string>
  /** Git: releases marked bad, commits in the cache, shared (linked) paths. */
  bad: Set<string>
  cache: Set<string>
  shared: Set<string>
  /** Versions that come up healthy. */
  healthy: (version: string) => boolean
  /** Swarm: a counter the stack's UpdateStatus carries, so a deploy's update is fresh. */
  updates: number
  /** Swarm: how the last update ended. */
  swarmUpdate?: 'completed' | 'rollback_completed'
  /** The version that served when the host was made: the one the first run replaces. */
  replaced?: string
  /** Blue-green: the proxy's record of the app, the slots' releases, the slot previewed. */
  bg?: BlueGreenModel
  /** Every path a step removed (rm -rf), for the untouched-volumes check. */
  removed: string[]
}

export type Slot = 'blue' | 'green'

export interface BlueGreenModel {
  record: {
    app: string
    live?: Slot
    releases: Partial<Record<Slot, string>>
    [key: string]: unknown
  }
  slots: Partial<Record<Slot, string>>
  preview?: Slot
  /** Bumped by every commit: the records' checksum the inspect prints. */
  sum: number
}

/** A blue-green app live in slot blue with `current`'s release. */
export function withBlueGreen(host: HostModel): HostModel {
  const version = versionOf(host, host.current) ?? ''
  host.bg = {
    record: {
      app: 'shop',
      proxy: 'haproxy',
      route: {},
      ports: { blue: 20000, green: 20001 },
      live: 'blue',
      releases: { blue: version }
    },
    slots: { blue: host.current },
    sum: 1
  }
  return host
}

const ID = String.raw`\d{8}T\d{6}Z-[A-Za-z0-9_.-]+`
const releaseIn = (script: string) => new RegExp(`releases/(${ID})`).exec(script)?.[1]

export function newHost(options: {
  now: () => number
  releases?: [string, FakeRelease][]
  current?: string
  healthy?: (version: string) => boolean
}): HostModel {
  const releases = new Map(options.releases ?? [])
  const images = new Set([...releases.values()].flatMap((r) => r.images))
  return {
    now: options.now,
    current: options.current,
    releases,
    serving: options.current,
    images,
    foreignImages: new Set(['127.0.0.1:5000/other-app@sha256:' + 'f'.repeat(64)]),
    bad: new Set(),
    cache: new Set([...releases.values()].flatMap((r) => (r.commit ? [r.commit] : []))),
    shared: new Set(['shared/.env', 'shared/log']),
    healthy: options.healthy ?? (() => true),
    updates: 1,
    replaced: options.current ? releases.get(options.current)?.version : undefined,
    removed: []
  }
}

/** The version a release serves, or undefined. */
export const versionOf = (host: HostModel, release: string | undefined) =>
  release === undefined ? undefined : host.releases.get(release)?.version

const lines = (...l: string[]) => l.filter(Boolean).join('\n') + '\n'

function releaseLines(host: HostModel): string {
  return lines(
    host.current ? `current=${host.current}` : '',
    ...[...host.releases.keys()].map((r) => `release=${r}`)
  )
}

/** Paths an `rm -rf` in the script names, relative to the app's directory. */
function removedPaths(script: string): string[] {
  const out: string[] = []
  for (const m of script.matchAll(/rm -rf ([^\n;&|]*)/g))
    for (const word of (m[1] ?? '').trim().split(/\s+/)) {
      const rel = /"\$HOME"\/gantry\/shop\/(\S+)/.exec(word)?.[1]
      if (rel) out.push(rel.replace(/'/g, ''))
    }
  return out
}

function removeReleases(host: HostModel, script: string): void {
  const paths = removedPaths(script)
  host.removed.push(...paths)
  for (const path of paths) {
    const release = new RegExp(`^releases/(${ID})$`).exec(path)?.[1]
    const bad = new RegExp(`^bad/(${ID})$`).exec(path)?.[1]
    if (release) {
      const gone = host.releases.get(release)
      host.releases.delete(release)
      // Its images go unless a kept release or what serves uses them (docker rmi refuses).
      const used = new Set([...host.releases.values()].flatMap((r) => r.images))
      for (const image of gone?.images ?? []) if (!used.has(image)) host.images.delete(image)
    }
    if (bad) host.bad.delete(bad)
    if (path.startsWith('shared')) host.shared.delete(path)
  }
  // A host-wide image prune takes every untagged image no container uses: another app's too.
  if (/docker (image|system) prune/.test(script)) host.foreignImages.clear()
}

function status(host: HostModel): string {
  const version = versionOf(host, host.serving)
  if (!version) return ''
  return `web running ${host.healthy(version) ? 'healthy' : 'unhealthy'} 0\n`
}

/** The swarm stack as `stack status` prints it: one service, its update, one task. */
function stackStatus(host: HostModel): string {
  const release = host.serving ? host.releases.get(host.serving) : undefined
  if (!release) return '#services\n#inspect\n#tasks\n'
  const image = release.images[0] ?? ''
  const inspect = JSON.stringify({
    Spec: {
      Name: 'shop_web',
      Labels: { 'com.docker.stack.image': image },
      TaskTemplate: { ContainerSpec: { Image: image } },
      Mode: { Replicated: { Replicas: 1 } }
    },
    PreviousSpec: { Name: 'shop_web' },
    UpdateStatus: {
      State: host.swarmUpdate ?? 'completed',
      StartedAt: `t${host.updates}`,
      Message: host.swarmUpdate === 'rollback_completed' ? 'update paused due to failure' : ''
    }
  })
  const task = JSON.stringify({
    id: `task${host.updates}`,
    name: 'shop_web.1',
    image,
    node: 'n1',
    desired: 'Running',
    current: 'Running 1 second ago',
    error: ''
  })
  return `#services\nshop_web 1/1\n#inspect\n${inspect}\n#tasks\n${task}\n`
}

type Effect = (step: Step) => Answer | string

/** What each step does to the host and prints, by its name. */
function effects(host: HostModel): [RegExp, Effect][] {
  const healthyServing = () => {
    const version = versionOf(host, host.serving)
    return version !== undefined && host.healthy(version)
  }
  const probe = () => (healthyServing() ? { code: 0 } : { code: 7, stderr: 'connection refused' })
  return [
    [
      /^inspect$/,
      () =>
        lines('compose=docker compose', `now=${Math.floor(host.now() / 1000)}`) + releaseLines(host)
    ],
    [
      /^inspect swarm$/,
      () =>
        lines('swarm=active true', 'detach=yes', `now=${Math.floor(host.now() / 1000)}`) +
        releaseLines(host)
    ],
    [
      /^inspect git releases$/,
      () =>
        lines(`now=${Math.floor(host.now() / 1000)}`, 'git=yes') +
        releaseLines(host) +
        lines(
          ...[...host.releases].map(([id, r]) => (r.commit ? `revision=${id} ${r.commit}` : '')),
          ...[...host.bad].map((b) => `bad=${b}`)
        )
    ],
    [/^read current release$/, () => record(host, host.current)],
    [/^read release$/, (s) => record(host, releaseIn(s.script))],
    [
      /^read \.env$/,
      (s) => `IMAGE=${host.releases.get(releaseIn(s.script) ?? '')?.images[0] ?? ''}\n`
    ],
    [
      /^lock$/,
      (s) => {
        if (host.lock) {
          const since = host.lock.since
          return {
            code: 75,
            stdout: lines(
              'held',
              `now=${Math.floor(host.now() / 1000)}`,
              `since=${since}`,
              `owner={"token":"${host.lock.token}"}`
            )
          }
        }
        const owner = JSON.parse(s.stdin ?? '{}') as { token: string }
        host.lock = { token: owner.token, since: Math.floor(host.now() / 1000) }
        return 'acquired\n'
      }
    ],
    [
      /^break stale lock$/,
      (s) => {
        if (host.lock && new RegExp(`= '?${host.lock.since}'? \\]`).test(s.script))
          host.lock = undefined
        return ''
      }
    ],
    [
      /^unlock$/,
      (s) => {
        if (host.lock && s.script.includes(`"token":"${host.lock.token}"`)) host.lock = undefined
        return ''
      }
    ],
    [
      /^upload compose\.yml/,
      (s) => {
        const stdin = s.stdin ?? ''
        const recordLine = stdin.trimEnd().split('\n').at(-1) ?? '{}'
        const { version, release } = JSON.parse(recordLine) as { version: string; release: string }
        const images = [...stdin.matchAll(/^IMAGE=(.*)$/gm)].map((m) => m[1] as string)
        host.releases.set(release, { version, images })
        return ''
      }
    ],
    [/^upload stack\.json$/, () => ''],
    [/^registry login /, () => ''],
    [/^(pre|post)-deploy$/, () => ''],
    [
      /^pull$/,
      (s) => {
        for (const image of host.releases.get(releaseIn(s.script) ?? '')?.images ?? [])
          host.images.add(image)
        return ''
      }
    ],
    [
      /^up$/,
      (s) => {
        const release = releaseIn(s.script) as string
        for (const image of host.releases.get(release)?.images ?? []) host.images.add(image)
        host.serving = release
        return ''
      }
    ],
    [/^status$/, () => status(host)],
    [/^health check /, () => probe()],
    [/^health url$/, () => probe()],
    [/^why it failed$/, () => ''],
    [
      /^switch current/,
      (s) => {
        host.current = releaseIn(s.script)
        return ''
      }
    ],
    [/^prune \d+ old release\(s\)$/, (s) => (removeReleases(host, s.script), '')],
    [/^discard /, (s) => (removeReleases(host, s.script), '')],
    // swarm
    [/^stack status$/, () => stackStatus(host)],
    [
      /^stack deploy$/,
      (s) => {
        const release = releaseIn(s.script) as string
        host.updates++
        // An unhealthy release: the swarm rolls it back (update_config failure_action).
        host.swarmUpdate = host.healthy(versionOf(host, release) ?? '')
          ? 'completed'
          : 'rollback_completed'
        if (host.swarmUpdate === 'completed') host.serving = release
        for (const image of host.releases.get(release)?.images ?? []) host.images.add(image)
        return ''
      }
    ],
    [/^read stack records$/, () => ''],
    // git
    [
      /^fetch [0-9a-f]{7}$/,
      (s) => {
        const commit = /\+([0-9a-f]{40}):refs/.exec(s.script)?.[1]
        if (commit) host.cache.add(commit)
        return ''
      }
    ],
    [
      /^checkout [0-9a-f]{7}$/,
      (s) => {
        const release = /releases\/(\S+)$/.exec(s.script.trim())?.[1] as string
        const commit = /archive --format=tar -o "\$t" '?([0-9a-f]{40})/.exec(
          s.script
        )?.[1] as string
        if (!host.cache.has(commit)) return { code: 1, stderr: 'fatal: not a valid object name' }
        host.releases.set(release, { version: commit.slice(0, 7), images: [], commit })
        return ''
      }
    ],
    [/^link shared files$/, () => ''],
    [/^build$/, () => ''],
    [
      /^restart$/,
      () => {
        host.serving = host.current
        return ''
      }
    ],
    [
      /^mark \S+ bad$/,
      (s) => {
        const bad = new RegExp(`bad/(${ID})`).exec(s.script)?.[1]
        if (bad) host.bad.add(bad)
        return ''
      }
    ],
    [/^record /, () => '']
  ]
}

function proxyInspect(bg: BlueGreenModel): string {
  return lines(
    'home=/home/deploy',
    'tool=haproxy',
    'tool=socat',
    'tool=curl',
    'running=yes',
    `records=${bg.sum}`,
    '#host',
    '#records',
    JSON.stringify(bg.record)
  )
}

/** The effects of blue-green's own steps (core/deploy/blue-green.ts), on the model's proxy. */
function blueGreenEffects(host: HostModel): [RegExp, Effect][] {
  const bg = () => host.bg as BlueGreenModel
  const serve = () => {
    const { record, slots } = bg()
    host.serving = record.live ? slots[record.live] : undefined
  }
  const slotOf = (script: string) =>
    /project=shop-(blue|green)\b/.exec(script)?.[1] as Slot | undefined
  const answerFrom = (slot: Slot | undefined) => {
    const release = slot ? bg().slots[slot] : undefined
    const version = versionOf(host, release)
    return version && host.healthy(version) ? `status=200\nrelease=${version}\n` : 'status=503\n'
  }
  return [
    [
      /^inspect$/,
      () =>
        lines('compose=docker compose', `now=${Math.floor(host.now() / 1000)}`) +
        releaseLines(host) +
        '#gantry-proxy\n' +
        proxyInspect(bg())
    ],
    [/^inspect proxy$/, () => proxyInspect(bg())],
    [
      /^proxy: /,
      (s) => {
        const stdin = s.stdin ?? ''
        const end = stdin.indexOf('\n}\n')
        if (end > 0) bg().record = JSON.parse(stdin.slice(0, end + 2)) as BlueGreenModel['record']
        if (s.name.startsWith('proxy: preview '))
          bg().preview = /slot (blue|green)$/.exec(s.name)?.[1] as Slot
        if (/^proxy: (end the preview|switch )/.test(s.name)) bg().preview = undefined
        bg().sum++
        serve()
        return 'config=unchanged\n'
      }
    ],
    [
      /^up \(slot (blue|green)\)$/,
      (s) => {
        const slot = /slot (blue|green)/.exec(s.name)?.[1] as Slot
        const release = releaseIn(s.script) as string
        for (const image of host.releases.get(release)?.images ?? []) host.images.add(image)
        bg().slots[slot] = release
        serve()
        return ''
      }
    ],
    [
      /^status$/,
      (s) => {
        const release = bg().slots[slotOf(s.script) ?? 'blue']
        const version = versionOf(host, release)
        return version ? `web running ${host.healthy(version) ? 'healthy' : 'unhealthy'} 0\n` : ''
      }
    ],
    [
      /^probe /,
      (s) => answerFrom(s.stdin?.includes('X-Gantry-Preview') ? bg().preview : bg().record.live)
    ],
    [/^post-deploy-test /, () => ''],
    [/^drain /, () => 'sessions=0\n'],
    [
      /^stop slot (blue|green)$/,
      (s) => {
        delete bg().slots[/slot (blue|green)/.exec(s.name)?.[1] as Slot]
        serve()
        return ''
      }
    ],
    [/^stop the recreate container$/, () => '']
  ]
}

function record(host: HostModel, release: string | undefined): string {
  const r = release ? host.releases.get(release) : undefined
  return r && !r.commit ? JSON.stringify({ version: r.version, release }) + '\n' : ''
}

let runs = 0

export type Fault = 'fails' | 'times out' | 'lost before' | 'lost after'
export const FAULTS: readonly Fault[] = ['fails', 'times out', 'lost before', 'lost after']

/**
 * Answers a step as the host would, after changing its state; with `fault` at the step counted
 * `at` (0-based, over every connection), that step fails (nothing done), times out (done, then
 * killed), or the connection drops before it (nothing done) or after it (done).
 */
export function hostAnswers(host: HostModel, fault?: { at: number; kind: Fault }) {
  const table = [...(host.bg ? blueGreenEffects(host) : []), ...effects(host)]
  let n = 0
  return (step: Step): Answer => {
    const index = n++
    const kind = fault && fault.at === index ? fault.kind : undefined
    if (kind === 'fails') return { code: 1, stderr: `injected: ${step.name} failed` }
    if (kind === 'lost before') return { lost: true }
    const effect = table.find(([name]) => name.test(step.name))?.[1]
    if (!effect) throw new Error(`The fake host does not know the step "${step.name}"`)
    const answer = effect(step)
    const result = typeof answer === 'string' ? { stdout: answer } : answer
    if (kind === 'times out') return { ...result, timedOutAfterMs: 60_000 }
    if (kind === 'lost after') return { lost: true }
    return result
  }
}

/** The plan of app `shop` under ~/gantry/shop that the unit tests' host jobs share. */
export function testPlan(mode: DeployMode, plan: Partial<HostPlan> = {}): HostPlan {
  return {
    layout: { dir: '~/gantry/shop', project: 'shop' },
    mode,
    healthTimeoutMs: 30_000,
    rollback: true,
    keepReleases: 5,
    lockTimeoutMs: 10_000,
    lockStaleSeconds: 600,
    owner: { actor: 'octocat' },
    token: 'tok0tok0',
    ...plan
  }
}

/** A host job on the fake host: every connection (the first, a reconnect) answers from it. */
export function fakeHostJob(
  host: HostModel,
  mode: DeployMode,
  options: {
    plan?: Partial<HostPlan>
    fault?: { at: number; kind: Fault }
    clock?: ReturnType<typeof instantClock>
  } = {}
) {
  const clock = options.clock ?? instantClock()
  const log: string[] = []
  const answer = hostAnswers(host, options.fault)
  const connections: ScriptedRunner[] = []
  const job: HostJob = {
    name: 'deploy@10.0.0.5',
    plan: testPlan(mode, {
      keepReleases: 3,
      // Unique per run: its lock owner, its release ids' suffix.
      token: `${(0xa000 + ++runs).toString(16)}beef`,
      ...options.plan
    }),
    clock,
    pollMs: 1000,
    log: (line) => log.push(line),
    connect: async () => {
      const runner = scriptedRunner({ '*': (step) => answer(step) }, { where: 'deploy@10.0.0.5' })
      connections.push(runner)
      return runner
    }
  }
  const ran = () => connections.flatMap((c) => c.ran)
  return { job, log, clock, connections, ran }
}
