/**
 * Amazon ECR facts as data: account IDs as ECR accepts them (regions: `../aws-region.ts`), its authorization token
 * (base64 `AWS:<password>`), the registry host, the output names amazon-ecr-login users know,
 * the untagged-image lifecycle policy, and how a PUT refusal for an immutable tag reads.
 */
import { decodeBase64 } from './auth.js'

const ACCOUNT_ID = /^\d{12}$/

export function isAccountId(text: string): boolean {
  return ACCOUNT_ID.test(text)
}

/** `https://123456789012.dkr.ecr.eu-west-1.amazonaws.com` → the host Docker logs in to. */
export function registryHost(proxyEndpoint: string): string {
  return proxyEndpoint.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '')
}

/** GetAuthorizationToken's `authorizationToken`: base64 of `AWS:<password>`. */
export function decodeAuthorizationToken(
  token: string
): { username: string; password: string } | undefined {
  const decoded = decodeBase64(token)
  const colon = decoded?.indexOf(':') ?? -1
  if (decoded === undefined || colon <= 0 || colon === decoded.length - 1) return undefined
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

/**
 * The suffix of amazon-ecr-login's per-registry outputs:
 * `123456789012.dkr.ecr.us-east-1.amazonaws.com` → `123456789012_dkr_ecr_us_east_1_amazonaws_com`.
 */
export function outputSuffix(registry: string): string {
  return registry.replace(/[^A-Za-z0-9]/g, '_')
}

/** Repository names as ECR takes them (`team/app`): lowercase components, 2 to 256 characters. */
const REPOSITORY = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/

export function isRepositoryName(text: string): boolean {
  return text.length >= 2 && text.length <= 256 && REPOSITORY.test(text)
}

/** Expires untagged images (old layers of moved tags) after `days`; tagged ones stay. */
export function untaggedExpiryPolicy(days: number): string {
  return JSON.stringify({
    rules: [
      {
        rulePriority: 1,
        description: `Expire untagged images ${days} days after push`,
        selection: {
          tagStatus: 'untagged',
          countType: 'sinceImagePushed',
          countUnit: 'days',
          countNumber: days
        },
        action: { type: 'expire' }
      }
    ]
  })
}

/**
 * ECR refuses to move an immutable tag with 400 and
 * `{"errors":[{"code":"TAG_INVALID","message":"The image tag 'v1' already exists in the 'app'
 * repository and cannot be overwritten because the repository is immutable."}]}` (newer: "…
 * because the tag is immutable."). Other registries say "immutable" in some other code.
 */
export function isImmutableTagRefusal(
  status: number,
  errors: readonly { code?: string; message?: string }[]
): boolean {
  if (status !== 400 && status !== 403 && status !== 409) return false
  return errors.some(
    (e) =>
      /immutable/i.test(e.message ?? '') &&
      (e.code === undefined || ['TAG_INVALID', 'MANIFEST_INVALID', 'DENIED'].includes(e.code))
  )
}
