/**
 * One rollout outcome per host (or per service), for every target, and everything the user is
 * told built from it: the step's outputs, the job summary, the error annotations, the final
 * verdict and the facts a notification carries.
 */
import { code, summary, table } from '../lib/markdown.js'

/** `started`: the rollout was started and not waited for (ECS with wait-for-service-stability: false). */
export type RolloutStatus = 'deployed' | 'rolled-back' | 'failed' | 'skipped' | 'started'

export interface RolloutOutcome {
  /** Where it ran: `deploy@10.0.0.5`, `prod/api`. */
  unit: string
  status: RolloutStatus
  /** The version running before, and after (after a rollback: the one running again). */
  before?: string
  after?: string
  /** The version tried, when it was rolled back. */
  attempted?: string
  durationMs: number
  message?: string
  /** Markdown under the summary table: what only this target knows. */
  details?: string
}

/** A whole deploy: every unit's outcome and the words that say what was deployed where. */
export interface DeployReport {
  /** `ssh-deploy`: the annotations' prefix. */
  action: string
  app: string
  /** `1.4.0`, or `rollback to previous`. */
  what: string
  /** The version asked for (empty for a rollback). */
  version: string
  rollbackTo?: string
  /** What the deploy is, beyond the app: `stack shop`. */
  scope?: string
  rolledBackBy: string
  outcomes: RolloutOutcome[]
}

const failed = (o: RolloutOutcome) => o.status === 'failed' || o.status === 'rolled-back'

/**
 * The version the units run now: the one asked for (for a rollback, where it went) once a unit
 * runs it. When none does, what they all run again (a rollback's `after`), or empty when that is
 * unknown or differs: a failed deploy never names the version it failed to deploy.
 */
function versionNow(report: DeployReport): string {
  const ok = report.outcomes.filter((o) => o.status === 'deployed')
  if (ok.length) return report.rollbackTo ? (ok[0]?.after ?? '') : report.version
  const after = new Set(report.outcomes.map((o) => o.after))
  const [only] = after
  return after.size === 1 && only !== undefined ? only : ''
}

/** The outputs every host target sets (ssh-deploy's). */
export function hostOutputs(report: DeployReport): Record<string, string> {
  const ok = report.outcomes.filter((o) => o.status === 'deployed')
  const bad = report.outcomes.filter((o) => o.status !== 'deployed')
  return {
    version: versionNow(report),
    'previous-version': report.outcomes.find((o) => o.before)?.before ?? '',
    'hosts-succeeded': JSON.stringify(ok.map((o) => o.unit)),
    'hosts-failed': JSON.stringify(bad.map((o) => o.unit)),
    'rolled-back': String(report.outcomes.some((o) => o.status === 'rolled-back'))
  }
}

export function renderSummary(report: DeployReport): string {
  const rows = report.outcomes.map((o) => [
    { raw: code(o.unit) },
    o.attempted
      ? `${o.before ?? '—'} → ${o.attempted} ↩ ${o.after ?? '—'}`
      : `${o.before ?? '—'} → ${o.after ?? '—'}`,
    `${(o.durationMs / 1000).toFixed(1)} s`,
    o.status === 'rolled-back' ? 'rolled back' : o.status,
    o.message ?? ''
  ])
  const details = report.outcomes
    .map((o) => o.details)
    .filter(Boolean)
    .join('')
  return summary(
    `Deploy ${report.app}`,
    table(['Host', 'Version', 'Duration', 'Result', 'Details'], rows) + details
  )
}

/** One error annotation per unit that failed or was rolled back. */
export function failureAnnotations(report: DeployReport): { message: string; title: string }[] {
  const how =
    report.rolledBackBy === 'Gantry' ? 'rolled back' : `rolled back by ${report.rolledBackBy}`
  return report.outcomes.filter(failed).map((o) => ({
    message: `${o.unit}: ${o.message ?? o.status}`,
    title: `${report.action}: ${report.scope ? `${report.scope} on ` : ''}${o.unit} ${o.status === 'rolled-back' ? how : 'failed'}`
  }))
}

/** The step's last word: what failed (the step fails), or what was deployed. */
export function verdict(report: DeployReport): { failed: string } | { ok: string } {
  const { outcomes, scope } = report
  const bad = outcomes.filter((o) => o.status !== 'deployed')
  const rolledBack = outcomes.some((o) => o.status === 'rolled-back')
  if (bad.length && scope) {
    const did = report.rollbackTo ? `roll back to ${report.rollbackTo}` : `deploy ${report.version}`
    const by = rolledBack ? `: ${report.rolledBackBy} rolled it back` : ''
    return { failed: `${capitalize(scope)} did not ${did}${by}.` }
  }
  if (bad.length)
    return {
      failed: `${bad.length} of ${outcomes.length} host(s) did not deploy ${report.what}${rolledBack ? ' (rolled back)' : ''}.`
    }
  const now = versionNow(report)
  return {
    ok: scope
      ? `Deployed ${now || 'the previous spec'} as ${scope}.`
      : `Deployed ${now} to ${outcomes.length} host(s).`
  }
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
