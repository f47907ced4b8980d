/**
 * Action `image-push`. Push: a local image tagged and pushed under every reference in `tags`
 * (Docker CLI). Promote: an existing remote image (`source`) put under every reference in
 * `tags` through the registry API, with no pull and no daemon, its digest unchanged and checked.
 */
import { targetProblem, planPromotion } from '../../core/registry/promotion.js'
import {
  formatReference,
  parseImageReference,
  type ImageReference
} from '../../core/docker-reference.js'
import type { Credentials } from '../../core/registry/auth.js'
import { dockerCli } from '../../io/docker-cli.js'
import { credentialHelpers, lookupDockerCredentials } from '../../io/docker-config.js'
import {
  RegistryClient,
  type FoundCredentials,
  type RegistryClientOptions
} from '../../io/registry.js'
import { runAction } from '../../lib/action.js'
import { InputError } from '../../lib/errors.js'
import { InputReader } from '../../lib/inputs.js'
import { code, summary, table } from '../../lib/markdown.js'
import { githubRunner, type Runner } from '../../lib/runner.js'
import { promote } from './promote.js'
import { pushImage, type PushDeps } from './push.js'
import type { PushResult } from './result.js'

export const INPUTS = {
  image: 'image',
  source: 'source',
  tags: 'tags',
  username: 'username',
  password: 'password'
} as const

export type Login = { username: string; password: string }

export type ImagePushSettings =
  | { mode: 'push'; image: string; targets: ImageReference[]; login?: Login }
  | {
      mode: 'promote'
      source: ImageReference
      sourceText: string
      targets: ImageReference[]
      login?: Login
    }

/** A local image as `docker tag` takes it; never an option (`-…`), never whitespace. */
const LOCAL_IMAGE = /^[A-Za-z0-9][A-Za-z0-9._/:@-]*$/

export function readSettings(inputs: InputReader): ImagePushSettings {
  const image = inputs.optional(INPUTS.image)
  const sourceText = inputs.optional(INPUTS.source)
  const targets = readTargets(inputs)
  const login = readLogin(inputs)
  if (image !== undefined && sourceText !== undefined) {
    throw new InputError(
      INPUTS.source,
      sourceText,
      'no value when `image` is given (`image` pushes a local image, `source` promotes a remote one)'
    )
  }
  if (image !== undefined) {
    if (!LOCAL_IMAGE.test(image)) {
      throw new InputError(INPUTS.image, image, 'a local image such as `shop:build` or an image ID')
    }
    return { mode: 'push', image, targets, ...(login ? { login } : {}) }
  }
  if (sourceText === undefined) {
    throw new InputError(
      INPUTS.image,
      '',
      'a local image to push, or else `source`: a remote image to promote'
    )
  }
  const parsed = parseImageReference(sourceText, { foldCase: true })
  if ('error' in parsed) throw new InputError(INPUTS.source, sourceText, parsed.error)
  return {
    mode: 'promote',
    source: parsed.reference,
    sourceText,
    targets,
    ...(login ? { login } : {})
  }
}

function readTargets(inputs: InputReader): ImageReference[] {
  const texts = inputs.list(INPUTS.tags)
  if (texts.length === 0) {
    throw new InputError(
      INPUTS.tags,
      '',
      'full image references such as `ghcr.io/acme/shop:1.4.2`, one per line or comma-separated'
    )
  }
  return texts.map((text) => {
    const parsed = parseImageReference(text, { foldCase: true })
    if ('error' in parsed) throw new InputError(INPUTS.tags, text, parsed.error)
    const problem = targetProblem(parsed.reference)
    if (problem) throw new InputError(INPUTS.tags, text, problem)
    return parsed.reference
  })
}

function readLogin(inputs: InputReader): Login | undefined {
  const username = inputs.optional(INPUTS.username)
  const password = inputs.secret(INPUTS.password)
  if (username !== undefined && password === undefined) {
    throw new InputError(INPUTS.password, '', 'the password or token of `username`')
  }
  if (password !== undefined && username === undefined) {
    throw new InputError(INPUTS.username, '', 'the user name that goes with `password`')
  }
  return username !== undefined && password !== undefined ? { username, password } : undefined
}

export interface ImagePushDeps {
  runner: Runner
  /** Registry client options for promotion (tests inject a fake clock or fetch). */
  registryOptions: Partial<RegistryClientOptions>
  push: Partial<PushDeps>
}

export async function run(deps: Partial<ImagePushDeps> = {}): Promise<void> {
  const runner = deps.runner ?? githubRunner()
  await runAction(runner, async () => {
    const settings = readSettings(new InputReader(runner.getInput, runner.setSecret))
    const results: PushResult[] = []
    const onResult = (result: PushResult) => results.push(result)
    try {
      if (settings.mode === 'push') {
        const docker = dockerCli({ env: runner.env, onLine: (line) => runner.untrusted(line) })
        await pushImage(settings.image, settings.targets, settings.login, {
          runner,
          docker,
          ...deps.push,
          onResult
        })
      } else {
        const plan = planPromotion(settings.source, settings.targets)
        const clients = registryClients(settings, plan.scopes, runner, deps.registryOptions ?? {})
        await promote(plan, settings.sourceText, clients, runner, onResult)
      }
    } catch (error) {
      // What was done before the failure is still worth a record.
      if (results.length > 0) runner.appendSummary(renderSummary(settings, results, false))
      throw error
    }
    const digest = results[0]?.digest ?? ''
    runner.setOutput('digest', digest)
    runner.setOutput('pushed', results.map((r) => r.reference).join('\n'))
    runner.appendSummary(renderSummary(settings, results, true))
  })
}

/** One client per registry; credentials looked up only when a registry challenges us. */
function registryClients(
  settings: Extract<ImagePushSettings, { mode: 'promote' }>,
  scopes: Record<string, string[]>,
  runner: Runner,
  options: Partial<RegistryClientOptions>
): (registry: string) => RegistryClient {
  const targetRegistries = new Set(settings.targets.map((t) => t.registry))
  const helpers = credentialHelpers(runner.env)
  const clients = new Map<string, RegistryClient>()
  const credentialsFor = async (registry: string): Promise<FoundCredentials> => {
    // The inputs are for the registries the tags name: a source elsewhere never receives them.
    if (settings.login && targetRegistries.has(registry)) {
      return { credentials: settings.login, from: "the 'username' and 'password' inputs" }
    }
    const found = await lookupDockerCredentials(registry, runner.env, helpers)
    if (found.credentials) maskCredentials(runner, found.credentials)
    return found
  }
  return (registry) => {
    let client = clients.get(registry)
    if (!client) {
      client = new RegistryClient({
        registry,
        scopes: scopes[registry] ?? [],
        credentials: () => credentialsFor(registry),
        debug: (message) => runner.debug(message),
        onRetry: (message) => runner.untrusted(message),
        ...options
      })
      clients.set(registry, client)
    }
    return client
  }
}

function maskCredentials(runner: Runner, credentials: Credentials): void {
  runner.setSecret(
    'identityToken' in credentials ? credentials.identityToken : credentials.password
  )
}

function renderSummary(
  settings: ImagePushSettings,
  results: PushResult[],
  complete: boolean
): string {
  const source =
    settings.mode === 'push'
      ? `Pushed local image ${code(settings.image)}`
      : `Promoted ${code(formatReference(settings.source))} without pulling it`
  const rows = results.map((r) => [{ raw: code(r.reference) }, { raw: code(r.digest) }, r.outcome])
  const platforms = results.find((r) => r.platforms?.length)?.platforms
  return summary(
    settings.mode === 'push' ? 'Image push' : 'Image promotion',
    `${source}${complete ? '' : ' (stopped by an error)'}.\n\n` +
      table(['Reference', 'Digest', 'Result'], rows) +
      (platforms ? `\n\nPlatforms: ${platforms.map(code).join(', ')}` : '')
  )
}
