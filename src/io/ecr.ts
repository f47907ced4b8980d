/**
 * Amazon ECR through `@aws-sdk/client-ecr`, loaded lazily (`await import()`): an input error
 * never pays the SDK's ~1 MB. Credentials come from the SDK's standard chain (environment,
 * OIDC web identity, profiles, container/instance roles). Retries are ours, through
 * src/lib/retry.ts (the client's own are off), so throttling is handled one way and tests drive
 * it with a fake clock. Errors a user can act on become ConfigurationErrors that say what to do.
 */
import type { ECRClient, ECRClientConfig } from '@aws-sdk/client-ecr'
import {
  decodeAuthorizationToken,
  registryHost,
  untaggedExpiryPolicy
} from '../core/registry/ecr.js'
import { ConfigurationError } from '../lib/errors.js'
import { awsCall, explainAwsError, type AwsError } from './aws.js'

export interface EcrAuthorization {
  /** `123456789012.dkr.ecr.eu-west-1.amazonaws.com` */
  registry: string
  proxyEndpoint: string
  username: string
  password: string
  expiresAt?: Date
}

export interface EcrRepositorySettings {
  /** The account whose registry holds the repository; default: the caller's own. */
  registryId?: string
  scanOnPush: boolean
  tagMutability: 'MUTABLE' | 'IMMUTABLE'
  /** 0: no lifecycle policy. */
  expireUntaggedDays: number
}

export interface EcrApi {
  /** One authorization per registry ID, or the caller's own registry when none are given. */
  getAuthorizationTokens(registryIds: readonly string[]): Promise<EcrAuthorization[]>
  /** Creates the repository when it is missing; never changes an existing one. */
  ensureRepository(name: string, settings: EcrRepositorySettings): Promise<'created' | 'exists'>
}

export interface EcrOptions {
  region: string
  attempts?: number
  sleep?: (ms: number) => Promise<void>
  onRetry?: (message: string) => void
  /** Extra client configuration (tests pass a request handler or an endpoint). */
  clientConfig?: ECRClientConfig
}

type Sdk = typeof import('@aws-sdk/client-ecr')

export function ecrApi(options: EcrOptions): EcrApi {
  let connected: Promise<{ sdk: Sdk; client: ECRClient }> | undefined
  const connect = () =>
    (connected ??= import('@aws-sdk/client-ecr').then((sdk) => ({
      sdk,
      client: new sdk.ECRClient({
        region: options.region,
        maxAttempts: 1,
        customUserAgent: 'gantry-ecr-login',
        ...options.clientConfig
      })
    })))
  const attempts = options.attempts ?? 5
  const call = async <T>(
    operation: string,
    send: (sdk: Sdk, client: ECRClient) => Promise<T>
  ): Promise<T> => {
    const { sdk, client } = await connect()
    return awsCall(`ECR ${operation}`, () => send(sdk, client), {
      attempts,
      sleep: options.sleep,
      onRetry: options.onRetry
    })
  }

  return {
    async getAuthorizationTokens(registryIds) {
      const output = await call('GetAuthorizationToken', (sdk, client) =>
        client.send(
          new sdk.GetAuthorizationTokenCommand(
            registryIds.length > 0 ? { registryIds: [...registryIds] } : {}
          )
        )
      ).catch((error) => {
        throw explain('GetAuthorizationToken', error, attempts)
      })
      const data = output.authorizationData ?? []
      if (data.length === 0) {
        throw new ConfigurationError('ECR GetAuthorizationToken returned no authorization data.')
      }
      return data.map((entry) => {
        const decoded = decodeAuthorizationToken(entry.authorizationToken ?? '')
        if (!decoded || !entry.proxyEndpoint) {
          throw new Error('ECR returned an authorization token that is not base64 `user:password`')
        }
        return {
          registry: registryHost(entry.proxyEndpoint),
          proxyEndpoint: entry.proxyEndpoint,
          ...decoded,
          ...(entry.expiresAt ? { expiresAt: entry.expiresAt } : {})
        }
      })
    },

    async ensureRepository(name, settings) {
      const registryId = settings.registryId ? { registryId: settings.registryId } : {}
      try {
        await call('DescribeRepositories', (sdk, client) =>
          client.send(
            new sdk.DescribeRepositoriesCommand({ repositoryNames: [name], ...registryId })
          )
        )
        return 'exists'
      } catch (error) {
        if ((error as AwsError).name !== 'RepositoryNotFoundException') {
          throw explain('DescribeRepositories', error, attempts)
        }
      }
      try {
        await call('CreateRepository', (sdk, client) =>
          client.send(
            new sdk.CreateRepositoryCommand({
              repositoryName: name,
              ...registryId,
              imageTagMutability: settings.tagMutability,
              imageScanningConfiguration: { scanOnPush: settings.scanOnPush }
            })
          )
        )
      } catch (error) {
        // Another job created it between our two calls: it exists, and it is not ours to change.
        if ((error as AwsError).name === 'RepositoryAlreadyExistsException') return 'exists'
        throw explain('CreateRepository', error, attempts)
      }
      if (settings.expireUntaggedDays > 0) {
        await call('PutLifecyclePolicy', (sdk, client) =>
          client.send(
            new sdk.PutLifecyclePolicyCommand({
              repositoryName: name,
              ...registryId,
              lifecyclePolicyText: untaggedExpiryPolicy(settings.expireUntaggedDays)
            })
          )
        ).catch((error) => {
          throw explain('PutLifecyclePolicy', error, attempts)
        })
      }
      return 'created'
    }
  }
}

/** What the user reads: what AWS said, and what to do about it. */
export function explain(operation: string, error: unknown, attempts: number): Error {
  return explainAwsError('ECR', operation, error, attempts, `the ecr:${operation} permission`)
}
