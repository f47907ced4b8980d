/**
 * What every AWS call of ours shares: our retries (the SDK clients run with `maxAttempts: 1`, so
 * throttling is handled one way and tests drive it with a fake clock), which failures are worth
 * another attempt, and the messages a user can act on for the errors every service answers alike
 * (expired, invalid or missing credentials, access denied).
 */
import { ConfigurationError } from '../lib/errors.js'
import { realSleep, retry, type RetryDecision } from '../lib/retry.js'

export interface AwsError {
  name?: string
  message?: string
  code?: string
  $metadata?: { httpStatusCode?: number }
  $retryable?: unknown
}

const RETRYABLE = new Set([
  'ThrottlingException',
  'ThrottledException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ServerException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalFailure',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError'
])
const NETWORK = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNREFUSED'])

export function awsRetryDecision(error: unknown): RetryDecision {
  const e = (error ?? {}) as AwsError
  const status = e.$metadata?.httpStatusCode
  return (
    RETRYABLE.has(e.name ?? '') ||
    e.$retryable !== undefined ||
    (status !== undefined && (status === 429 || status >= 500)) ||
    NETWORK.has(e.code ?? '')
  )
}

/** `Name: message`, as AWS said it. */
export function awsSaid(error: unknown): string {
  const e = (error ?? {}) as AwsError
  return `${e.name ?? 'Error'}: ${e.message ?? String(error)}`
}

export interface AwsCallOptions {
  attempts: number
  sleep?: (ms: number) => Promise<void>
  onRetry?: (message: string) => void
}

/** One SDK call with our retries; `label` names it in retry messages (`ECR GetAuthorizationToken`). */
export function awsCall<T>(
  label: string,
  send: () => Promise<T>,
  options: AwsCallOptions
): Promise<T> {
  return retry(send, {
    attempts: options.attempts,
    baseDelayMs: 1000,
    maxDelayMs: 20_000,
    sleep: options.sleep ?? realSleep,
    retryable: awsRetryDecision,
    onRetry: (error, attempt, delayMs) =>
      options.onRetry?.(
        `${label}: ${awsSaid(error)}; attempt ${attempt + 1} of ${options.attempts} in ${delayMs} ms`
      )
  })
}

/**
 * What the user reads for a failed call: what AWS said and what to do. `permission` completes
 * "The role or user needs …" for an access denial. Service-specific errors are the caller's.
 */
export function explainAwsError(
  service: string,
  operation: string,
  error: unknown,
  attempts: number,
  permission: string
): ConfigurationError {
  const e = (error ?? {}) as AwsError
  const said = awsSaid(error)
  switch (e.name ?? 'Error') {
    case 'ExpiredTokenException':
    case 'ExpiredToken':
    case 'RequestExpired':
      return new ConfigurationError(
        `AWS refused ${operation}: the credentials have expired (${said}). Refresh them right before this step (aws-actions/configure-aws-credentials, or new AWS_* variables on CircleCI).`
      )
    case 'UnrecognizedClientException':
    case 'InvalidClientTokenId':
    case 'InvalidSignatureException':
    case 'SignatureDoesNotMatch':
    case 'IncompleteSignature':
    case 'MissingAuthenticationTokenException':
      return new ConfigurationError(
        `AWS refused ${operation}: the credentials are not valid (${said}). Check the access key, secret and session token.`
      )
    case 'AccessDeniedException':
    case 'AccessDenied':
      return new ConfigurationError(
        `AWS denied ${operation} (${said}). The role or user needs ${permission}.`
      )
    case 'CredentialsProviderError':
      return new ConfigurationError(
        `No AWS credentials found (${e.message}). Configure them before this step: aws-actions/configure-aws-credentials (access keys or an OIDC role), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) on CircleCI.`
      )
  }
  if (awsRetryDecision(error)) {
    return new ConfigurationError(
      `${service} ${operation} still failed after ${attempts} attempts (${said}).`
    )
  }
  return new ConfigurationError(`${service} ${operation} failed (${said}).`)
}
