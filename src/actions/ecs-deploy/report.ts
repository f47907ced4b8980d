/** What `ecs-deploy` tells the user: the failure message, the job summary, the dry run. */
import { revisionName } from '../../core/ecs/rollout.js'
import type { StableRecord } from '../../core/ecs/stable-record.js'
import {
  containerImages,
  redactEnvironment,
  type TaskDefinitionInput
} from '../../core/ecs/task-definition.js'
import { formatDuration } from '../../lib/duration.js'
import { code, pre, summary, table } from '../../lib/markdown.js'
import type { DeployOutcome } from '../../deploy/targets/ecs.js'
import type { EcsDeploySettings } from './settings.js'

type Row = (string | { raw: string })[]

const where = (settings: EcsDeploySettings) => `${settings.cluster}/${settings.service}`

/** The headline of a failed or timed-out rollout. */
export function headline(settings: EcsDeploySettings, outcome: DeployOutcome): string {
  const what = `The rollout of ${revisionName(outcome.chosen.arn)} to ${where(settings)}`
  if (outcome.timedOut) {
    const breaker = outcome.circuitBreaker
      ? ''
      : ' The circuit breaker is off, so ECS keeps trying on its own.'
    return `${what} did not complete within ${settings.timeoutMs / 60_000} minutes (wait-for-minutes): still IN_PROGRESS, ${outcome.reason}.${breaker}`
  }
  if (outcome.rolledBack) {
    return `${what} FAILED and ECS rolled the service back to ${revisionName(outcome.serviceRunsAfter)}: ${outcome.reason}`
  }
  return `${what} FAILED: ${outcome.reason}`
}

/** The headline, then why the tasks stopped and what the service said. */
export function failureMessage(settings: EcsDeploySettings, outcome: DeployOutcome): string {
  const lines = [headline(settings, outcome)]
  if (outcome.stopped.length > 0) {
    lines.push(`Stopped tasks of ${revisionName(outcome.chosen.arn)}:`)
    for (const g of outcome.stopped) lines.push(`  ${g.count}× ${g.reason} (task ${g.example})`)
  } else if (outcome.stoppedError) {
    lines.push(`(The stopped tasks could not be listed: ${outcome.stoppedError})`)
  }
  if (outcome.events.length > 0) {
    lines.push('Service events:', ...outcome.events.map((e) => `  ${e}`))
  }
  return lines.join('\n')
}

function rolloutCell(settings: EcsDeploySettings, outcome: DeployOutcome): string {
  if (!outcome.waited) return 'IN_PROGRESS (not waited for: wait-for-service-stability is false)'
  if (outcome.timedOut) {
    return `IN_PROGRESS after ${settings.timeoutMs / 60_000} minutes (timed out): ${outcome.reason}`
  }
  if (outcome.state === 'COMPLETED') return 'COMPLETED'
  const back = outcome.rolledBack
    ? ` — rolled back by ECS to ${revisionName(outcome.serviceRunsAfter)}`
    : ''
  return `FAILED${back}: ${outcome.reason}`
}

function recordCell(outcome: DeployOutcome): Row[1] {
  const { written, error } = outcome.record
  if (error) return `not recorded: ${error}`
  if (written) return { raw: describeRecord(written) }
  return outcome.waited
    ? 'unchanged (only completed rollouts are recorded)'
    : 'unchanged (the rollout was not waited for)'
}

function describeRecord(record: StableRecord): string {
  const previous = record.previous ? `; before it: ${code(revisionName(record.previous))}` : ''
  return `last stable: ${code(revisionName(record.last))}${previous}`
}

export function renderSummary(settings: EcsDeploySettings, outcome: DeployOutcome): string {
  const { chosen } = outcome
  const rows: Row[] = [
    ['Cluster / service', { raw: code(where(settings)) }],
    [
      'Task definition',
      { raw: `${code(revisionName(outcome.before))} → ${code(revisionName(chosen.arn))}` }
    ],
    ['Source', chosen.how]
  ]
  if (chosen.image) {
    rows.push([
      { raw: `Image (${code(chosen.image.container)})` },
      { raw: `${code(chosen.image.before ?? 'none')} → ${code(chosen.image.after)}` }
    ])
  }
  rows.push(
    ['Deployment', { raw: code(outcome.deploymentId ?? '') }],
    ['Rollout', rolloutCell(settings, outcome)],
    ['Duration', formatDuration(outcome.durationMs)],
    ['Stable revision record', recordCell(outcome)]
  )
  let body = table(['', ''], rows)
  if (outcome.stopped.length > 0) {
    body +=
      `\n\n**Stopped tasks of ${code(revisionName(chosen.arn))}**\n\n` +
      table(
        ['Tasks', 'Reason', 'Example task'],
        outcome.stopped.map((g) => [String(g.count), g.reason, { raw: code(g.example) }])
      )
  }
  if (outcome.events.length > 0)
    body += `\n\n**Service events**\n\n${pre(outcome.events.join('\n'))}`
  return summary(`ECS deploy: ${where(settings)}`, body)
}

/** The dry run: what would be registered and deployed; nothing is sent to AWS. */
export function renderDryRun(settings: EcsDeploySettings): { log: string; summary: string } {
  const source = settings.source
  const rows: Row[] = [
    ['Cluster / service', { raw: code(where(settings)) }],
    ['Region', settings.region]
  ]
  let log = `Dry run: nothing is sent to AWS. Service ${where(settings)} in ${settings.region}.`
  let definition: TaskDefinitionInput | undefined
  if (source.kind === 'file') {
    definition = source.rendered?.definition ?? source.prepared.definition
    rows.push(['Would register', { raw: `${code(definition.family)} from ${code(source.path)}` }])
  } else if (source.kind === 'current') {
    rows.push([
      'Would register',
      settings.image
        ? "the service's current task definition with the new image"
        : 'nothing: the current task definition, restarted'
    ])
  } else {
    rows.push(['Would deploy', 'the recorded stable revision (rollback-to: previous)'])
  }
  if (settings.image) {
    rows.push([
      { raw: `Image (${code(settings.image.container ?? 'the only container')})` },
      { raw: code(settings.image.reference) }
    ])
  }
  rows.push([
    'Then',
    settings.wait ? `wait up to ${settings.timeoutMs / 60_000} minutes for the rollout` : 'not wait'
  ])
  if (definition) {
    const images = Object.entries(containerImages(definition))
      .map(([name, image]) => `${name}=${image}`)
      .join(', ')
    log += `\nWould register family ${definition.family} (${images}; environment values not shown):\n${JSON.stringify(redactEnvironment(definition), null, 2)}`
  }
  return {
    log,
    summary: summary(`ECS deploy (dry run): ${where(settings)}`, table(['', ''], rows))
  }
}
