/**
 * `target:` → its implementation. Adding a target is one entry here (see ../target.ts for the
 * rest); the input's allowed values come from this table.
 */
import type { HostState } from '../../core/deploy/releases.js'
import type { HostTarget } from '../target.js'
import { blueGreenTarget, type BlueGreenOptions } from './blue-green.js'
import { composeTarget } from './compose.js'
import { gitTarget, type GitTargetOptions } from './git.js'
import { swarmTarget } from './swarm.js'

/** What a target's factory may read: the validated settings of the action. */
export interface TargetOptions {
  app: string
  /** `target: swarm`: the stack name. */
  stack?: string
  /** `target: git`: the repository, the commit (resolved), build, restart, linked files. */
  git?: GitTargetOptions
  /** `target: compose` with `strategy: blue-green`: two slots behind the host's proxy. */
  blueGreen?: Omit<BlueGreenOptions, 'app'>
}

export const HOST_TARGETS = {
  compose: (options: TargetOptions) =>
    options.blueGreen ? blueGreenTarget({ app: options.app, ...options.blueGreen }) : composeTarget,
  swarm: (options: TargetOptions) => swarmTarget(options.stack ?? options.app),
  git: (options: TargetOptions) => {
    if (!options.git) throw new Error('target git needs its repository settings')
    return gitTarget(options.git)
  }
} satisfies Record<string, (options: TargetOptions) => HostTarget<HostState>>

export type HostTargetName = keyof typeof HOST_TARGETS

export const HOST_TARGET_NAMES = Object.keys(HOST_TARGETS) as HostTargetName[]

export function hostTarget(name: HostTargetName, options: TargetOptions): HostTarget<HostState> {
  return (HOST_TARGETS[name] as (options: TargetOptions) => HostTarget<HostState>)(options)
}
