/**
 * `target: compose` with `strategy: blue-green`: each app has two slots (blue, green) on two
 * ports of the host behind a proxy (HAProxy by default, nginx as the reload-based driver). A
 * release starts in the idle slot with the slot's variables (GANTRY_SLOT, GANTRY_HOST,
 * GANTRY_PORT, GANTRY_ADDR), is health-checked directly, tested through the proxy's preview route
 * (a header only the test sends), and only then does the proxy send it new requests; the old slot
 * drains and stops. A release that never gets healthy or fails its preview test never receives a
 * user request; one that fails its test on the public route is switched back at once (the old
 * slot still runs). Commands: src/core/deploy/blue-green.ts, haproxy.ts, nginx.ts, proxy.ts.
 */
import {
  haproxyDrainStep,
  missingTools,
  nginxDrainStep,
  parseProbe,
  parseProxyInspect,
  parseSessions,
  postDeployTestStep,
  previewHeader,
  probeStep,
  proxyCommitStep,
  proxyInspectStep,
  RECORDS_CHANGED_EXIT,
  slotDownStep,
  slotUpStep,
  type ProxyFile,
  type ProxyState,
  type TestPhase
} from '../../core/deploy/blue-green.js'
import { haproxyCommands, haproxyConfig, releaseMap } from '../../core/deploy/haproxy.js'
import { nginxConfig, type NginxPreview } from '../../core/deploy/nginx.js'
import {
  appRecord,
  assertApps,
  idleSlot,
  proxyUrl,
  recordText,
  releaseLabel,
  slotEnv,
  slotHealthUrl,
  slotProject,
  otherSlot,
  type ProxyApp,
  type ProxyDriver,
  type Route,
  type Slot
} from '../../core/deploy/proxy.js'
import { inspectStep, pullStep } from '../../core/deploy/remote.js'
import { rollbackTarget } from '../../core/deploy/releases.js'
import { errorMessage } from '../../lib/errors.js'
import { retry } from '../../lib/retry.js'
import type { HostSession } from '../session.js'
import { StepError, type Step } from '../step.js'
import type { HostResult, HostTarget } from '../target.js'
import {
  composeTarget,
  failureDetail,
  servingProject,
  waitHealthy,
  type ComposeHostState
} from './compose.js'

export interface BlueGreenOptions {
  app: string
  proxy: ProxyDriver
  route: Route
  /** `proxy-options`: the user's lines for the app's section. */
  options: string[]
  drainTimeoutMs: number
  postDeployTest?: string
  /** Random per run: the preview route's secret (32 hex digits). */
  previewToken: string
}

export interface BlueGreenState extends ComposeHostState {
  proxy: ProxyState
  /** This app's record as this deploy will write it (ports assigned, route as the inputs say). */
  record: ProxyApp
}

const PROXY_MARK = '#gantry-proxy'
/** A stopped slot gets this long to end its containers (compose's stop timeout). */
const STOP_TIMEOUT_S = 10
/** After a switch: how long the probe through the proxy may take to see the new release. */
const CONFIRM_MS = 3000

export function blueGreenTarget(o: BlueGreenOptions): HostTarget<BlueGreenState> {
  return {
    name: 'compose',
    rolledBackBy: 'Gantry',
    headline: ({ app, what, hosts, maxParallel }) =>
      `Deploying ${app} ${what} blue-green behind ${o.proxy} to ${hosts.length} host(s), ${maxParallel || 'all'} at a time`,
    dryRunNote:
      'The release starts in the idle slot and is health-checked and tested there; the proxy switches only then, and the old slot drains before it stops.',

    inspectStep(layout) {
      return {
        name: 'inspect',
        script: `${inspectStep(layout).script}\necho '${PROXY_MARK}'\n${proxyInspectStep(o.proxy).script}`
      }
    },

    parseInspect(stdout) {
      const at = stdout.indexOf(`${PROXY_MARK}\n`)
      const compose = composeTarget.parseInspect(at < 0 ? stdout : stdout.slice(0, at))
      if ('problem' in compose) return compose
      let proxy: ProxyState
      try {
        proxy = parseProxyInspect(at < 0 ? '' : stdout.slice(at + PROXY_MARK.length + 1))
      } catch (error) {
        return {
          problem: `The host's proxy settings are unusable: ${errorMessage(error)}`
        }
      }
      const missing = missingTools(o.proxy, proxy.tools)
      if (missing)
        return {
          problem: `strategy blue-green with proxy ${o.proxy}: ${missing}`
        }
      const record = appRecord(proxy.records, o.app, {
        proxy: o.proxy,
        route: o.route,
        options: o.options
      })
      try {
        assertApps([...proxy.records.filter((r) => r.app !== o.app), record])
      } catch (error) {
        return { problem: errorMessage(error) }
      }
      return { ...compose, proxy, record }
    },

    async deploy(session, state, spec) {
      const { release, steps } = session.newRelease(spec)
      await session.run([...steps, pullStep(session.plan.layout, state.compose, release)])
      return new BlueGreen(session, state, o).rollOut(release, releaseLabel(spec.version), {
        postDeploy: spec.postDeploy
      })
    },

    async rollbackTo(session, state, to) {
      const target = rollbackTarget(state, to)
      if ('error' in target)
        return {
          status: 'failed',
          message: `Cannot roll back: ${target.error}`
        }
      const version = await session.versionOf(target.release)
      session.log(`↩ rolling back to ${version} (${target.release}) through the idle slot`)
      return new BlueGreen(session, state, o).rollOut(target.release, releaseLabel(version), {
        prune: false
      })
    },

    /** The proxy's live slot serves (`current` follows only once the old slot drained). */
    async serving(session, state, { health }) {
      const live = state.record.live
      if (!live) return composeTarget.serving(session, state, { health })
      const { layout, healthUrl } = session.plan
      const project = slotProject(layout.project, live)
      const check = {
        layout: { ...layout, project },
        healthUrl: healthUrl && slotHealthUrl(healthUrl, state.proxy.host, state.record, live)
      }
      return servingProject(session, state, project, health ? check : undefined, {
        version: state.record.releases[live]
      })
    },

    rehearsal(plan) {
      const compose = composeTarget.rehearsal(plan)
      // The host it plays against: the app live in slot blue, the new release going to green.
      const record = JSON.stringify({
        app: o.app,
        proxy: o.proxy,
        route: o.route,
        ports: { blue: 20000, green: 20001 },
        live: 'blue',
        releases: { blue: 'current' }
      })
      const proxyAnswer = `home=/home/deploy\ntool=${o.proxy}\ntool=socat\ntool=curl\nrunning=yes\nrecords=0\n#host\n#records\n${record}\n`
      return {
        ...compose,
        inspect: `${String(compose.inspect)}${PROXY_MARK}\n${proxyAnswer}`,
        'inspect proxy': proxyAnswer,
        probe: `status=200\nrelease=${releaseLabel(plan.mode.kind === 'deploy' ? plan.mode.version : plan.mode.to)}\n`,
        drain: 'sessions=0\n'
      }
    }
  }
}

class BlueGreen {
  private record: ProxyApp
  private proxy: ProxyState

  constructor(
    private readonly session: HostSession,
    private readonly state: BlueGreenState,
    private readonly o: BlueGreenOptions
  ) {
    this.record = state.record
    this.proxy = state.proxy
  }

  private get host() {
    return this.proxy.host
  }

  private log(line: string) {
    this.session.log(line)
  }

  private project(slot: Slot) {
    return slotProject(this.session.plan.layout.project, slot)
  }

  /** The configuration for the records as they will be (this app's record replaced). */
  private config(record: ProxyApp, preview?: NginxPreview): string {
    const apps = [...this.proxy.records.filter((r) => r.app !== this.o.app), record]
    return this.o.proxy === 'haproxy'
      ? haproxyConfig(this.host, apps)
      : nginxConfig(this.host, apps, preview)
  }

  private files(record: ProxyApp): ProxyFile[] {
    return [
      { path: `apps/${record.app}.json`, content: recordText(record) },
      ...(this.o.proxy === 'haproxy'
        ? [
            {
              path: `haproxy/maps/${record.app}.map`,
              content: releaseMap(record)
            }
          ]
        : [])
    ]
  }

  /**
   * Commits a new record of this app: the files, the configuration (nginx always; HAProxy's only
   * changes with routes and ports), the runtime commands. Re-reads the proxy and tries again when
   * another app's deploy changed it meanwhile.
   */
  private async commit(
    name: string,
    record: ProxyApp,
    options: {
      runtime?: (record: ProxyApp) => string[]
      preview?: NginxPreview
    } = {}
  ): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      const step: Step = {
        ...proxyCommitStep({
          name,
          driver: this.o.proxy,
          host: this.host,
          recordsSum: this.proxy.recordsSum,
          files: this.files(record),
          config: this.config(record, options.preview),
          runtime: this.o.proxy === 'haproxy' ? options.runtime?.(record) : undefined,
          // The preview token is in the runtime commands or the nginx configuration.
          secret: Boolean(options.runtime || options.preview)
        }),
        mayFail: true
      }
      const [result] = await this.session.run([step])
      if (result?.code === 0) {
        this.record = record
        // Our own write changed the checksum: read it again before the next commit.
        await this.reread()
        return result.stdout.match(/config=(\w+)/)?.[1] ?? 'unchanged'
      }
      if (result?.code === RECORDS_CHANGED_EXIT && attempt < 5) {
        this.log('  another deploy changed the proxy meanwhile: reading it again')
        await this.reread()
        continue
      }
      const said = `${result?.stdout ?? ''}\n${result?.stderr ?? ''}`
        .split('\n')
        .filter((l) => l.trim())
        .slice(-8)
        .join(' | ')
      throw new StepError(step, result, `${name} failed (exit code ${result?.code}): ${said}`)
    }
  }

  private async reread(): Promise<void> {
    const [result] = await this.session.run([proxyInspectStep(this.o.proxy)], {
      quiet: true
    })
    this.proxy = parseProxyInspect(result?.stdout ?? '')
  }

  /** A request through the proxy until it is answered by `release` (or CONFIRM_MS passed). */
  private async confirm(
    url: string,
    release: string,
    header?: string
  ): Promise<string | undefined> {
    const { clock } = this.session
    const deadline = clock.now() + CONFIRM_MS
    let last = 'no answer'
    for (;;) {
      const [result] = await this.session.run(
        [{ ...probeStep(url, header, this.record.route.host), mayFail: true }],
        {
          quiet: true
        }
      )
      const probe = parseProbe(result?.stdout ?? '')
      if (probe.status >= 200 && probe.status < 300 && probe.release === release) return undefined
      last = probe.status
        ? `HTTP ${probe.status}, ${probe.release ? `served by ${probe.release}` : 'no release header'}`
        : `no answer (${(result?.stderr ?? '').trim().split('\n').at(-1) ?? ''})`
      if (clock.now() >= deadline)
        return `${url} did not answer from ${release} through the proxy: ${last}`
      await clock.sleep(100)
    }
  }

  private async test(
    release: string,
    version: string,
    phase: TestPhase
  ): Promise<string | undefined> {
    const command = this.o.postDeployTest
    if (!command) return undefined
    const url = proxyUrl(this.host, this.o.proxy, this.record.route)
    const step: Step = {
      ...postDeployTestStep(this.session.plan.layout, release, command, {
        url,
        header: phase === 'preview' ? previewHeader(this.o.previewToken) : '',
        host: this.record.route.host ?? '',
        phase,
        version
      }),
      mayFail: true
    }
    const [result] = await this.session.run([step])
    if (result?.code === 0) return undefined
    const tail = `${result?.stdout ?? ''}\n${result?.stderr ?? ''}`
      .split('\n')
      .filter((l) => l.trim())
      .slice(-10)
      .join(' | ')
    return `post-deploy-test failed on the ${phase === 'preview' ? 'preview route (before the switch)' : 'public route (after the switch)'} (exit code ${result?.code})${tail ? `: ${tail}` : ''}`
  }

  /**
   * Stops a slot; one more try after a failure (a busy engine). One that still runs is said in
   * the log: it takes no traffic, and the next deploy starts in it.
   */
  private async stopSlot(slot: Slot): Promise<void> {
    const step = { ...slotDownStep(this.project(slot), slot, STOP_TIMEOUT_S), mayFail: true }
    await retry(
      async () => {
        const [result] = await this.session.run([step])
        if (result?.code !== 0) throw new Error(`exit code ${result?.code ?? 'none'}`)
      },
      {
        attempts: 2,
        baseDelayMs: 1000,
        retryable: () => true,
        sleep: (ms) => this.session.clock.sleep(ms)
      }
    ).catch((error: unknown) =>
      this.log(`  slot ${slot} could not be stopped (${errorMessage(error)}): it takes no traffic`)
    )
  }

  /** The outcome of a release that did not go live: the old slot never stopped serving. */
  private notLive(version: string, reason: string): HostResult {
    const before = this.session.before
    return before
      ? {
          status: 'rolled-back',
          after: before,
          attempted: version,
          message: `${version} did not go live: ${reason}; ${before} kept serving`
        }
      : // Its slot is stopped: nothing of it runs.
        { status: 'failed', attempted: version, message: `${version} did not go live: ${reason}` }
  }

  /** A commit whose failure the caller handles: its error message, or undefined once done. */
  private async attempt(...args: Parameters<BlueGreen['commit']>): Promise<string | undefined> {
    try {
      await this.commit(...args)
      return undefined
    } catch (error) {
      return errorMessage(error)
    }
  }

  /** Traffic back to `from` (one more try after a failure: a lock held, a busy socket). */
  private async switchBack(from: Slot): Promise<string | undefined> {
    const name = `proxy: switch ${this.o.app} back to slot ${from}`
    const back = { ...this.record, live: from }
    return retry(
      async () => {
        const failure = await this.attempt(name, back, {
          runtime: (r) => haproxyCommands.switch(r, from)
        })
        if (failure) throw new Error(failure)
      },
      {
        attempts: 2,
        baseDelayMs: 1000,
        retryable: () => true,
        sleep: (ms) => this.session.clock.sleep(ms)
      }
    ).then(
      () => undefined,
      (error: unknown) => errorMessage(error)
    )
  }

  /** What the public route answers now: `expected` once seen, else the release header seen (if any). */
  private async servingNow(url: string, expected?: string): Promise<string | undefined> {
    if (expected && !(await this.confirm(url, expected))) return expected
    const [result] = await this.session.run(
      [{ ...probeStep(url, undefined, this.record.route.host), mayFail: true }],
      { quiet: true }
    )
    const probe = parseProbe(result?.stdout ?? '')
    return probe.status >= 200 && probe.status < 300 ? probe.release : undefined
  }

  /**
   * After the switch failed, or the release failed its test on the public route: traffic back to
   * the old slot (on a first deploy: the new slot out of the proxy), the new slot stopped unless
   * it alone still serves (stopping it would leave nothing serving), and an outcome that names
   * what the proxy answers now.
   */
  private async undo(
    version: string,
    from: Slot | undefined,
    to: Slot,
    reason: string
  ): Promise<HostResult> {
    const back = from
      ? await this.switchBack(from)
      : await this.attempt(
          `proxy: retire slot ${to}`,
          { ...this.record, live: undefined },
          {
            runtime: (r) => haproxyCommands.retire(r, to)
          }
        )
    if (from && !back) this.log(`↩ switched back to slot ${from} (${this.session.before ?? from})`)
    const url = proxyUrl(this.host, this.o.proxy, this.record.route)
    const old = from ? this.record.releases[from] : undefined
    const serving = await this.servingNow(url, back ? undefined : old)
    const failedBack = back ? `; switching back failed: ${back}` : ''
    if (back && serving === version) {
      this.log(`  ${version} still serves: slot ${to} is left running`)
      return {
        status: 'failed',
        after: version,
        message: `${version} still serves (slot ${to} left running): ${reason}${failedBack}`
      }
    }
    await this.stopSlot(to)
    if (from && serving === old) return this.notLive(version, `${reason}${failedBack}`)
    return {
      status: 'failed',
      ...(serving ? { after: serving } : {}),
      attempted: version,
      message: `${version} did not go live: ${reason}${failedBack}; ${serving ? `${serving} answers through the proxy` : 'no release answers through the proxy'}`
    }
  }

  async rollOut(
    release: string,
    version: string,
    finish: { postDeploy?: string; prune?: boolean }
  ): Promise<HostResult> {
    const { session, o } = this
    const { layout, healthUrl } = session.plan
    const from = this.record.live
    const to = idleSlot(this.record)
    const header = previewHeader(o.previewToken)

    // 1. The proxy knows the app (routes, slots) before anything starts: a configuration that
    //    does not validate stops the deploy here, with nothing changed.
    const applied = await this.commit(`proxy: ${o.app} routes and slots`, {
      ...this.record,
      route: o.route
    })
    if (applied !== 'unchanged') this.log(`  proxy configuration ${applied}`)

    // 2. The release in the idle slot, checked directly on its own port.
    this.log(
      `▸ ${version} into slot ${to} (port ${this.record.ports[to]})${from ? `; ${from} keeps serving` : ''}`
    )
    const slotLayout = { ...layout, project: this.project(to) }
    const health = await waitHealthy(
      session,
      slotUpStep(
        layout,
        this.state.compose,
        release,
        slotLayout.project,
        slotEnv(this.host, this.record, to)
      ),
      [],
      {
        layout: slotLayout,
        healthUrl: healthUrl ? slotHealthUrl(healthUrl, this.host, this.record, to) : undefined
      }
    ).catch((error: unknown) => ({
      ok: false as const,
      reason: errorMessage(error)
    }))
    if (!health.ok) {
      const why = await failureDetail(session, this.project(to))
      await this.stopSlot(to)
      return this.notLive(version, `${health.reason}${why}`)
    }
    const healthyAt = session.clock.now()

    // 3. The preview route reaches the new slot (a header only the test sends); the test runs
    //    through the proxy before any user request reaches the release.
    const previewing: ProxyApp = {
      ...this.record,
      releases: { ...this.record.releases, [to]: version }
    }
    const unpreviewed = await this.attempt(`proxy: preview ${version} in slot ${to}`, previewing, {
      runtime: (r) => haproxyCommands.preview(this.host, r, to, version, o.previewToken),
      preview: { app: o.app, slot: to, token: o.previewToken }
    })
    if (unpreviewed) {
      // The public route was not touched: the preview's own backend and map only.
      await this.stopSlot(to)
      return this.notLive(version, `the proxy could not preview it: ${unpreviewed}`)
    }
    const url = proxyUrl(this.host, o.proxy, this.record.route)
    const unseen = await this.confirm(url, version, header)
    const previewFailure = unseen ?? (await this.test(release, version, 'preview'))
    if (previewFailure) {
      const open = await this.attempt(`proxy: end the preview of slot ${to}`, this.record, {
        runtime: (r) => haproxyCommands.endPreview(this.host, r, to, o.previewToken)
      })
      if (open) this.log(`  the preview route could not be closed (${open}); its slot stops now`)
      await this.stopSlot(to)
      return this.notLive(version, previewFailure)
    }

    // 4. The switch: new requests to the new slot, those in flight finish on the old one.
    const live: ProxyApp = { ...this.record, live: to }
    const unswitched = await this.attempt(
      `proxy: switch ${o.app} to slot ${to} (${version})`,
      live,
      {
        runtime: (r) => [
          ...haproxyCommands.endPreview(this.host, r, to, o.previewToken),
          ...haproxyCommands.switch(r, to)
        ]
      }
    )
    if (unswitched) return this.undo(version, from, to, `the switch failed: ${unswitched}`)
    const switchedMs = session.clock.now() - healthyAt
    const notServed = await this.confirm(url, version)
    const publicFailure = notServed ?? (await this.test(release, version, 'public'))
    if (publicFailure) return this.undo(version, from, to, publicFailure)
    this.log(`  switched to slot ${to} ${switchedMs} ms after it was healthy`)

    // 5. The old slot drains (requests in flight finish), then stops.
    if (from) {
      const drain =
        o.proxy === 'haproxy'
          ? haproxyDrainStep(this.host, o.app, from, o.drainTimeoutMs)
          : nginxDrainStep(this.host, o.drainTimeoutMs)
      const [drained] = await session.run([{ ...drain, mayFail: true }])
      const left = parseSessions(drained?.stdout ?? '')
      if (left)
        this.log(`  ${left} request(s) still in flight on slot ${from} after the drain timeout`)
      // The release is live whatever this says: a drained slot takes no new request either.
      const kept =
        o.proxy === 'haproxy' &&
        (await this.attempt(`proxy: retire slot ${from}`, this.record, {
          runtime: (r) => haproxyCommands.retire(r, from)
        }))
      if (kept) this.log(`  slot ${from} stays draining in the proxy (${kept}); it stops now`)
      await this.stopSlot(from)
    } else {
      if (o.proxy === 'haproxy')
        await this.commit(`proxy: retire slot ${otherSlot(to)}`, this.record, {
          runtime: (r) => haproxyCommands.retire(r, otherSlot(to))
        })
      // The first blue-green deploy of an app deployed with `recreate` before: its container goes.
      await session.run([
        {
          ...slotDownStep(layout.project, to, STOP_TIMEOUT_S),
          name: 'stop the recreate container',
          mayFail: true
        }
      ])
    }
    const details = `slot ${to} (port ${this.record.ports[to]}) behind ${o.proxy}, switched ${switchedMs} ms after healthy`
    try {
      await session.finish(this.state, release, finish)
    } catch (error) {
      // The proxy serves the new release whatever `current` says: the report names it, and the
      // next deploy starts from the proxy's record, not from `current`.
      return {
        status: 'failed',
        after: version,
        details,
        message: `${version} serves (slot ${to}), but what follows the switch failed: ${errorMessage(error)}`
      }
    }
    return { status: 'deployed', after: version, details }
  }
}
