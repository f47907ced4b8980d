// Types for agent.js.
import type { SandboxHost } from '../sandbox/description.js'

export declare const ROOT: string
export declare const CLI: string
export declare const SOURCES_CLI: string[]

export interface AgentProcess {
  pid: number
  url: string
  port: number
  log(): string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  exit(): { code: number | null; signal: NodeJS.Signals | null } | null
  stop(ms?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  kill(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

export function userIds(user: string): { uid: number; gid: number }
export function freePort(): Promise<number>
export function userDir(host: SandboxHost, prefix?: string): string
export function writeUserFile(
  host: SandboxHost,
  path: string,
  content: string,
  mode?: number
): string
export function startAgent(options: {
  host: SandboxHost
  config: string
  port: number
  args?: string[]
  env?: Record<string, string>
  readyMs?: number
  cli?: string[]
}): Promise<AgentProcess>
export function runAgentCli(
  args: string[],
  options?: { host?: SandboxHost }
): { code: number; stdout: string; stderr: string }

export function githubSignature(secret: string, body: string): string
export function githubHeaders(
  secret: string,
  event: string,
  body: string,
  delivery?: string
): Record<string, string>
export function githubPackageEvent(options: {
  image: string
  tag: string
  digest?: string
}): unknown
export function githubPushEvent(options: {
  branch: string
  after: string
  before?: string
  repository?: string
}): unknown

export interface Answer {
  status: number
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any
  text: string
  headers: Headers
}
export function post(
  url: string,
  body: string | Buffer | ReadableStream | undefined,
  headers?: Record<string, string>
): Promise<Answer & { ms: number }>
export function get(url: string, token?: string): Promise<Answer>

export interface JobRecordView {
  id: string
  app: string
  via: string
  request: unknown
  version?: string
  before?: string
  after?: string
  state: string
  message?: string
  queuedAt: string
  startedAt?: string
  endedAt?: string
  log: string[]
}
export function waitForJob(
  agent: AgentProcess,
  token: string,
  id: string,
  timeoutMs?: number
): Promise<JobRecordView>
export function waitForState(
  agent: AgentProcess,
  token: string,
  id: string,
  state: string,
  timeoutMs?: number
): Promise<JobRecordView>

export interface SinkRequest {
  method: string
  path: string
  headers: Record<string, string | string[] | undefined>
  body: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any
}
export interface Sink {
  port: number
  url: string
  requests: SinkRequest[]
  waitFor(match: (r: SinkRequest) => boolean, timeoutMs?: number): Promise<SinkRequest>
  close(): Promise<void>
}
export function startSink(): Promise<Sink>

export interface TestRegistry {
  url: string
  httpUrl: string
  log(): string
  start(withNotifications?: boolean): Promise<void>
  stop(): Promise<void>
  dispose(): Promise<void>
}
export function startRegistry(options: {
  port: number
  notify?: { url: string; secret: string }
  quiet?: boolean
}): Promise<TestRegistry>
export function pushAs(runnerDockerHost: string, from: string, to: string): string
export function registryDigest(
  httpUrl: string,
  repository: string,
  tag: string
): Promise<string | null>
export function processesOf(
  user: string,
  needle: string
): { pid: number; pgid: number; args: string }[]
export function randomUUID(): string
export function removeImages(host: SandboxHost, repository: RegExp): number
