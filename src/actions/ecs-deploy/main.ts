/**
 * Action `ecs-deploy`: a new task definition revision (from a file, or the service's current one
 * with a new image) registered and rolled out to an ECS service, followed by its deployment id
 * until ECS says COMPLETED or FAILED. A rollout the circuit breaker rolled back is a failure,
 * reported with the stopped tasks' reasons. Each completed rollout is recorded on the service's
 * tags, so `rollback-to: previous` goes back to the last stable revision.
 */
import { revisionName } from '../../core/ecs/rollout.js'
import { ecsApi, type EcsApi } from '../../io/ecs.js'
import { realClock, type Clock } from '../../lib/clock.js'
import { formatDuration } from '../../lib/duration.js'
import { runAction } from '../../lib/action.js'
import { ConfigurationError } from '../../lib/errors.js'
import { InputReader } from '../../lib/inputs.js'
import { githubRunner, type Runner } from '../../lib/runner.js'
import { ecsTarget, type DeployOutcome } from '../../deploy/targets/ecs.js'
import { failureMessage, renderDryRun, renderSummary } from './report.js'
import { INPUTS, readSettings, type EcsDeploySettings } from './settings.js'

export { INPUTS, readSettings }

export interface EcsDeployDeps {
  runner: Runner
  /** The ECS API for a region; the default is the AWS SDK, retrying through `clock`. */
  ecs: (region: string, runner: Runner, clock: Clock) => EcsApi
  clock: Clock
  /** How often DescribeServices is polled while the rollout is under way. */
  pollMs: number
  workspace: string
}

const defaultEcs = (region: string, runner: Runner, clock: Clock) =>
  ecsApi({ region, sleep: clock.sleep, onRetry: (message) => runner.untrusted(message) })

export async function run(deps: Partial<EcsDeployDeps> = {}): Promise<void> {
  const runner = deps.runner ?? githubRunner()
  await runAction(runner, async () => {
    const workspace = deps.workspace ?? runner.env.GITHUB_WORKSPACE ?? process.cwd()
    const inputs = new InputReader(runner.getInput, runner.setSecret)
    const settings = await readSettings(inputs, runner.env, workspace)
    noticeUntaggedImage(runner, settings)
    if (settings.dryRun) {
      const dryRun = renderDryRun(settings)
      runner.info(dryRun.log)
      runner.appendSummary(dryRun.summary)
      return
    }
    const clock = deps.clock ?? realClock
    const api = (deps.ecs ?? defaultEcs)(settings.region, runner, clock)
    const rollout = await ecsTarget.deploy({
      settings,
      ctx: { api, runner, clock, pollMs: deps.pollMs ?? 15_000 }
    })
    const outcome = rollout.ecs
    setOutputs(runner, outcome)
    runner.appendSummary(renderSummary(settings, outcome))
    if (rollout.status === 'failed' || rollout.status === 'rolled-back') {
      throw new ConfigurationError(failureMessage(settings, outcome))
    }
    runner.info(
      outcome.waited
        ? `Rollout of ${revisionName(outcome.chosen.arn)} COMPLETED in ${formatDuration(outcome.durationMs)}`
        : `Rollout of ${revisionName(outcome.chosen.arn)} started; not waiting for it (wait-for-service-stability: false)`
    )
  })
}

/** Set before a failure is reported too, so later steps (`if: failure()`) can tell what happened. */
function setOutputs(runner: Runner, outcome: DeployOutcome): void {
  runner.setOutput('task-definition-arn', outcome.chosen.arn)
  runner.setOutput('previous-task-definition-arn', outcome.before ?? '')
  runner.setOutput('deployment-id', outcome.deploymentId ?? '')
  runner.setOutput('rollout-state', outcome.state)
  runner.setOutput('rolled-back', String(outcome.rolledBack))
}

function noticeUntaggedImage(runner: Runner, settings: EcsDeploySettings): void {
  if (!settings.image?.untagged) return
  runner.notice(
    `Input '${INPUTS.image}' is ${JSON.stringify(settings.image.reference)}: without a tag or digest ECS pulls \`latest\`, and a rollback to an older revision cannot bring the older image back. Deploy a unique tag (e.g. the version) or a digest.`,
    { title: 'Image without a tag' }
  )
}
