import { describe, expect, test } from '@jest/globals'
import { diffObjects, formatChange } from '../../../src/core/k8s/diff.js'
import { leaseIsFree, leaseName, leaseSpec, leaseView } from '../../../src/core/k8s/lease.js'
import {
  annotate,
  failed,
  parseManifests,
  resolveNamespace,
  substituteImage,
  withNamespace,
  type K8sObject,
  type Manifest
} from '../../../src/core/k8s/manifests.js'
import {
  describeProblem,
  podProblems,
  previousReplicaSet,
  rolloutStatus,
  templateOf
} from '../../../src/core/k8s/rollout.js'
import { HOSTILE_VALUES } from '../../fixtures/hostile.js'

const DEPLOYMENT = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 2
  selector: { matchLabels: { app: shop } }
  template:
    metadata: { labels: { app: shop } }
    spec:
      initContainers:
        - name: migrate
          image: registry.example/shop:1.0
      containers:
        - name: web
          image: registry.example/shop:1.0
        - name: proxy
          image: envoyproxy/envoy:v1.29
---
apiVersion: v1
kind: Service
metadata: { name: shop }
spec: { selector: { app: shop }, ports: [{ port: 80 }] }
`

function manifests(text = DEPLOYMENT): Manifest[] {
  const parsed = parseManifests(text, 'deploy.yaml')
  if (failed(parsed)) throw new Error(parsed.error)
  return parsed
}

/** A field deep in an untyped object: `dig(o, 'spec', 'replicas')`. */
const dig = (o: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], o)
const podSpec = (m: Manifest | undefined) =>
  dig(m?.object, 'spec', 'template', 'spec') as {
    containers: { image: string }[]
    initContainers: { image: string }[]
  }

const DIGEST = `registry.example/shop@sha256:${'a'.repeat(64)}`

describe('parseManifests', () => {
  test('documents and List items, with where each came from', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}\n`
    const all = manifests(`${DEPLOYMENT}\n---\n---\n${list}`)
    expect(all.map((m) => `${m.object.kind}/${m.object.metadata.name} ${m.source}`)).toEqual([
      'Deployment/shop deploy.yaml#1',
      'Service/shop deploy.yaml#2',
      'ConfigMap/a deploy.yaml#4 items[0]',
      'ConfigMap/b deploy.yaml#4 items[1]'
    ])
  })

  test.each([
    ['kind: Service\nmetadata: {name: a}', 'deploy.yaml: no `apiVersion`'],
    ['apiVersion: v1\nkind: Service\nmetadata: {generateName: a-}', 'without `metadata.name`'],
    ['apiVersion: v1\nkind: Service\nmetadata: {name: "A_b"}', 'is not a valid Kubernetes name'],
    [
      'apiVersion: v1\nkind: Service\nmetadata: {name: a, namespace: "x; rm -rf /"}',
      'not a valid namespace name'
    ],
    ['apiVersion: v1\nkind: [a\n', 'deploy.yaml:3: invalid YAML'],
    ['- just\n- a list\n', 'a Kubernetes object (a mapping)']
  ])('%j is refused: %s', (text, message) => {
    const parsed = parseManifests(text, 'deploy.yaml')
    expect(failed(parsed) && parsed.error).toContain(message)
  })
})

describe('substituteImage', () => {
  test('named containers (init containers too) get the image; others keep theirs', () => {
    const r = substituteImage(manifests(), DIGEST, ['web', 'migrate'])
    if (failed(r)) throw new Error(r.error)
    const spec = podSpec(r.manifests[0])
    expect(spec.containers.map((c) => c.image)).toEqual([DIGEST, 'envoyproxy/envoy:v1.29'])
    expect(spec.initContainers[0]!.image).toBe(DIGEST)
    expect(r.changes).toEqual([
      {
        object: 'Deployment/shop',
        container: 'migrate',
        before: 'registry.example/shop:1.0',
        after: DIGEST
      },
      {
        object: 'Deployment/shop',
        container: 'web',
        before: 'registry.example/shop:1.0',
        after: DIGEST
      }
    ])
  })

  test('without names: the containers of the same repository, never the others', () => {
    const r = substituteImage(manifests(), 'registry.example/shop:2.0', [])
    if (failed(r)) throw new Error(r.error)
    expect(r.changes.map((c) => c.container)).toEqual(['migrate', 'web'])
  })

  test('the input manifests are not changed', () => {
    const m = manifests()
    substituteImage(m, 'registry.example/shop:2.0', ['web'])
    expect(podSpec(m[0]).containers[0]!.image).toBe('registry.example/shop:1.0')
  })

  test('a container that does not exist, or no matching repository, is an error naming what there is', () => {
    const r = substituteImage(manifests(), DIGEST, ['api'])
    expect(failed(r) && r.error).toBe(
      'no container named `api` in the manifests (containers: `migrate`, `web`, `proxy`)'
    )
    const s = substituteImage(manifests(), 'other.example/app:1', [])
    expect(failed(s) && s.error).toContain(
      'no container in the manifests runs an image of `other.example/app`'
    )
  })

  test.each(HOSTILE_VALUES)('a hostile image %j is refused or kept as data', (value) => {
    const r = substituteImage(manifests(), value, ['web'])
    if (!failed(r)) {
      expect(podSpec(r.manifests[0]).containers[0]!.image).toBe(value)
    }
  })
})

describe('annotate', () => {
  test('metadata only (a new run must not restart pods); workloads get a change cause', () => {
    const run = {
      version: '1.4.2',
      runUrl: 'https://github.com/acme/shop/actions/runs/7',
      actor: 'octocat'
    }
    const [deployment, service] = annotate(manifests(), run)
    expect(deployment!.object.metadata.annotations).toEqual({
      'gantry.dev/version': '1.4.2',
      'gantry.dev/run-url': run.runUrl,
      'gantry.dev/actor': 'octocat',
      'kubernetes.io/change-cause':
        'gantry k8s-deploy 1.4.2 by octocat https://github.com/acme/shop/actions/runs/7'
    })
    expect(dig(deployment!.object, 'spec', 'template', 'metadata', 'annotations')).toBeUndefined()
    expect(service!.object.metadata.annotations?.['kubernetes.io/change-cause']).toBeUndefined()
  })

  test.each(HOSTILE_VALUES)('a hostile actor %j is an annotation value, verbatim', (actor) => {
    const [d] = annotate(manifests(), { actor })
    expect(d!.object.metadata.annotations?.['gantry.dev/actor']).toBe(actor)
  })
})

describe('resolveNamespace', () => {
  const inNs = (ns: string) => withNamespace(manifests(), ns)
  test('the input wins when the manifests agree or say nothing', () => {
    expect(resolveNamespace(manifests(), 'shop', 'ctx')).toEqual({
      namespace: 'shop',
      from: 'input'
    })
    expect(resolveNamespace(inNs('shop'), 'shop', undefined)).toEqual({
      namespace: 'shop',
      from: 'input'
    })
  })
  test('a manifest in another namespace than the input is an error, never overridden', () => {
    const r = resolveNamespace(inNs('prod'), 'staging', undefined)
    expect(failed(r) && r.error).toContain(
      'Deployment/shop is in namespace `prod`, but `namespace` is `staging`'
    )
  })
  test('the manifests, then the kubeconfig context; nothing at all is an error', () => {
    expect(resolveNamespace(inNs('prod'), undefined, 'ctx')).toEqual({
      namespace: 'prod',
      from: 'manifests'
    })
    expect(resolveNamespace(manifests(), undefined, 'ctx')).toEqual({
      namespace: 'ctx',
      from: 'kubeconfig'
    })
    const r = resolveNamespace(manifests(), undefined, undefined)
    expect(failed(r) && r.error).toContain('no namespace')
  })
  test('manifests split across namespaces, or half without one, are refused', () => {
    const [a, b] = manifests()
    const split = [withNamespace([a!], 'x')[0]!, withNamespace([b!], 'y')[0]!]
    expect(failed(resolveNamespace(split, undefined, undefined))).toBe(true)
    const half = [withNamespace([a!], 'x')[0]!, b!]
    const r = resolveNamespace(half, undefined, undefined)
    expect(failed(r) && r.error).toContain('Service/shop has no namespace while others are in `x`')
  })
})

const deployment = (status: Record<string, unknown>, generation = 2, replicas = 2) =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'shop', generation },
    spec: { replicas },
    status
  }) as unknown as K8sObject

describe('rolloutStatus (as kubectl rollout status reads it)', () => {
  test.each([
    [
      { observedGeneration: 1 },
      'progressing',
      'waiting for the Deployment controller to observe generation 2'
    ],
    [
      { observedGeneration: 2, updatedReplicas: 1, replicas: 2, availableReplicas: 1 },
      'progressing',
      '1 of 2 updated replicas are available... waiting for 1 more to be updated'
    ],
    [
      { observedGeneration: 2, updatedReplicas: 2, replicas: 3, availableReplicas: 2 },
      'progressing',
      '1 old replicas are pending termination'
    ],
    [
      { observedGeneration: 2, updatedReplicas: 2, replicas: 2, availableReplicas: 1 },
      'progressing',
      '1 of 2 updated replicas are available'
    ],
    [
      { observedGeneration: 2, updatedReplicas: 2, replicas: 2, availableReplicas: 2 },
      'complete',
      '2 of 2 replicas updated and available'
    ],
    [
      {
        observedGeneration: 2,
        updatedReplicas: 1,
        replicas: 3,
        conditions: [
          {
            type: 'Progressing',
            status: 'False',
            reason: 'ProgressDeadlineExceeded',
            message: 'ReplicaSet "shop-7d" has timed out progressing.'
          }
        ]
      },
      'failed',
      'progress deadline exceeded: ReplicaSet "shop-7d" has timed out progressing.'
    ]
  ])('%j → %s', (status, state, message) => {
    expect(rolloutStatus(deployment(status))).toEqual({ state, message })
  })

  test('StatefulSet: ready replicas, then the update revision', () => {
    const sts = (status: object) =>
      ({
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 'db', generation: 1 },
        spec: { replicas: 2 },
        status: { observedGeneration: 1, ...status }
      }) as unknown as K8sObject
    expect(rolloutStatus(sts({ readyReplicas: 1 })).state).toBe('progressing')
    expect(
      rolloutStatus(sts({ readyReplicas: 2, currentRevision: 'a', updateRevision: 'b' })).state
    ).toBe('progressing')
    expect(
      rolloutStatus(sts({ readyReplicas: 2, currentRevision: 'b', updateRevision: 'b' })).state
    ).toBe('complete')
  })

  test('DaemonSet: updated and available on every node that should run it', () => {
    const ds = (status: object) =>
      ({
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'agent', generation: 1 },
        spec: {},
        status: { observedGeneration: 1, ...status }
      }) as unknown as K8sObject
    expect(
      rolloutStatus(
        ds({ desiredNumberScheduled: 3, updatedNumberScheduled: 2, numberAvailable: 3 })
      ).message
    ).toBe('2 of 3 updated pods are scheduled')
    expect(
      rolloutStatus(
        ds({ desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 3 })
      ).state
    ).toBe('complete')
  })
})

describe('podProblems: the reasons a user can act on', () => {
  const pod = (name: string, status: object, deleting = false) => ({
    metadata: { name, ...(deleting ? { deletionTimestamp: 'x' } : {}) },
    status
  })
  test('image pulls, crash loops with the last termination message, unschedulable; ready and terminating pods left out', () => {
    const problems = podProblems([
      pod('a', {
        phase: 'Pending',
        conditions: [{ type: 'Ready', status: 'False' }],
        containerStatuses: [
          {
            name: 'web',
            ready: false,
            restartCount: 0,
            state: {
              waiting: {
                reason: 'ImagePullBackOff',
                message: 'Back-off pulling image "x/broken:1"'
              }
            }
          }
        ]
      }),
      pod('b', {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'False' }],
        containerStatuses: [
          {
            name: 'web',
            ready: false,
            restartCount: 4,
            state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s' } },
            lastState: {
              terminated: { exitCode: 1, reason: 'Error', message: 'panic: no DATABASE_URL\n' }
            }
          }
        ]
      }),
      pod('c', {
        phase: 'Pending',
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'Unschedulable',
            message: '0/3 nodes are available: 3 Insufficient memory.'
          }
        ]
      }),
      pod('d', { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] }),
      pod('e', { phase: 'Pending' }, true)
    ])
    expect(problems.map(describeProblem)).toEqual([
      'a (container web): ImagePullBackOff: Back-off pulling image "x/broken:1"',
      'b (container web): CrashLoopBackOff, 4 restarts: back-off 40s; last termination: Error, exit code 1: panic: no DATABASE_URL',
      'c: Unschedulable: 0/3 nodes are available: 3 Insufficient memory.'
    ])
  })
})

describe('previousReplicaSet (what rollout undo goes back to)', () => {
  const rs = (revision: number, image: string) => ({
    metadata: {
      name: `shop-${revision}`,
      annotations: { 'deployment.kubernetes.io/revision': String(revision) },
      labels: { app: 'shop', 'pod-template-hash': `h${revision}` }
    },
    spec: {
      template: {
        metadata: { labels: { app: 'shop', 'pod-template-hash': `h${revision}` } },
        spec: { containers: [{ name: 'web', image }] }
      }
    }
  })
  const sets = [rs(1, 'v1'), rs(3, 'v3'), rs(2, 'v2')]
  test('the revision that ran before this deploy, else the highest below the current', () => {
    expect(dig(previousReplicaSet(sets, 3, 1), 'metadata', 'name')).toBe('shop-1')
    expect(dig(previousReplicaSet(sets, 3), 'metadata', 'name')).toBe('shop-2')
    expect(previousReplicaSet([rs(1, 'v1')], 1)).toBeUndefined()
  })
  test('the template comes back without the pod-template-hash label', () => {
    expect(templateOf(rs(2, 'v2'))).toEqual({
      metadata: { labels: { app: 'shop' } },
      spec: { containers: [{ name: 'web', image: 'v2' }] }
    })
  })
})

describe('Lease', () => {
  const now = Date.parse('2026-12-01T12:00:00Z')
  test('held until renewTime + duration; free afterwards or without a holder', () => {
    const lease = { spec: leaseSpec('acme/shop run 7/1 by octocat', now, 60) }
    const view = leaseView(lease)
    expect(view).toEqual({ holder: 'acme/shop run 7/1 by octocat', expiresAt: now + 60_000 })
    expect(leaseIsFree(view, now + 59_000)).toBe(false)
    expect(leaseIsFree(view, now + 60_000)).toBe(true)
    expect(leaseIsFree(leaseView({ spec: {} }), now)).toBe(true)
    expect(lease.spec.renewTime).toBe('2026-12-01T12:00:00.000000Z')
  })
  test.each(HOSTILE_VALUES)('the name from app %j is a valid object name', (app) => {
    expect(leaseName(app)).toMatch(/^gantry-deploy-[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/)
  })
})

describe('diffObjects (the dry run)', () => {
  test('changed, added and removed fields by path; containers by name; server fields ignored', () => {
    const live = {
      metadata: { name: 'shop', resourceVersion: '1', labels: { a: '1' } },
      spec: { replicas: 2, template: { spec: { containers: [{ name: 'web', image: 'v1' }] } } },
      status: { replicas: 2 }
    }
    const next = {
      metadata: { name: 'shop', resourceVersion: '2', labels: { b: '2' } },
      spec: { replicas: 3, template: { spec: { containers: [{ name: 'web', image: 'v2' }] } } },
      status: { replicas: 0 }
    }
    expect(diffObjects(live, next).map(formatChange)).toEqual([
      'metadata.labels.a: 1 → (none)',
      'metadata.labels.b: (none) → 2',
      'spec.replicas: 2 → 3',
      'spec.template.spec.containers[name=web].image: v1 → v2'
    ])
  })
})
