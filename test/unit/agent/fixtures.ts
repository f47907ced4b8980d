/** AppConfigs as parseAgentConfig makes them, and a fake Deployer, for the server-side agent tests. */
import { createHash } from 'node:crypto'
import {
  UnresolvableError,
  type AppConfig,
  type Deployer,
  type DeployRequest,
  type JobRecord,
  type Resolved,
  type RunResult
} from '../../../src/agent/contract.js'

export const GITHUB_SECRET = 'gh-webhook-s3cret'
export const GANTRY_SECRET = 'gantry-signing-s3cret'
export const REGISTRY_SECRET = 'registry-notify-s3cret'
export const HARBOR_SECRET = 'harbor-auth-s3cret'
export const TOKEN_SECRET = 'url-token-s3cret'

export function composeApp(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    name: 'shop',
    target: 'compose',
    strategy: 'recreate',
    inputs: { app: 'shop', target: 'compose', strategy: 'recreate', path: '/srv/gantry/shop' },
    image: { registry: '127.0.0.1:5000', repository: 'shop', reference: '127.0.0.1:5000/shop' },
    tags: ['v*', 'latest'],
    stepTimeoutMs: 600_000,
    triggers: {
      github: { secret: GITHUB_SECRET },
      gantry: { secret: GANTRY_SECRET },
      registry: { header: 'Authorization', value: `Bearer ${REGISTRY_SECRET}` },
      harbor: { value: HARBOR_SECRET },
      token: { secret: TOKEN_SECRET }
    },
    notify: [],
    ...overrides
  }
}

export function gitApp(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    name: 'blog',
    target: 'git',
    strategy: 'recreate',
    inputs: { app: 'blog', target: 'git', strategy: 'recreate', repository: '/srv/git/blog.git' },
    tags: [],
    branch: 'main',
    stepTimeoutMs: 600_000,
    triggers: { github: { secret: GITHUB_SECRET }, token: { secret: TOKEN_SECRET } },
    notify: [],
    ...overrides
  }
}

/**
 * A Deployer per the contract whose runs end when the test says (`finish`), so what happens
 * while a deploy is running can be seen. Tag `v9` is not in its "registry".
 */
export class FakeDeployer implements Deployer {
  readonly started: (JobRecord & { resolved?: Resolved })[] = []
  readonly resolved: DeployRequest[] = []
  private readonly ends = new Map<string, (result: RunResult) => void>()
  private readonly waiters: (() => void)[] = []
  /** Resolution delay, for the 5 s bound. */
  resolveDelayMs = 0

  private readonly held = new Map<string, Promise<void>>()

  /** Holds the lookup of a tag until the returned function is called (a slow registry). */
  hold(tag: string): () => void {
    let release!: () => void
    this.held.set(tag, new Promise<void>((done) => (release = done)))
    return release
  }

  async resolve(app: AppConfig, request: DeployRequest, signal?: AbortSignal): Promise<Resolved> {
    this.resolved.push(request)
    if (request.kind === 'image') await this.held.get(request.tag)
    if (this.resolveDelayMs)
      await new Promise<void>((done, fail) => {
        const timer = setTimeout(done, this.resolveDelayMs)
        signal?.addEventListener('abort', () => {
          clearTimeout(timer)
          fail(new Error('aborted'))
        })
      })
    if (request.kind === 'image') {
      if (request.tag === 'v9')
        throw new UnresolvableError(`tag v9 of ${app.image?.reference} is not in the registry`)
      const digest = createHash('sha256').update(request.tag).digest('hex')
      return { version: `${request.tag}@sha256:${digest.slice(0, 12)}`, ref: `sha256:${digest}` }
    }
    if (request.kind === 'git')
      return {
        version: (request.commit ?? 'f'.repeat(40)).slice(0, 7),
        ref: request.commit ?? 'f'.repeat(40)
      }
    return { version: request.to, ref: request.to }
  }

  run(
    job: JobRecord & { resolved?: Resolved },
    _app: AppConfig,
    log: (line: string) => void
  ): Promise<RunResult> {
    this.started.push(job)
    log(`deploying ${job.version ?? '?'}`)
    for (const w of this.waiters.splice(0)) w()
    if (this.finishing) return Promise.resolve({ state: 'succeeded' })
    return new Promise((resolve) => this.ends.set(job.id, resolve))
  }

  async status(): Promise<{ current?: string; previous?: string }> {
    return { current: 'v1@sha256:0f3a0f3a0f3a', previous: 'v0@sha256:1b2c1b2c1b2c' }
  }

  /** Ends the job's run. */
  finish(id: string, result: RunResult = { state: 'succeeded' }): void {
    const end = this.ends.get(id)
    if (!end) throw new Error(`job ${id} is not running`)
    this.ends.delete(id)
    end(result)
  }

  private finishing = false

  /** Ends every run, and those started from now on at once (a test's cleanup). */
  finishAll(): void {
    this.finishing = true
    for (const id of this.running()) this.finish(id)
  }

  running(): string[] {
    return [...this.ends.keys()]
  }

  /** Resolves once `n` runs have started. */
  async untilStarted(n: number): Promise<void> {
    while (this.started.length < n) await new Promise<void>((done) => this.waiters.push(done))
  }
}
