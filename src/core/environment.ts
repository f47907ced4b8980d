/**
 * Branch → environment, as GitFlow does it. The settings file and the `map` input are parsed in
 * environment-config.ts, which loads the YAML parser: kept apart so a run without them never
 * pays for it.
 */
import { matchesGlob } from './glob.js'

export interface BranchRule {
  pattern: string
  environment: string
}

export const DEFAULT_BRANCH_MAP: readonly BranchRule[] = [
  { pattern: 'develop', environment: 'sandbox' },
  { pattern: 'preprod', environment: 'staging' },
  { pattern: 'master', environment: 'prod' },
  { pattern: 'main', environment: 'prod' }
]

/** Environments that require approval unless the settings file says otherwise. */
const PRODUCTION_NAMES = new Set(['prod', 'production'])

export interface EnvironmentSettings {
  hosts?: string[]
  url?: string
  'requires-approval'?: boolean
  'compose-file'?: string
  'health-url'?: string
  'slack-channel'?: string
  vars?: Record<string, string>
}

export interface GantryConfig {
  branches?: BranchRule[]
  environments: Record<string, EnvironmentSettings>
}

export interface EnvironmentDecision {
  deploy: boolean
  environment?: string
  /** The rule that matched, for the summary. */
  rule?: BranchRule
  requiresApproval: boolean
  settings: EnvironmentSettings
  reason: string
}

export function decideEnvironment(input: {
  branch?: string
  /** Why there is no branch, when the caller knows better than "a tag or a detached commit". */
  noBranchReason?: string
  /** The `map` input's rules; else the file's `branches`; else the GitFlow default. */
  rules?: BranchRule[]
  config: GantryConfig
}): EnvironmentDecision {
  const rules = input.rules?.length
    ? input.rules
    : input.config.branches?.length
      ? input.config.branches
      : DEFAULT_BRANCH_MAP
  const none = (reason: string): EnvironmentDecision => ({
    deploy: false,
    requiresApproval: false,
    settings: {},
    reason
  })
  if (input.branch === undefined) {
    return none(
      input.noBranchReason ??
        'This build is not on a branch (a tag or a detached commit): nothing to deploy.'
    )
  }
  const branch = input.branch
  const rule = rules.find((r) => matchesGlob(r.pattern, branch))
  if (!rule) {
    return none(
      `Branch '${branch}' matches no environment (${rules.map((r) => r.pattern).join(', ')}): nothing to deploy.`
    )
  }
  const settings = input.config.environments[rule.environment] ?? {}
  const requiresApproval = settings['requires-approval'] ?? PRODUCTION_NAMES.has(rule.environment)
  return {
    deploy: true,
    environment: rule.environment,
    rule,
    requiresApproval,
    settings,
    reason: `Branch '${branch}' matches '${rule.pattern}': deploy to ${rule.environment}.`
  }
}
