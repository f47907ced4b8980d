// Types for run-action.js (the runner-contract harness), shared with the plain-JS story and demo.
import { parseAnnotations, parseFileCommands, type Annotation } from './file-commands.js'
export { parseAnnotations, parseFileCommands, type Annotation }
export declare const ROOT: string
/** The Node versions every e2e case runs under: this machine's and the runner's. */
export declare const NODES: {
  name: string
  path: string
}[]
export type Event =
  | {
      kind: 'push'
      branch: string
    }
  | {
      kind: 'tag'
      tag: string
    }
  | {
      kind: 'pull_request'
      number: number
      head: string
      base: string
    }
  | {
      kind: 'workflow_dispatch'
      branch: string
      inputs?: Record<string, string>
    }
  | {
      /** Any event: its GITHUB_* variables (GITHUB_EVENT_NAME, GITHUB_REF, ...) and payload. */
      kind: 'raw'
      env: Record<string, string>
      payload?: unknown
    }
export interface CircleCi {
  branch?: string
  tag?: string
  buildNum?: string
  sha?: string
  repo?: string
  owner?: string
  username?: string
}
export interface RunOptions {
  inputs?: Record<string, string>
  /** GitHub event (default: push to main). Ignored when `circleci` is given. */
  event?: Event
  circleci?: CircleCi
  /** GitHub context values. */
  runNumber?: string
  sha?: string
  repository?: string
  actor?: string
  env?: Record<string, string>
  /** STATE_* values, as the runner passes them to a post step. */
  state?: Record<string, string>
  cwd?: string
  node?: string
  /** `post` runs the action.yml's `post:` entry. */
  entry?: 'main' | 'post'
  timeoutMs?: number
}
export interface RunResult {
  exitCode: number | null
  outputs: Record<string, string>
  state: Record<string, string>
  exportedEnv: Record<string, string>
  summary: string
  stdout: string
  stderr: string
  annotations: Annotation[]
}
interface ActionYml {
  inputs?: Record<
    string,
    {
      default?: string
      required?: boolean
    }
  >
  outputs?: Record<string, unknown>
  runs: {
    main: string
    post?: string
  }
}
export declare function readActionYml(action: string): ActionYml
/** Lines of stdout/stderr that contain a secret, except the runner's own `::add-mask::` lines. */
export declare function secretLeaks(
  result: Pick<RunResult, 'stdout' | 'stderr'>,
  secrets: string[]
): string[]
export declare function runAction(action: string, options?: RunOptions): Promise<RunResult>
