/**
 * `gantry agent`: the pull-mode deployer on the host. The parts meet through these types only:
 *   src/core/agent/config.ts  the YAML file → AgentConfig (pure, validated, file:line:key errors)
 *   src/core/agent/hooks.ts   one webhook request → verified Delivery, or why not (pure)
 *   src/agent/server.ts       HTTP: routes, limits, answers; jobs and their queue (queue.ts),
 *                             the state directory (store.ts)
 *   src/agent/deployer.ts     one job → a deploy through the engine (src/deploy) with the local
 *                             step runner; digest/commit resolution, notifications, recovery
 *   src/agent/poller.ts       registry polling
 *   src/agent/main.ts         `gantry agent [check|install] --config <file>`
 */

/** Where a secret comes from: never the config file itself (it is often world-readable). */
export type SecretSource = { file: string } | { env: string }

export type TriggerKind = 'github' | 'gantry' | 'registry' | 'harbor' | 'token'

export interface AppTriggers {
  /** GitHub webhooks: X-Hub-Signature-256 over the raw body; `push` (git apps), `package`/`registry_package` (images). */
  github?: { secret: string }
  /** Gantry-signed JSON (src/core/signature.ts), as `notify`'s json:// sink with a signing secret sends it. */
  gantry?: { secret: string }
  /** The distribution registry's notifications: a header secret (default `Authorization: Bearer <secret>`). */
  registry?: { header: string; value: string }
  /** Harbor webhooks: the policy's "Auth Header" value, sent as `Authorization`. */
  harbor?: { value: string }
  /** Senders that cannot sign (Docker Hub, simple registry triggers): `?token=<secret>` in the URL. */
  token?: { secret: string }
  /** Registry polling: each tag in `tags` without wildcards, every interval ± jitter. */
  poll?: { intervalMs: number; jitter: number }
}

/** One app: a deploy target whose settings are named as ssh-deploy's inputs are. */
export interface AppConfig {
  name: string
  target: 'compose' | 'git'
  strategy: 'recreate' | 'blue-green'
  /** ssh-deploy's inputs for this app as read from the YAML (kebab-case keys, string values). */
  inputs: Readonly<Record<string, string>>
  /** compose: the image repository deployed (`IMAGE=<image>@<digest>` in the release's env). */
  image?: { registry: string; repository: string; reference: string }
  /** compose: tag globs that may deploy (`v*`, `latest`). */
  tags: string[]
  /** git: the branch that may deploy. */
  branch?: string
  /** The limit for one step; a step still running then is killed with its process group. */
  stepTimeoutMs: number
  triggers: AppTriggers
  /** notify target URLs (the notify action's `targets`), Slack included. */
  notify: string[]
}

export interface AgentConfig {
  /** The config file, for messages. */
  file: string
  listen: { host: string; port: number }
  tls?: { cert: string; key: string }
  stateDir: string
  /** Bearer token for /apps, /jobs and rollbacks. */
  token: string
  logFormat: 'text' | 'json'
  maxBodyBytes: number
  /** Jobs waiting (not running) across all apps; one more gets 429 with Retry-After. */
  maxPending: number
  apps: AppConfig[]
}

/** What a verified delivery asks for. The payload names a wish; the deployer resolves the truth. */
export type DeployRequest =
  | { kind: 'image'; tag: string }
  | { kind: 'git'; ref: string; commit?: string }
  | { kind: 'rollback'; to: string }

export type HookVerdict =
  | {
      ok: true
      via: TriggerKind
      /** The sender's delivery id (replay guard key), or one derived from the signed body. */
      deliveryId: string
      /** null: a well-signed event that asks for nothing (a GitHub ping, a registry pull event). */
      request: DeployRequest | null
      /** Why a verified event asks for nothing, for the 200 answer. */
      ignored?: string
    }
  | { ok: false; status: 401 | 400; reason: string }

export type JobState =
  | 'queued'
  | 'running'
  | 'succeeded'
  | 'rolled-back'
  | 'failed'
  /** Replaced, while waiting, by a newer delivery for the same app. */
  | 'superseded'

export interface JobRecord {
  id: string
  app: string
  via: TriggerKind | 'poll' | 'manual' | 'recovery'
  request: DeployRequest
  /** What was deployed: `v1.4.0@sha256:…` or a commit; known once resolved. */
  version?: string
  before?: string
  after?: string
  state: JobState
  message?: string
  queuedAt: string
  startedAt?: string
  endedAt?: string
  log: string[]
}

/** What a request resolves to before it is accepted (the registry's digest, the branch's commit). */
export interface Resolved {
  /** For logs, /apps and notifications: `v1.4.0@sha256:0f3a…` (tag and short digest) or a short commit. */
  version: string
  /** The exact thing deployed: `sha256:…` or a full commit id; coalescing keeps the newest. */
  ref: string
}

/** A request the deployer refuses before any job exists: answered 422 with the message. */
export class UnresolvableError extends Error {}

export interface RunResult {
  state: Extract<JobState, 'succeeded' | 'rolled-back' | 'failed'>
  version?: string
  before?: string
  after?: string
  message?: string
}

/** The deploy side of the agent (src/agent/deployer.ts); the server and queue only call this. */
export interface Deployer {
  /** The tag's digest in the registry (the host's pull-only credentials), a git ref's commit. */
  resolve(app: AppConfig, request: DeployRequest, signal?: AbortSignal): Promise<Resolved>
  /** One deploy or rollback; never throws (a failure is a RunResult). Notifies the app's sinks. */
  run(
    job: JobRecord & { resolved?: Resolved },
    app: AppConfig,
    log: (line: string) => void
  ): Promise<RunResult>
  /** The app's current and previous version on this host, for GET /apps. */
  status(app: AppConfig): Promise<{ current?: string; previous?: string }>
}
