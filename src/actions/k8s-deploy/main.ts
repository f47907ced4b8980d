/**
 * Action `k8s-deploy`: manifests applied server-side (the new image in the named containers, the
 * run recorded in annotations), every Deployment, StatefulSet and DaemonSet followed until the
 * cluster says its rollout completed; a rollout past its progress deadline or the step's timeout
 * is undone to the revision before and followed back to healthy, and the step fails with the
 * pods' reasons. One deploy per app at a time (a Lease). Credentials: a kubeconfig, or EKS.
 */
import { randomBytes } from 'node:crypto'
import { failed, resolveNamespace, withDefaultProtocols } from '../../core/k8s/manifests.js'
import {
  describeEksCluster,
  eksToken,
  k8sApi,
  type Credentials,
  type K8sApi
} from '../../io/k8s.js'
import { realClock, type Clock } from '../../lib/clock.js'
import { readCiContext } from '../../lib/context.js'
import { runAction } from '../../lib/action.js'
import { ConfigurationError, InputError } from '../../lib/errors.js'
import { InputReader } from '../../lib/inputs.js'
import { githubRunner, type Runner } from '../../lib/runner.js'
import { dryRunAll, k8sTarget, type Ctx, type DeployOutcome } from '../../deploy/targets/k8s.js'
import { failureAnnotations, type DeployReport } from '../../deploy/outcome.js'
import { failureMessage, renderDryRun, renderSummary } from './report.js'
import { INPUTS, readSettings, type K8sDeploySettings } from './settings.js'

export { INPUTS, readSettings }

export interface K8sDeployDeps {
  runner: Runner
  api: (credentials: Credentials, runner: Runner) => Promise<K8sApi>
  clock: Clock
  /** How often workloads are polled while a rollout is under way. */
  pollMs: number
  workspace: string
  /** EKS DescribeCluster (the endpoint and CA); the default is the AWS SDK. */
  describeEks: typeof describeEksCluster
}

export async function run(deps: Partial<K8sDeployDeps> = {}): Promise<void> {
  const runner = deps.runner ?? githubRunner()
  await runAction(runner, async () => {
    const workspace = deps.workspace ?? runner.env.GITHUB_WORKSPACE ?? process.cwd()
    const inputs = new InputReader(runner.getInput, runner.setSecret)
    const ci = readCiContext(runner.env)
    const settings = readSettings(inputs, runner.env, ci, workspace)
    if (settings.image && !settings.image.byDigest) {
      runner.notice(
        `Input '${INPUTS.image}' is ${JSON.stringify(settings.image.reference)}: a tag can be moved; deploy by digest (\`repo@sha256:…\`, image-push's output) so a rollback brings back exactly what ran.`,
        { title: 'Image by tag' }
      )
    }
    const credentials = await credentialsFor(settings, runner, deps)
    if (credentials.kind === 'token') runner.setSecret(credentials.token)
    const api = await (deps.api ?? ((c, r) => k8sApi(c, (m) => r.info(m))))(credentials, runner)
    const resolved = resolveNamespace(
      settings.manifests,
      settings.namespaceInput,
      api.contextNamespace
    )
    if (failed(resolved))
      throw new InputError(INPUTS.namespace, settings.namespaceInput ?? '', resolved.error)
    runner.info(`Cluster ${api.server}, namespace ${resolved.namespace} (from ${resolved.from})`)
    const ctx: Ctx = {
      api,
      runner,
      clock: deps.clock ?? realClock,
      pollMs: deps.pollMs ?? 2000,
      namespace: resolved.namespace,
      holder: holderIdentity(runner.env, ci.actor)
    }
    if (settings.dryRun) {
      const plan = await dryRunAll(ctx, settings, withDefaultProtocols(settings.manifests))
      const dry = renderDryRun(settings, resolved.namespace, plan)
      runner.info(dry.log)
      runner.appendSummary(dry.summary)
      return
    }
    const rollout = await k8sTarget.deploy({ settings, ctx })
    const outcome = rollout.k8s
    const report: DeployReport = {
      action: 'k8s-deploy',
      app: settings.app,
      what: settings.rollback ? 'rollback to previous' : (settings.version ?? 'the manifests'),
      version: settings.rollback ? '' : (settings.version ?? ''),
      ...(settings.rollback ? { rollbackTo: 'previous' } : {}),
      scope: `namespace ${outcome.namespace}`,
      rolledBackBy: 'Gantry',
      outcomes: rollout.outcomes
    }
    setOutputs(runner, settings, outcome)
    runner.appendSummary(renderSummary(settings, outcome, report))
    if (outcome.result !== 'completed') {
      for (const a of failureAnnotations(report)) runner.error(a.message, { title: a.title })
      throw new ConfigurationError(failureMessage(settings, outcome))
    }
    for (const w of outcome.workloads) {
      runner.info(
        `${w.kind}/${w.name}: revision ${w.revisionBefore ?? '—'} → ${w.revisionAfter ?? '—'}, ${settings.rollback ? 'rolled back' : 'rollout complete'}`
      )
    }
  })
}

/** The kubeconfig as given, or for EKS a fresh token (and the endpoint from DescribeCluster if not given). */
async function credentialsFor(
  settings: K8sDeploySettings,
  runner: Runner,
  deps: Partial<K8sDeployDeps>
): Promise<Credentials> {
  const access = settings.access
  if (access.kind === 'kubeconfig') {
    return {
      kind: 'kubeconfig',
      content: access.content,
      ...(access.context ? { context: access.context } : {})
    }
  }
  const endpoint =
    access.server && access.caData
      ? { server: access.server, caData: access.caData }
      : await (deps.describeEks ?? describeEksCluster)(access.cluster, access.region, {
          onRetry: (m) => runner.info(m)
        })
  if (!(access.server && access.caData))
    runner.info(`EKS cluster ${access.cluster} (${access.region}): ${endpoint.server}`)
  return { kind: 'token', ...endpoint, token: await eksToken(access.cluster, access.region) }
}

/** Who holds the Lease: repository, run and attempt, actor, and a nonce so two jobs of one run differ. */
function holderIdentity(
  env: Readonly<Record<string, string | undefined>>,
  actor: string | undefined
): string {
  const run = env.GITHUB_RUN_ID
    ? `run ${env.GITHUB_RUN_ID}/${env.GITHUB_RUN_ATTEMPT ?? '1'}`
    : env.CIRCLE_BUILD_NUM
      ? `build ${env.CIRCLE_BUILD_NUM}`
      : 'local'
  const repo = env.GITHUB_REPOSITORY ?? env.CIRCLE_PROJECT_REPONAME ?? 'gantry'
  return `${repo} ${run}${env.GITHUB_JOB ? ` job ${env.GITHUB_JOB}` : ''}${actor ? ` by ${actor}` : ''} [${randomBytes(3).toString('hex')}]`
}

/** Set before a failure is reported too, so later steps (`if: failure()`) can tell what happened. */
function setOutputs(runner: Runner, settings: K8sDeploySettings, outcome: DeployOutcome): void {
  const first = outcome.workloads[0]
  runner.setOutput('result', outcome.result)
  runner.setOutput('namespace', outcome.namespace)
  runner.setOutput(
    'revision',
    first?.rollback?.revision !== undefined
      ? String(first.rollback.revision)
      : first?.revisionAfter !== undefined
        ? String(first.revisionAfter)
        : ''
  )
  runner.setOutput(
    'previous-revision',
    first?.revisionBefore !== undefined ? String(first.revisionBefore) : ''
  )
  runner.setOutput(
    'rolled-back',
    String(settings.rollback || outcome.workloads.some((w) => w.rollback?.result === 'complete'))
  )
  runner.setOutput(
    'resources',
    JSON.stringify(
      outcome.workloads.map((w) => ({
        kind: w.kind,
        name: w.name,
        revisionBefore: w.revisionBefore ?? null,
        revisionAfter: w.rollback?.revision ?? w.revisionAfter ?? null,
        result: w.result,
        rolledBack: w.rollback?.result === 'complete'
      }))
    )
  )
}
