// Types for agent-faults.js.
import type { SandboxDescription, SandboxHost } from '../sandbox/description.js'
import type { AgentProcess } from './agent.js'

export declare const HANG: { pre: string; post: string; bgPre: string; bgPublic: string }
export declare const MARKER: { pre: string; post: string; bgPre: string; bgPublic: string }
export type KillPoint = keyof typeof HANG
export declare const SLOW: { step: string; marker: string }
export function waitForProcess(
  host: SandboxHost,
  needle: string,
  agent: AgentProcess
): Promise<void>
export interface FaultApps {
  shop: { app: string; addr: string }
  bg: { app: string; route: string }
}
export function faultApps(
  options: FaultApps & { dir: string; image: string; secretFile: string }
): Record<string, unknown>
export function copyComposeFiles(root: string, dir: string): void
export function deliver(
  agent: AgentProcess,
  app: string,
  secret: string,
  tag: string
): Promise<string>
export function killDuring<T = undefined>(options: {
  host: SandboxHost
  dir: string
  agent: AgentProcess
  start: () => Promise<AgentProcess>
  token: string
  secret: string
  app: string
  tag: string
  point: KillPoint
  whileStarting?: () => Promise<T>
}): Promise<{ agent: AgentProcess; job: string; restartedAt: number; during: T }>
export function fetchText(
  url: string,
  path: string,
  headers?: Record<string, string>
): Promise<string>
export function served(url: string, headers?: Record<string, string>): Promise<string>
export function keptReleases(sandbox: SandboxDescription, host: SandboxHost, app: string): string[]
export function lockState(sandbox: SandboxDescription, host: SandboxHost, app: string): string
export function cleanFaultApps(
  sandbox: SandboxDescription,
  host: SandboxHost,
  apps: FaultApps
): void
