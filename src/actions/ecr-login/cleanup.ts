/**
 * The post step of `ecr-login`: logs out of exactly the registries the main step logged in to,
 * the way it logged in (docker logout, or the Docker config entry removed), as its saved state
 * says. No state (skip-logout, or a main step that failed before logging in): nothing to do.
 */
import { dockerCli, type DockerCli } from '../../io/docker-cli.js'
import {
  credentialHelpers,
  eraseDockerCredentials,
  type CredentialHelpers
} from '../../io/docker-config.js'
import { runAction } from '../../lib/action.js'
import { ConfigurationError, errorMessage } from '../../lib/errors.js'
import { githubRunner, type Runner } from '../../lib/runner.js'
import { STATE, parseRegistriesState } from './state.js'

export interface EcrLogoutDeps {
  runner: Runner
  docker: DockerCli
  helpers: CredentialHelpers
}

export async function runPost(deps: Partial<EcrLogoutDeps> = {}): Promise<void> {
  const runner = deps.runner ?? githubRunner()
  await runAction(runner, async () => {
    const registries = parseRegistriesState(runner.getState(STATE.registries))
    if (registries.length === 0) {
      runner.info('No registry to log out of.')
      return
    }
    const dockerConfig = runner.getState(STATE.dockerConfig)
    const env = { ...runner.env, DOCKER_CONFIG: dockerConfig || runner.env.DOCKER_CONFIG }
    if (!env.DOCKER_CONFIG) delete env.DOCKER_CONFIG
    const viaDocker = runner.getState(STATE.logoutVia) !== 'config'
    const docker = deps.docker ?? dockerCli({ env })
    const helpers = deps.helpers ?? credentialHelpers(env)
    const failed: string[] = []
    for (const registry of registries) {
      try {
        if (viaDocker) await docker.logout(registry)
        else await eraseDockerCredentials(registry, env, helpers)
        runner.info(`Logged out of ${registry}`)
      } catch (error) {
        runner.error(`Could not log out of ${registry}: ${errorMessage(error)}`)
        failed.push(registry)
      }
    }
    if (failed.length > 0) throw new ConfigurationError(`Failed to log out of ${failed.join(', ')}`)
  })
}
