/**
 * Promotion, as planned by src/core/registry/promotion.ts: the source manifest fetched once with
 * every manifest type accepted, the blobs (and an index's child manifests) made present in each
 * target repository, then the same bytes PUT under each tag and the tag checked with a HEAD.
 */
import { isImmutableTagRefusal } from '../../core/registry/ecr.js'
import { describeRegistryErrors } from '../../core/registry/errors.js'
import {
  ManifestError,
  blobsOf,
  parseManifest,
  platformsOf,
  type Descriptor,
  type Manifest
} from '../../core/registry/manifest.js'
import type { PromotionPlan, PromotionStep } from '../../core/registry/promotion.js'
import { formatReference } from '../../core/docker-reference.js'
import { manifestReference } from '../../core/registry/reference.js'
import {
  RegistryAuthError,
  RegistryError,
  type FetchedManifest,
  type RegistryClient
} from '../../io/registry.js'
import { ConfigurationError, InputError } from '../../lib/errors.js'
import type { Runner } from '../../lib/runner.js'
import type { OnResult } from './result.js'

type ClientFor = (registry: string) => RegistryClient

export async function promote(
  plan: PromotionPlan,
  sourceText: string,
  clientFor: ClientFor,
  runner: Runner,
  onResult: OnResult
): Promise<void> {
  const source = plan.source
  const fetched = await fetchSource(plan, sourceText, clientFor)
  const manifest = parseSource(fetched, sourceText)
  const platforms = platformsOf(manifest)
  runner.info(
    `${formatReference(source)} is ${fetched.digest}` +
      (platforms.length ? ` (index of ${platforms.join(', ')})` : '')
  )
  for (const step of plan.steps) {
    const target = clientFor(step.registry)
    await withAuthMessages(async () => {
      // What each tag points at now, asked while the blobs move (round trips dominate).
      const before = new Map(
        step.tags.map((tag) => [tag, settle(target.headManifest(step.repository, tag))])
      )
      if (step.transfer !== 'none') {
        const from = { client: clientFor(source.registry), repository: source.repository }
        const counts = await ensureContent(manifest, from, target, step, 0)
        runner.info(describeTransfer(step, source.repository, source.registry, counts))
      }
      const outcomes = await Promise.all(
        step.tags.map(async (tag) =>
          settle(putTag(target, step, tag, fetched, manifest, await unwrap(before.get(tag))))
        )
      )
      // Reported in the order given; the first failure (if any) after what succeeded.
      for (const [i, tag] of step.tags.entries()) {
        const outcome = outcomes[i] as Settled<'promoted' | 'unchanged'>
        if ('error' in outcome) continue
        const reference = formatReference({
          registry: step.registry,
          repository: step.repository,
          tag
        })
        runner.info(
          `${outcome.value === 'promoted' ? 'Promoted' : 'Already there'}: ${reference}@${fetched.digest}`
        )
        onResult({
          reference,
          digest: fetched.digest,
          outcome: outcome.value,
          ...(platforms.length ? { platforms } : {})
        })
      }
      const failed = outcomes.find((o) => 'error' in o)
      if (failed && 'error' in failed) throw failed.error
    })
  }
}

type Settled<T> = { value: T } | { error: unknown }

/** A promise that never rejects (started early, awaited later, never unhandled). */
function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error })
  )
}

async function unwrap<T>(settled: Promise<Settled<T>> | undefined): Promise<T> {
  const result = await (settled as Promise<Settled<T>>)
  if ('error' in result) throw result.error
  return result.value
}

async function fetchSource(
  plan: PromotionPlan,
  sourceText: string,
  clientFor: ClientFor
): Promise<FetchedManifest> {
  const source = plan.source
  let fetched: FetchedManifest
  try {
    fetched = await withAuthMessages(() =>
      clientFor(source.registry).getManifest(source.repository, manifestReference(source))
    )
  } catch (error) {
    if (error instanceof RegistryError && error.status === 404) {
      throw new InputError(
        'source',
        sourceText,
        `an image that exists: ${source.registry} has no ${formatReference(source)} (404 ${describeRegistryErrors(error.errors) || 'not found'})`
      )
    }
    throw error
  }
  if (source.digest && fetched.digest !== source.digest && !source.digest.startsWith('sha512:')) {
    throw new ConfigurationError(
      `${source.registry} answered ${formatReference(source)} with a manifest whose digest is ${fetched.digest}.`
    )
  }
  const header = fetched.headerDigest
  if (header?.startsWith('sha256:') && header !== fetched.digest) {
    throw new ConfigurationError(
      `${source.registry} says ${formatReference(source)} is ${header}, but its bytes hash to ${fetched.digest}.`
    )
  }
  return fetched
}

function parseSource(fetched: FetchedManifest, sourceText: string): Manifest {
  try {
    return parseManifest(fetched.text, fetched.mediaType)
  } catch (error) {
    if (error instanceof ManifestError)
      throw new InputError(
        'source',
        sourceText,
        `an image whose manifest can be copied: ${error.message}`
      )
    throw error
  }
}

/** PUT under the tag unless it already points at the digest; then check it does. */
async function putTag(
  target: RegistryClient,
  step: PromotionStep,
  tag: string,
  fetched: FetchedManifest,
  manifest: Manifest,
  before: { digest: string | undefined } | undefined
): Promise<'promoted' | 'unchanged'> {
  const reference = formatReference({ registry: step.registry, repository: step.repository, tag })
  if (before?.digest === fetched.digest) return 'unchanged'
  try {
    await target.putManifest(
      step.repository,
      tag,
      fetched.bytes,
      fetched.mediaType ?? manifest.mediaType
    )
  } catch (error) {
    if (error instanceof RegistryError && isImmutableTagRefusal(error.status, error.errors)) {
      throw new ConfigurationError(
        `Cannot promote to ${reference}: the tag '${tag}' already exists in ${step.repository}` +
          (before?.digest ? ` (as ${before.digest})` : '') +
          ` and ${step.registry} keeps tags immutable (${error.status} ${describeRegistryErrors(error.errors)}). ` +
          'Promote under a tag that does not exist yet.'
      )
    }
    throw error
  }
  const after = await resolvedDigest(target, step.repository, tag)
  if (after !== fetched.digest) {
    throw new ConfigurationError(
      `Promotion to ${reference} did not hold: the tag resolves to ${after ?? 'nothing'}, expected ${fetched.digest}.`
    )
  }
  return 'promoted'
}

/** The digest a tag resolves to: HEAD's header, else (a registry that omits it) the bytes' hash. */
async function resolvedDigest(
  target: RegistryClient,
  repository: string,
  tag: string
): Promise<string | undefined> {
  const head = await target.headManifest(repository, tag)
  if (!head) return undefined
  return head.digest ?? (await target.getManifest(repository, tag)).digest
}

interface Source {
  client: RegistryClient
  repository: string
}

interface TransferCounts {
  blobs: number
  bytes: number
  manifests: number
}

/**
 * Makes the manifest's blobs present in the target repository (mounted or copied), and for an
 * index, each child manifest with its blobs, pushed by digest before the index refers to it.
 */
async function ensureContent(
  manifest: Manifest,
  from: Source,
  target: RegistryClient,
  step: PromotionStep,
  depth: number
): Promise<TransferCounts> {
  const counts: TransferCounts = { blobs: 0, bytes: 0, manifests: 0 }
  if (manifest.kind === 'image') {
    await mapLimit(blobsOf(manifest), 4, async (blob) => {
      if (await transferBlob(blob, from, target, step)) {
        counts.blobs++
        counts.bytes += blob.size
      }
    })
    return counts
  }
  if (depth > 1) throw new ConfigurationError('The source index nests indexes more than two deep.')
  for (const child of manifest.manifests) {
    if (await target.headManifest(step.repository, child.digest)) continue
    const fetched = await from.client.getManifest(from.repository, child.digest)
    if (fetched.digest !== child.digest) {
      throw new ConfigurationError(
        `The source index lists ${child.digest}, but the registry answered a manifest that hashes to ${fetched.digest}.`
      )
    }
    const inner = await ensureContent(
      parseManifest(fetched.text, fetched.mediaType),
      from,
      target,
      step,
      depth + 1
    )
    await target.putManifest(
      step.repository,
      child.digest,
      fetched.bytes,
      fetched.mediaType ?? child.mediaType
    )
    counts.blobs += inner.blobs
    counts.bytes += inner.bytes
    counts.manifests += inner.manifests + 1
  }
  return counts
}

/** True when the blob had to be moved (mounted or copied), false when it was already there. */
async function transferBlob(
  blob: Descriptor,
  from: Source,
  target: RegistryClient,
  step: PromotionStep
): Promise<boolean> {
  if (step.transfer === 'mount') {
    if (await target.mountBlob(step.repository, blob.digest, from.repository)) return true
  } else if (await target.blobExists(step.repository, blob.digest)) {
    return false
  }
  await target.copyBlobFrom(from.client, from.repository, step.repository, blob)
  return true
}

function describeTransfer(
  step: PromotionStep,
  sourceRepository: string,
  sourceRegistry: string,
  counts: TransferCounts
): string {
  const manifests = counts.manifests ? ` and ${counts.manifests} platform manifests` : ''
  if (step.transfer === 'mount') {
    return `Mounted ${counts.blobs} blobs${manifests} from ${sourceRepository} into ${step.repository} (no bytes copied)`
  }
  const mb = (counts.bytes / 1e6).toFixed(1)
  return `Copied ${counts.blobs} missing blobs (${mb} MB)${manifests} from ${sourceRegistry}/${sourceRepository} to ${step.registry}/${step.repository}`
}

/** Registry auth failures are the user's to fix: their message says with which credentials. */
async function withAuthMessages<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body()
  } catch (error) {
    if (error instanceof RegistryAuthError) throw new ConfigurationError(error.message)
    if (error instanceof RegistryError && error.status === 403) {
      throw new ConfigurationError(`Access denied: ${error.message}`)
    }
    throw error
  }
}

async function mapLimit<T>(
  items: T[],
  limit: number,
  body: (item: T) => Promise<void>
): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await body(items[next++] as T)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}
