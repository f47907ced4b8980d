/**
 * The inputs of `k8s-deploy`, read once and validated before anything reaches the cluster: the
 * manifests are read, parsed, given the new image and the run's annotations here.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { resolveRegion } from '../../core/aws-region.js'
import {
  NAMESPACE,
  annotate,
  parseImage,
  failed,
  isWorkload,
  parseManifests,
  substituteImage,
  type ImageChange,
  type Manifest
} from '../../core/k8s/manifests.js'
import type { CiContext } from '../../lib/context.js'
import { InputError } from '../../lib/errors.js'
import { InputReader } from '../../lib/inputs.js'

export const INPUTS = {
  manifests: 'manifests',
  namespace: 'namespace',
  image: 'image',
  containers: 'containers',
  version: 'version',
  kubeconfig: 'kubeconfig',
  context: 'context',
  eksCluster: 'eks-cluster',
  region: 'region',
  server: 'server',
  certificateAuthorityData: 'certificate-authority-data',
  app: 'app',
  fieldManager: 'field-manager',
  forceConflicts: 'force-conflicts',
  timeout: 'timeout',
  lockTimeout: 'lock-timeout',
  autoRollback: 'auto-rollback',
  rollbackTo: 'rollback-to',
  dryRun: 'dry-run'
} as const

export type ClusterAccess =
  | { kind: 'kubeconfig'; content: string; context?: string }
  | { kind: 'eks'; cluster: string; region: string; server?: string; caData?: string }

export interface K8sDeploySettings {
  access: ClusterAccess
  /** As given (the `namespace` input); the final one is resolved against the cluster's context. */
  namespaceInput?: string
  manifests: Manifest[]
  /** Where the manifests came from, for messages. */
  sources: string[]
  image?: { reference: string; changes: ImageChange[]; byDigest: boolean }
  version?: string
  app: string
  fieldManager: string
  forceConflicts: boolean
  timeoutMs: number
  lockTimeoutMs: number
  autoRollback: boolean
  rollback: boolean
  dryRun: boolean
}

const EKS_NAME = /^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/
const FIELD_MANAGER = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/
const MAX_TIMEOUT_MS = 6 * 3_600_000

type Env = Readonly<Record<string, string | undefined>>

export function readSettings(
  inputs: InputReader,
  env: Env,
  ci: CiContext,
  workspace: string
): K8sDeploySettings {
  const access = readAccess(inputs, env)
  const namespaceInput = inputs.optional(INPUTS.namespace)
  if (
    namespaceInput !== undefined &&
    (!NAMESPACE.test(namespaceInput) || namespaceInput.length > 63)
  ) {
    throw new InputError(
      INPUTS.namespace,
      namespaceInput,
      'a namespace name (lower case letters, digits and `-`, up to 63)'
    )
  }
  const rollbackTo = inputs.optional(INPUTS.rollbackTo)
  if (rollbackTo !== undefined && rollbackTo !== 'previous') {
    throw new InputError(
      INPUTS.rollbackTo,
      rollbackTo,
      '`previous` (undo each workload to the revision before its current one, as `kubectl rollout undo` does), or empty to deploy'
    )
  }
  const rollback = rollbackTo === 'previous'
  const imageRef = inputs.optional(INPUTS.image)
  const containers = inputs.list(INPUTS.containers)
  if (rollback && imageRef !== undefined) {
    throw new InputError(
      INPUTS.rollbackTo,
      'previous',
      `no \`${INPUTS.image}\` with it: a rollback goes back to what ran before, as it was`
    )
  }
  if (imageRef === undefined && containers.length > 0) {
    throw new InputError(
      INPUTS.image,
      '',
      `the image to put in container(s) ${containers.map((c) => `\`${c}\``).join(', ')}`
    )
  }
  let byDigest = false
  if (imageRef !== undefined) {
    const parsed = parseImage(imageRef)
    if (failed(parsed)) throw new InputError(INPUTS.image, imageRef, parsed.error)
    byDigest = parsed.digest !== undefined
  }
  for (const c of containers) {
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(c))
      throw new InputError(
        INPUTS.containers,
        c,
        'container names (lower case letters, digits and `-`)'
      )
  }
  const fieldManager = inputs.optional(INPUTS.fieldManager) ?? 'gantry'
  if (!FIELD_MANAGER.test(fieldManager))
    throw new InputError(
      INPUTS.fieldManager,
      fieldManager,
      'a field manager name (letters, digits, `.`, `_`, `:`, `-`, up to 128)'
    )
  const timeoutMs = inputs.duration(INPUTS.timeout, 600_000)
  if (timeoutMs < 1000 || timeoutMs > MAX_TIMEOUT_MS)
    throw new InputError(
      INPUTS.timeout,
      inputs.optional(INPUTS.timeout) ?? '',
      'a duration from `1s` to `6h`'
    )
  const lockTimeoutMs = inputs.duration(INPUTS.lockTimeout, 300_000)
  if (lockTimeoutMs > MAX_TIMEOUT_MS)
    throw new InputError(
      INPUTS.lockTimeout,
      inputs.optional(INPUTS.lockTimeout) ?? '',
      'a duration up to `6h` (`0`: do not wait)'
    )
  const forceConflicts = inputs.boolean(INPUTS.forceConflicts, false)
  const autoRollback = inputs.boolean(INPUTS.autoRollback, true)
  const dryRun = inputs.boolean(INPUTS.dryRun, false)
  const paths = inputs.list(INPUTS.manifests)
  if (paths.length === 0)
    throw new InputError(
      INPUTS.manifests,
      '',
      'manifest files, directories or a kustomization directory (relative to the workspace), one per line'
    )
  // Last: the files are read only once every other input is known to be good.
  const { manifests: read, sources } = readManifests(paths, workspace)
  let manifests = read
  let image: K8sDeploySettings['image']
  if (imageRef !== undefined) {
    const substituted = substituteImage(read, imageRef, containers)
    if (failed(substituted))
      throw new InputError(
        containers.length ? INPUTS.containers : INPUTS.image,
        containers.length ? containers.join(',') : imageRef,
        substituted.error
      )
    manifests = substituted.manifests
    image = { reference: imageRef, changes: substituted.changes, byDigest }
  }
  const runVersion = inputs.optional(INPUTS.version) ?? tagOf(imageRef)
  if (!rollback)
    manifests = annotate(manifests, { version: runVersion, runUrl: ci.runUrl, actor: ci.actor })
  const workloads = manifests.filter((m) => isWorkload(m.object))
  if (rollback && workloads.length === 0) {
    throw new InputError(
      INPUTS.manifests,
      paths.join(', '),
      'manifests with a Deployment, StatefulSet or DaemonSet to roll back'
    )
  }
  const app =
    inputs.optional(INPUTS.app) ??
    workloads[0]?.object.metadata.name ??
    manifests[0]!.object.metadata.name
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(app))
    throw new InputError(
      INPUTS.app,
      app,
      'an app name (letters, digits, `.`, `_`, `-`): the lock is named after it'
    )
  return {
    access,
    ...(namespaceInput ? { namespaceInput } : {}),
    manifests,
    sources,
    ...(image ? { image } : {}),
    ...(runVersion ? { version: runVersion } : {}),
    app,
    fieldManager,
    forceConflicts,
    timeoutMs,
    lockTimeoutMs,
    autoRollback,
    rollback,
    dryRun
  }
}

function tagOf(reference: string | undefined): string | undefined {
  if (!reference) return undefined
  const parsed = parseImage(reference)
  return failed(parsed) ? undefined : (parsed.tag ?? parsed.digest)
}

function readAccess(inputs: InputReader, env: Env): ClusterAccess {
  const kubeconfig = inputs.secret(INPUTS.kubeconfig)
  const cluster = inputs.optional(INPUTS.eksCluster)
  const context = inputs.optional(INPUTS.context)
  if (kubeconfig !== undefined && cluster !== undefined) {
    throw new InputError(
      INPUTS.eksCluster,
      cluster,
      `no \`${INPUTS.kubeconfig}\` with it: either a kubeconfig, or an EKS cluster (name and region)`
    )
  }
  if (kubeconfig !== undefined)
    return { kind: 'kubeconfig', content: kubeconfig, ...(context ? { context } : {}) }
  if (cluster === undefined) {
    throw new InputError(
      INPUTS.kubeconfig,
      '',
      `a kubeconfig (its content, from a secret), or \`${INPUTS.eksCluster}\` and \`${INPUTS.region}\` for EKS`
    )
  }
  if (!EKS_NAME.test(cluster))
    throw new InputError(
      INPUTS.eksCluster,
      cluster,
      'an EKS cluster name (letters, digits, `-` and `_`, up to 100)'
    )
  const region = resolveRegion(INPUTS.region, inputs.optional(INPUTS.region), env)
  // Both or neither: without them, DescribeCluster gives them, as `aws eks update-kubeconfig` does.
  const server = inputs.optional(INPUTS.server)
  const caData = inputs.optional(INPUTS.certificateAuthorityData)
  if (server === undefined && caData === undefined) return { kind: 'eks', cluster, region }
  if (server === undefined || !/^https:\/\/[^\s/?#]+(:\d+)?\/?$/.test(server)) {
    throw new InputError(
      INPUTS.server,
      server ?? '',
      "the cluster's API endpoint, `https://…`, with `certificate-authority-data` (or neither: then they come from EKS DescribeCluster)"
    )
  }
  if (
    caData === undefined ||
    !/^[A-Za-z0-9+/=\s]+$/.test(caData) ||
    !Buffer.from(caData, 'base64').toString('latin1').includes('-----BEGIN CERTIFICATE-----')
  ) {
    throw new InputError(
      INPUTS.certificateAuthorityData,
      caData ?? '',
      "the cluster's CA certificate, base64 as EKS gives it, with `server` (or neither: then they come from EKS DescribeCluster)"
    )
  }
  return {
    kind: 'eks',
    cluster,
    region,
    server: server.replace(/\/$/, ''),
    caData: caData.replace(/\s+/g, '')
  }
}

const MANIFEST_FILE = /\.(ya?ml|json)$/i
const KUSTOMIZATION = ['kustomization.yaml', 'kustomization.yml', 'Kustomization']

function readManifests(
  paths: string[],
  workspace: string
): { manifests: Manifest[]; sources: string[] } {
  const manifests: Manifest[] = []
  const sources: string[] = []
  for (const path of paths) {
    const absolute = isAbsolute(path) ? path : resolve(workspace, path)
    if (!existsSync(absolute))
      throw new InputError(
        INPUTS.manifests,
        path,
        `manifest files or directories; ${absolute} does not exist`
      )
    if (statSync(absolute).isDirectory()) {
      if (KUSTOMIZATION.some((k) => existsSync(join(absolute, k)))) {
        const parsed = parseManifests(kustomize(absolute, path), `${path} (kustomize)`)
        if (failed(parsed)) throw new InputError(INPUTS.manifests, path, parsed.error)
        manifests.push(...parsed)
        sources.push(`${path} (kustomization)`)
        continue
      }
      const files = readdirSync(absolute)
        .filter((f) => MANIFEST_FILE.test(f))
        .sort()
      if (files.length === 0)
        throw new InputError(
          INPUTS.manifests,
          path,
          `a directory with .yaml, .yml or .json manifests; ${absolute} has none`
        )
      for (const f of files) manifests.push(...readFile(join(absolute, f), join(path, f)))
      sources.push(path)
    } else {
      manifests.push(...readFile(absolute, path))
      sources.push(path)
    }
  }
  if (manifests.length === 0)
    throw new InputError(
      INPUTS.manifests,
      paths.join(', '),
      'at least one Kubernetes object (the files are empty)'
    )
  const seen = new Map<string, string>()
  for (const m of manifests) {
    const key = `${m.object.apiVersion.split('/')[0]}/${m.object.kind}/${m.object.metadata.namespace ?? ''}/${m.object.metadata.name}`
    const first = seen.get(key)
    if (first)
      throw new InputError(
        INPUTS.manifests,
        paths.join(', '),
        `each object once; ${m.object.kind}/${m.object.metadata.name} is in ${first} and ${m.source}`
      )
    seen.set(key, m.source)
  }
  return { manifests, sources }
}

function readFile(absolute: string, shown: string): Manifest[] {
  const parsed = parseManifests(readFileSync(absolute, 'utf8'), shown)
  if (failed(parsed)) throw new InputError(INPUTS.manifests, shown, parsed.error)
  return parsed
}

/** The machine's kubectl renders the kustomization (argv, no shell); none installed is an error. */
function kustomize(dir: string, shown: string): string {
  try {
    return execFileSync('kubectl', ['kustomize', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024
    })
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string }
    if (e.code === 'ENOENT')
      throw new InputError(
        INPUTS.manifests,
        shown,
        'plain manifests: this directory is a kustomization, and rendering it needs `kubectl` on the PATH, which this machine has not got'
      )
    throw new InputError(
      INPUTS.manifests,
      shown,
      `a kustomization \`kubectl kustomize\` can render; it said: ${(e.stderr ?? e.message).trim().split('\n').slice(-3).join(' ')}`
    )
  }
}
