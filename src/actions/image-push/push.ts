/**
 * Push mode: the local image tagged and pushed under each reference with the Docker CLI. With
 * `username`/`password`, Docker logs in inside a throwaway config directory (a copy of the
 * user's), so no credential outlives the step and the user's own login is never touched.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isImmutableTagRefusal } from '../../core/registry/ecr.js'
import { formatReference, type ImageReference } from '../../core/docker-reference.js'
import { DockerCliError, dockerCli, type DockerCli } from '../../io/docker-cli.js'
import { dockerConfigDir, readDockerConfig, writeDockerConfig } from '../../io/docker-config.js'
import { ConfigurationError, InputError } from '../../lib/errors.js'
import type { Runner } from '../../lib/runner.js'
import type { OnResult } from './result.js'

export interface PushDeps {
  runner: Runner
  docker: DockerCli
  onResult: OnResult
}

export async function pushImage(
  image: string,
  targets: ImageReference[],
  login: { username: string; password: string } | undefined,
  deps: PushDeps
): Promise<void> {
  if ((await deps.docker.imageId(image)) === undefined) {
    const engine = deps.runner.env.DOCKER_HOST ?? 'the default Docker engine'
    throw new InputError(
      'image',
      image,
      `an image that exists locally; ${engine} has none by that name`
    )
  }
  if (!login) return pushAll(image, targets, deps.docker, deps)
  const configDir = await mkdtemp(
    join(deps.runner.env.RUNNER_TEMP || tmpdir(), 'gantry-docker-config-')
  )
  try {
    const docker = await loggedInDocker(configDir, targets, login, deps.runner)
    await pushAll(image, targets, docker, deps)
  } finally {
    await rm(configDir, { recursive: true, force: true })
  }
}

async function pushAll(
  image: string,
  targets: ImageReference[],
  docker: DockerCli,
  deps: PushDeps
): Promise<void> {
  let first: string | undefined
  for (const target of targets) {
    const reference = formatReference(target)
    await deps.runner.group(`docker push ${reference}`, async () => {
      await docker.tag(image, reference)
      const { digest } = await pushOne(docker, reference, target)
      if (!digest) throw new ConfigurationError(`docker push ${reference} printed no digest.`)
      if (first !== undefined && digest !== first) {
        deps.runner.warning(`${reference} got digest ${digest}, the first push got ${first}.`)
      }
      first ??= digest
      deps.onResult({ reference, digest, outcome: 'pushed' })
    })
  }
}

async function pushOne(
  docker: DockerCli,
  reference: string,
  target: ImageReference
): Promise<{ digest: string | undefined }> {
  try {
    return await docker.push(reference)
  } catch (error) {
    if (!(error instanceof DockerCliError)) throw error
    const immutable = isImmutableTagRefusal(400, [{ message: error.stderr }])
    throw new ConfigurationError(
      immutable
        ? `Cannot push ${reference}: the tag '${target.tag}' already exists in ${target.repository} and ${target.registry} keeps tags immutable. Push under a tag that does not exist yet.`
        : `Could not push ${reference}: ${error.message}`
    )
  }
}

/** A copy of the user's config in which Docker logs in; helpers for those registries dropped. */
async function loggedInDocker(
  configDir: string,
  targets: ImageReference[],
  login: { username: string; password: string },
  runner: Runner
): Promise<DockerCli> {
  const registries = [...new Set(targets.map((t) => t.registry))]
  const { config } = await readDockerConfig(dockerConfigDir(runner.env))
  const credHelpers = Object.fromEntries(
    Object.entries(config.credHelpers ?? {}).filter(([host]) => !registries.includes(host))
  )
  const copy = { ...config, credHelpers }
  delete copy.credsStore // the login below must land in this file, not in a shared store
  await writeDockerConfig(configDir, copy)
  const docker = dockerCli({ env: runner.env, configDir, onLine: (line) => runner.untrusted(line) })
  for (const registry of registries) {
    try {
      await docker.login(registry, login.username, login.password)
    } catch (error) {
      if (error instanceof DockerCliError) {
        throw new ConfigurationError(
          `Could not log in to ${registry} with the 'username' and 'password' inputs: ${error.message}`
        )
      }
      throw error
    }
  }
  return docker
}
