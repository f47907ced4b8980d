/** What `k8s-deploy` tells the user: the failure message, the job summary, the dry run. Pure. */
import { formatChange, type FieldChange } from '../../core/k8s/diff.js'
import { describeProblem } from '../../core/k8s/rollout.js'
import { code, pre, summary, table } from '../../lib/markdown.js'
import { formatDuration } from '../../lib/duration.js'
import { renderSummary as renderRollouts, type DeployReport } from '../../deploy/outcome.js'
import type { DeployOutcome, WorkloadOutcome } from '../../deploy/targets/k8s.js'
import type { K8sDeploySettings } from './settings.js'

type Row = (string | { raw: string })[]

const rev = (n: number | undefined) => (n === undefined ? '—' : String(n))

export function revisionCell(w: WorkloadOutcome): string {
  const base = `${rev(w.revisionBefore)} → ${rev(w.revisionAfter)}`
  if (!w.rollback || w.rollback.result === 'impossible') return base
  return `${base}, rolled back to the template of ${rev(w.rollback.toRevision)} (now ${rev(w.rollback.revision)})`
}

export function resultCell(w: WorkloadOutcome, rollbackOnly: boolean): string {
  if (rollbackOnly)
    return w.result === 'complete'
      ? `rolled back: ${w.message}`
      : `rollback ${w.result}: ${w.message}`
  if (w.result === 'complete') return `complete: ${w.message}`
  const why = `${w.result === 'timed-out' ? 'timed out' : 'failed'}: ${w.message}`
  if (!w.rollback) return `${why} (auto-rollback is off)`
  if (w.rollback.result === 'impossible') return `${why}; not rolled back: ${w.rollback.message}`
  return `${why}; rollback ${w.rollback.result === 'complete' ? 'complete' : `${w.rollback.result}: ${w.rollback.message}`}`
}

/** The step's failure: each failed workload, what happened to its rollback, and its pods' reasons. */
export function failureMessage(settings: K8sDeploySettings, outcome: DeployOutcome): string {
  const lines: string[] = []
  for (const w of outcome.workloads.filter((x) => x.result !== 'complete')) {
    const what = `${w.kind}/${w.name} in ${outcome.namespace}`
    if (settings.rollback) lines.push(`The rollback of ${what} did not complete: ${w.message}`)
    else {
      const verb =
        w.result === 'timed-out'
          ? `did not complete within ${formatDuration(settings.timeoutMs)} (timeout)`
          : 'failed'
      lines.push(
        `The rollout of ${what} (revision ${rev(w.revisionBefore)} → ${rev(w.revisionAfter)}) ${verb}: ${w.message}`
      )
      if (w.rollback?.result === 'complete')
        lines.push(
          `It was rolled back to the template of revision ${rev(w.rollback.toRevision)}, which is healthy again (now revision ${rev(w.rollback.revision)}).`
        )
      else if (w.rollback)
        lines.push(
          `It was NOT rolled back: ${w.rollback.result === 'impossible' ? w.rollback.message : `the rollback ${w.rollback.result}: ${w.rollback.message}`}`
        )
    }
    if (w.problems.length > 0)
      lines.push('Pods of the new revision:', ...w.problems.map((p) => `  ${describeProblem(p)}`))
    if (w.events.length > 0) lines.push('Warning events:', ...w.events.map((e) => `  ${e}`))
  }
  return lines.join('\n')
}

/** The seam's rollout table (one row per workload), then what only Kubernetes reports. */
export function renderSummary(
  settings: K8sDeploySettings,
  outcome: DeployOutcome,
  report?: DeployReport
): string {
  const title = settings.rollback
    ? `Kubernetes rollback: ${settings.app}`
    : `Kubernetes deploy: ${settings.app}`
  const head: Row[] = [
    ['Namespace', { raw: code(outcome.namespace) }],
    ['Result', outcome.result],
    ['Duration', formatDuration(outcome.durationMs)]
  ]
  if (settings.image) {
    head.push([
      'Image',
      {
        raw: `${code(settings.image.reference)}${settings.image.byDigest ? '' : ' (by tag: a digest pins it)'}`
      }
    ])
  }
  let body = table(['', ''], head)
  if (outcome.workloads.length > 0) {
    body +=
      '\n\n' +
      table(
        ['Workload', 'Revision', 'Result'],
        outcome.workloads.map((w) => [
          { raw: code(`${w.kind}/${w.name}`) },
          revisionCell(w),
          resultCell(w, settings.rollback)
        ])
      )
  }
  if (outcome.applied.length > 0) {
    body +=
      '\n\n' +
      table(
        ['Applied', 'Action'],
        outcome.applied.map((a) => [{ raw: code(a.object) }, a.action])
      )
  }
  const problems = outcome.workloads.flatMap((w) =>
    w.problems.map((p) => `${w.kind}/${w.name} ${describeProblem(p)}`)
  )
  if (problems.length > 0) body += `\n\n**Failing pods**\n\n${pre(problems.join('\n'))}`
  return (report ? renderRollouts(report) + '\n' : '') + summary(title, body)
}

export function renderDryRun(
  settings: K8sDeploySettings,
  namespace: string,
  plan: { object: string; live: boolean; changes: FieldChange[] }[]
): { log: string; summary: string } {
  const lines = [
    `Dry run (the server's own dry-run apply; nothing changed) in namespace ${namespace}:`
  ]
  const rows: Row[] = []
  for (const p of plan) {
    const what = !p.live
      ? 'would be created'
      : p.changes.length === 0
        ? 'unchanged'
        : `would change ${p.changes.length} field(s)`
    lines.push(`${p.object}: ${what}`, ...p.changes.map((c) => `  ${formatChange(c)}`))
    rows.push([{ raw: code(p.object) }, what, p.changes.map(formatChange).join('\n')])
  }
  return {
    log: lines.join('\n'),
    summary: summary(
      `Kubernetes deploy (dry run): ${settings.app}`,
      table(['Object', 'Would', 'Changes'], rows)
    )
  }
}
