/**
 * Action `ecr-login`: an ECR authorization token (the standard AWS credential chain), Docker
 * logged in with it (`docker login --password-stdin`, or the Docker config written directly
 * where no Docker CLI exists), optionally the repositories created, and a post step that logs
 * out again. Outputs as amazon-ecr-login users know them.
 */
import { resolveRegion } from '../../core/aws-region.js'
import { isAccountId, isRepositoryName, outputSuffix } from '../../core/registry/ecr.js'
import { DockerCliError, dockerCli, type DockerCli } from '../../io/docker-cli.js'
import {
  credentialHelpers,
  storeDockerCredentials,
  type CredentialHelpers
} from '../../io/docker-config.js'
import { ecrApi, type EcrApi, type EcrAuthorization } from '../../io/ecr.js'
import { runAction } from '../../lib/action.js'
import { ConfigurationError, InputError } from '../../lib/errors.js'
import { InputReader } from '../../lib/inputs.js'
import { code, summary, table } from '../../lib/markdown.js'
import { githubRunner, type Runner } from '../../lib/runner.js'
import { STATE, type LogoutVia } from './state.js'

export const INPUTS = {
  registries: 'registries',
  region: 'region',
  maskPassword: 'mask-password',
  skipLogout: 'skip-logout',
  createRepository: 'create-repository',
  repositories: 'repositories',
  scanOnPush: 'scan-on-push',
  imageTagMutability: 'image-tag-mutability',
  expireUntaggedDays: 'expire-untagged-days'
} as const

export interface RepositorySettings {
  names: string[]
  scanOnPush: boolean
  tagMutability: 'MUTABLE' | 'IMMUTABLE'
  expireUntaggedDays: number
}

export interface EcrLoginSettings {
  registryIds: string[]
  region: string
  maskPassword: boolean
  skipLogout: boolean
  /** Set when `create-repository: true`. */
  repositories?: RepositorySettings
}

type Env = Readonly<Record<string, string | undefined>>

export function readSettings(inputs: InputReader, env: Env): EcrLoginSettings {
  const registryIds = inputs.list(INPUTS.registries)
  for (const id of registryIds) {
    if (!isAccountId(id)) {
      throw new InputError(
        INPUTS.registries,
        id,
        'AWS account IDs of 12 digits, comma-separated (quote an ID that starts with 0)'
      )
    }
  }
  const region = resolveRegion(INPUTS.region, inputs.optional(INPUTS.region), env)
  const create = inputs.boolean(INPUTS.createRepository, false)
  const names = inputs.list(INPUTS.repositories)
  for (const name of names) {
    if (!isRepositoryName(name)) {
      throw new InputError(
        INPUTS.repositories,
        name,
        'ECR repository names such as `shop/api` (lowercase letters, digits, `.`, `_`, `-`, `/`)'
      )
    }
  }
  if (create && names.length === 0) {
    throw new InputError(
      INPUTS.repositories,
      '',
      'the repositories to create when `create-repository` is `true`'
    )
  }
  if (!create && names.length > 0) {
    throw new InputError(
      INPUTS.createRepository,
      'false',
      '`true` when `repositories` is given (they are only used to create missing repositories)'
    )
  }
  const repositorySettings = {
    scanOnPush: inputs.boolean(INPUTS.scanOnPush, true),
    tagMutability: inputs.choice(
      INPUTS.imageTagMutability,
      ['MUTABLE', 'IMMUTABLE'] as const,
      'MUTABLE'
    ),
    expireUntaggedDays: inputs.integer(INPUTS.expireUntaggedDays, { min: 0, max: 3650 }) ?? 14
  }
  return {
    registryIds,
    region,
    maskPassword: inputs.boolean(INPUTS.maskPassword, true),
    skipLogout: inputs.boolean(INPUTS.skipLogout, false),
    ...(create ? { repositories: { names, ...repositorySettings } } : {})
  }
}

export interface EcrLoginDeps {
  runner: Runner
  ecr: (region: string, runner: Runner) => EcrApi
  docker: DockerCli
  helpers: CredentialHelpers
}

const defaultEcr = (region: string, runner: Runner) =>
  ecrApi({ region, onRetry: (message) => runner.untrusted(message) })

export async function run(deps: Partial<EcrLoginDeps> = {}): Promise<void> {
  const runner = deps.runner ?? githubRunner()
  await runAction(runner, async () => {
    const settings = readSettings(new InputReader(runner.getInput, runner.setSecret), runner.env)
    const ecr = (deps.ecr ?? defaultEcr)(settings.region, runner)
    const logins = await ecr.getAuthorizationTokens(settings.registryIds)
    // Masked before anything else happens; unmasked only when the user passes them on.
    if (settings.maskPassword) logins.forEach((login) => runner.setSecret(login.password))

    const created = settings.repositories
      ? await createRepositories(ecr, settings.repositories, settings.registryIds[0], runner)
      : []
    const docker = deps.docker ?? dockerCli({ env: runner.env })
    const via: LogoutVia = docker.available() ? 'docker' : 'config'
    const helpers = deps.helpers ?? credentialHelpers(runner.env)
    if (!settings.skipLogout) {
      runner.saveState(STATE.logoutVia, via)
      runner.saveState(STATE.dockerConfig, runner.env.DOCKER_CONFIG ?? '')
    }
    const loggedIn: string[] = []
    for (const login of logins) {
      const where = await logIn(login, via, docker, helpers, runner.env)
      loggedIn.push(login.registry)
      if (!settings.skipLogout) runner.saveState(STATE.registries, JSON.stringify(loggedIn))
      runner.info(`Logged in to ${login.registry} (${where})${expiry(login)}`)
    }

    const first = logins[0] as EcrAuthorization
    runner.setOutput('registry', first.registry)
    setCredentialOutputs(runner, logins)
    runner.appendSummary(renderSummary(logins, via, created, settings))
  })
}

async function createRepositories(
  ecr: EcrApi,
  repositories: RepositorySettings,
  registryId: string | undefined,
  runner: Runner
): Promise<{ name: string; outcome: 'created' | 'exists' }[]> {
  const results = []
  for (const name of repositories.names) {
    const outcome = await ecr.ensureRepository(name, { ...repositories, registryId })
    runner.info(
      outcome === 'created'
        ? `Created repository ${name} (scan on push: ${repositories.scanOnPush}, tags ${repositories.tagMutability.toLowerCase()}${repositories.expireUntaggedDays ? `, untagged images expire after ${repositories.expireUntaggedDays} days` : ''})`
        : `Repository ${name} exists; left as it is`
    )
    results.push({ name, outcome })
  }
  return results
}

async function logIn(
  login: EcrAuthorization,
  via: LogoutVia,
  docker: DockerCli,
  helpers: CredentialHelpers,
  env: Env
): Promise<string> {
  if (via === 'config') {
    return storeDockerCredentials(login.registry, login.username, login.password, env, helpers)
  }
  try {
    await docker.login(login.registry, login.username, login.password)
    return 'docker login'
  } catch (error) {
    if (error instanceof DockerCliError) {
      throw new ConfigurationError(`Could not log Docker in to ${login.registry}: ${error.message}`)
    }
    throw error
  }
}

/**
 * The credentials as outputs, as amazon-ecr-login gives them: masked (usable by later steps of
 * this job, e.g. ssh-deploy's registry-password) unless `mask-password: false`, which lets
 * another job's `services`/`container` credentials use them (masked values cannot cross jobs).
 * Both the plain names and amazon-ecr-login's per-registry names, so its workflows work unchanged.
 */
function setCredentialOutputs(runner: Runner, logins: EcrAuthorization[]): void {
  const first = logins[0] as EcrAuthorization
  runner.setOutput('docker-username', first.username)
  runner.setOutput('docker-password', first.password)
  for (const login of logins) {
    const suffix = outputSuffix(login.registry)
    runner.setOutput(`docker_username_${suffix}`, login.username)
    runner.setOutput(`docker_password_${suffix}`, login.password)
  }
}

function expiry(login: EcrAuthorization): string {
  return login.expiresAt ? `; the token expires at ${login.expiresAt.toISOString()}` : ''
}

function renderSummary(
  logins: EcrAuthorization[],
  via: LogoutVia,
  created: { name: string; outcome: 'created' | 'exists' }[],
  settings: EcrLoginSettings
): string {
  const rows = logins.map((l) => [
    { raw: code(l.registry) },
    via === 'docker' ? 'docker login' : 'Docker config',
    l.expiresAt?.toISOString() ?? '—'
  ])
  let body = table(['Registry', 'Logged in with', 'Token expires'], rows)
  if (created.length > 0) {
    body +=
      '\n\n' +
      table(
        ['Repository', 'Result'],
        created.map((r) => [
          { raw: code(r.name) },
          r.outcome === 'created' ? 'created' : 'exists, unchanged'
        ])
      )
  }
  body += settings.skipLogout ? '\n\nLogout skipped (`skip-logout: true`).' : ''
  return summary('Amazon ECR login', body)
}
