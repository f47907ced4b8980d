// The GitFlow story, played through the real bundles against the sandbox, chaining step outputs
// as the runner would: develop → sandbox, preprod → staging, master → approval (refused, then
// accepted) → promoted without a rebuild → prod, then a broken build that rolls back. The
// end-to-end test asserts on what it returns; `npm run demo` prints it and renders a report.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFakeGitHub } from '../fixtures/github-api.js'
import { startNotifyServers } from '../fixtures/notify-servers.js'
import { onHost, servedVersion } from '../harness/hosts.js'
import { runAction } from '../harness/run-action.js'

const APP = 'shop'
const CHANNEL = '#deploys'

/**
 * @param {{ sandbox: import('../sandbox/description.js').SandboxDescription, log?: (line: string) => void }} options
 */
export async function playGitflow({ sandbox, log = () => {} }) {
  const [sandboxHost, stagingHost, prodHost] = sandbox.hosts
  if (!prodHost) throw new Error('the story needs 3 sandbox hosts')
  const hostOf = { sandbox: sandboxHost, staging: stagingHost, prod: prodHost }
  const github = await startFakeGitHub()
  const started = Date.now()
  const steps = []

  // A team's repository: the compose file and the environments file, on develop.
  const repo = mkdtempSync(join(tmpdir(), 'gantry-story-'))
  const git = (...args) =>
    execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Mona',
        GIT_AUTHOR_EMAIL: 'mona@example.com',
        GIT_COMMITTER_NAME: 'Mona',
        GIT_COMMITTER_EMAIL: 'mona@example.com'
      }
    }).trim()
  git('init', '-q', '-b', 'develop')
  copyFileSync(sandbox.composeFile, join(repo, 'docker-compose.yml'))
  mkdirSync(join(repo, '.github'))
  const hostLine = (h) => `${h.user}@${h.address}`
  writeFileSync(
    join(repo, '.github', 'gantry.yml'),
    `environments:\n  sandbox:\n    hosts: [${hostLine(sandboxHost)}]\n    url: ${sandboxHost.appUrl}\n  staging:\n    hosts: [${hostLine(stagingHost)}]\n    url: ${stagingHost.appUrl}\n  prod:\n    hosts: [${hostLine(prodHost)}]\n    url: ${prodHost.appUrl}\n`
  )
  git('add', '-A')
  git(
    'commit',
    '-q',
    '-m',
    'feat: the shop, with "quotes", <!channel> and a $(subshell) in the message'
  )
  const sha = git('rev-parse', 'HEAD')

  const image = `${sandbox.registry.url}/gantry-story/${APP}`
  const registry = { username: sandbox.registry.username, password: sandbox.registry.password }
  const dockerConfig = mkdtempSync(join(tmpdir(), 'gantry-story-docker-'))
  const runnerEnv = {
    DOCKER_HOST: sandbox.dockerHost,
    DOCKER_CONFIG: dockerConfig,
    GITHUB_API_URL: github.url
  }
  const key = readFileSync(sandbox.ssh.privateKeyPath, 'utf8')

  // Every deploy host starts empty: the apps of earlier runs would hold the port.
  for (const h of Object.values(hostOf))
    onHost(
      sandbox,
      h,
      'ids=$(docker ps -aq); [ -z "$ids" ] || docker rm -f $ids >/dev/null; rm -rf ~/gantry/shop'
    )

  async function step(stage, name, action, options) {
    const t = Date.now()
    const r = await runAction(action, {
      cwd: repo,
      sha,
      timeoutMs: 170_000,
      ...options,
      env: { ...runnerEnv, ...options.env }
    })
    const record = {
      stage,
      name,
      action,
      ms: Date.now() - t,
      exitCode: r.exitCode,
      outputs: r.outputs,
      summary: r.summary,
      annotations: r.annotations,
      stdout: r.stdout
    }
    steps.push(record)
    const error = r.annotations.find((a) => a.level === 'error')
    log(
      `  ${r.exitCode === 0 ? '✓' : '✗'} ${name.padEnd(26)} ${String(record.ms).padStart(6)} ms${error ? `  ${error.message}` : ''}`
    )
    return record
  }

  /** docker build on the runner's engine, the version passed as a build argument. */
  function build(stage, tags, version, broken) {
    const t = Date.now()
    const args = [
      'build',
      '-q',
      '--build-arg',
      `APP_VERSION=${version}`,
      ...(broken ? ['--build-arg', 'APP_HEALTH=fail'] : []),
      ...tags.flatMap((tag) => ['-t', tag]),
      join(sandbox.stateDir, 'images', 'context')
    ]
    execFileSync('docker', args, { env: { ...process.env, ...runnerEnv }, stdio: 'ignore' })
    const record = {
      stage,
      name: `docker build${broken ? ' (broken)' : ''}`,
      action: 'docker',
      ms: Date.now() - t,
      exitCode: 0,
      outputs: {},
      summary: '',
      annotations: [],
      stdout: ''
    }
    steps.push(record)
    log(
      `  ✓ ${record.name.padEnd(26)} ${String(record.ms).padStart(6)} ms  --build-arg APP_VERSION=${version}`
    )
  }

  const slack = { token: sandbox.slack.token, channel: CHANNEL, 'api-url': sandbox.slack.apiUrl }

  /** A push: one Slack message, version, environment, build, push, deploy, record, update. */
  async function pipeline(stage, branch, runNumber, { broken = false } = {}) {
    log(`▶ ${stage}: push to ${branch} (run #${runNumber})`)
    const ctx = { event: { kind: 'push', branch }, runNumber, actor: 'mona' }
    const start = await step(stage, 'slack: started', 'slack-notify', {
      ...ctx,
      inputs: { ...slack, status: 'started' }
    })
    const version = await step(stage, 'version', 'version', { ...ctx, inputs: { images: image } })
    const env = await step(stage, 'environment', 'environment', { ...ctx })
    build(stage, version.outputs.tags.split('\n'), version.outputs.version, broken)
    const push = await step(stage, 'image-push', 'image-push', {
      ...ctx,
      inputs: {
        image: `${image}:${version.outputs.version}`,
        tags: version.outputs.tags,
        ...registry
      }
    })
    const environment = env.outputs.environment
    const record = await step(stage, 'deployment: start', 'deployment', {
      ...ctx,
      inputs: {
        environment,
        version: version.outputs.version,
        digest: push.outputs.digest,
        'github-token': github.token,
        'environment-url': env.outputs.url
      }
    })
    const deploy = await step(stage, `ssh-deploy → ${environment}`, 'ssh-deploy', {
      ...ctx,
      inputs: {
        hosts: env.outputs.hosts,
        key,
        'known-hosts': hostOf[environment].knownHosts,
        app: APP,
        version: version.outputs.version,
        env: `IMAGE=${image}:${version.outputs.version}`,
        registry: sandbox.registry.url,
        'registry-username': registry.username,
        'registry-password': registry.password,
        'health-timeout': '30s'
      }
    })
    const ok = deploy.exitCode === 0
    await step(stage, 'deployment: finish', 'deployment', {
      ...ctx,
      inputs: {
        environment,
        state: ok ? 'success' : 'failure',
        'deployment-id': record.outputs['deployment-id'],
        'github-token': github.token
      }
    })
    const status = ok
      ? 'deployed'
      : deploy.outputs['rolled-back'] === 'true'
        ? 'rolled-back'
        : 'failed'
    await step(stage, `slack: ${status}`, 'slack-notify', {
      ...ctx,
      inputs: {
        ...slack,
        status,
        'update-ts': start.outputs.ts,
        version: version.outputs.version,
        environment,
        url: env.outputs.url
      }
    })
    return {
      version: version.outputs.version,
      digest: push.outputs.digest,
      environment,
      deploy,
      slackTs: start.outputs.ts
    }
  }

  const develop = await pipeline('develop → sandbox', 'develop', '101')
  const preprod = await pipeline('preprod → staging', 'preprod', '102')

  log(`▶ master → prod: release ${preprod.version} (workflow_dispatch)`)
  const release = {
    event: { kind: 'workflow_dispatch', branch: 'master', inputs: { version: preprod.version } },
    runNumber: '103'
  }
  const approval = {
    approvers: 'mona, hubot',
    version: preprod.version,
    environment: 'prod',
    image,
    'require-stage': 'staging',
    'stage-tag': 'preprod',
    ...Object.fromEntries(Object.entries(registry).map(([k, v]) => [`registry-${k}`, v]))
  }
  const refused = await step('master → prod', 'approval (eve)', 'approval', {
    ...release,
    actor: 'eve',
    inputs: approval
  })
  const approved = await step('master → prod', 'approval (mona)', 'approval', {
    ...release,
    actor: 'mona',
    inputs: approval
  })
  const start = await step('master → prod', 'slack: started', 'slack-notify', {
    ...release,
    actor: 'mona',
    inputs: {
      ...slack,
      status: 'started',
      version: preprod.version,
      environment: 'prod',
      text: `Approved by ${approved.outputs['approved-by']}`
    }
  })
  const record = await step('master → prod', 'deployment: start', 'deployment', {
    ...release,
    actor: 'mona',
    inputs: {
      environment: 'prod',
      version: preprod.version,
      digest: approved.outputs.digest,
      'approved-by': approved.outputs['approved-by'],
      'github-token': github.token,
      'environment-url': prodHost.appUrl
    }
  })
  const promote = await step('master → prod', 'image-push: promote', 'image-push', {
    ...release,
    actor: 'mona',
    inputs: { source: `${image}@${approved.outputs.digest}`, tags: `${image}:prod`, ...registry }
  })
  const prodDeploy = await step('master → prod', 'ssh-deploy → prod', 'ssh-deploy', {
    ...release,
    actor: 'mona',
    inputs: {
      hosts: hostLine(prodHost),
      key,
      'known-hosts': prodHost.knownHosts,
      app: APP,
      version: preprod.version,
      env: `IMAGE=${image}@${approved.outputs.digest}`,
      registry: sandbox.registry.url,
      'registry-username': registry.username,
      'registry-password': registry.password,
      'health-timeout': '30s'
    }
  })
  await step('master → prod', 'deployment: finish', 'deployment', {
    ...release,
    actor: 'mona',
    inputs: {
      environment: 'prod',
      state: prodDeploy.exitCode === 0 ? 'success' : 'failure',
      'deployment-id': record.outputs['deployment-id'],
      'github-token': github.token
    }
  })
  await step('master → prod', 'slack: deployed', 'slack-notify', {
    ...release,
    actor: 'mona',
    inputs: {
      ...slack,
      status: prodDeploy.exitCode === 0 ? 'deployed' : 'failed',
      'update-ts': start.outputs.ts,
      version: preprod.version,
      environment: 'prod',
      url: prodHost.appUrl,
      text: `Approved by ${approved.outputs['approved-by']}`
    }
  })

  // The reference blog's owner hears of a release on the phone: a bark push (to a stand-in).
  const phone = await startNotifyServers()
  await step('master → prod', 'notify: phone (bark)', 'notify', {
    ...release,
    actor: 'mona',
    inputs: {
      urls: `bark://127.0.0.1:${phone.port}/owner-device-key`,
      status: prodDeploy.exitCode === 0 ? 'deployed' : 'failed',
      version: preprod.version,
      environment: 'prod',
      url: prodHost.appUrl
    }
  })
  const pushes = phone.of('bark').map((q) => q.body)
  await phone.close()

  const brokenRun = await pipeline('broken build → sandbox', 'develop', '104', { broken: true })

  const hosts = await Promise.all(
    Object.entries(hostOf).map(async ([environment, h]) => ({
      environment,
      host: hostLine(h),
      url: h.appUrl,
      serves: await servedVersion(h)
    }))
  )
  const messages = await (await fetch(`${sandbox.slack.controlUrl}messages`)).json()
  const deployments = github.deployments.map((d) => ({
    id: d.id,
    environment: d.environment,
    version: d.payload.version,
    approvedBy: d.payload.approvedBy,
    states: d.statuses.map((s) => s.state)
  }))
  await github.close()
  return {
    steps,
    develop,
    preprod,
    release: { refused, approved, promote, deploy: prodDeploy, slackTs: start.outputs.ts },
    broken: brokenRun,
    hosts,
    messages: messages.filter((m) =>
      [develop.slackTs, preprod.slackTs, start.outputs.ts, brokenRun.slackTs].includes(m.ts)
    ),
    deployments,
    pushes,
    ms: Date.now() - started
  }
}
