/** The approval's registry look-ups: a manifest HEAD, with the inputs' or the Docker config's credentials. */
import type { ImageReference } from '../../core/docker-reference.js'
import type { DigestOf } from './main.js'

export function registryDigest(
  env: Readonly<Record<string, string | undefined>>,
  login: { username: string; password: string } | undefined
): DigestOf {
  return async (image: ImageReference, tag: string) => {
    const { RegistryClient } = await import('../../io/registry.js')
    const { lookupDockerCredentials } = await import('../../io/docker-config.js')
    const client = new RegistryClient({
      registry: image.registry,
      credentials: async () =>
        login
          ? { credentials: login, from: "the 'registry-username' and 'registry-password' inputs" }
          : lookupDockerCredentials(image.registry, env)
    })
    return (await client.headManifest(image.repository, tag))?.digest
  }
}
