/**
 * k8s-deploy, through the real bundle on the runner's Node 24, against the sandbox's Kubernetes
 * API server (kube-apiserver and kube-controller-manager 1.20 built from Debian's source, etcd,
 * a stand-in kubelet that marks pods Ready, or failing for an image tagged `broken`). Each test
 * works in a namespace of its own, created here and deleted afterwards.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import https from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HOSTILE_VALUES } from '../fixtures/hostile.js'
import {
  NODES,
  runAction,
  secretLeaks,
  type RunOptions,
  type RunResult
} from '../harness/run-action.js'
import { readKubernetes } from '../sandbox/description.js'

const k8s = readKubernetes()
const KUBECONFIG = readFileSync(k8s.kubeconfigPath, 'utf8')
const CA = readFileSync(k8s.caFile)
const node = NODES[NODES.length - 1]!.path
const marker = randomBytes(3).toString('hex')
const IMAGE = (tag: string) => `127.0.0.1:5000/demo-app:${tag}`
const workspace = mkdtempSync(join(tmpdir(), 'gantry-k8s-it-'))
const namespaces: string[] = []
const TIMEOUT = 180_000

// What the API returned, read as the test needs it (its shape is the server's, not ours).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Dict = Record<string, any>

/** The admin's REST call (the test's own view of the cluster, independent of the action). */
function kube(
  method: string,
  path: string,
  body?: unknown
): Promise<{ status: number; body: Dict }> {
  return new Promise((resolve, reject) => {
    const req = https.request(`${k8s.server}${path}`, {
      method,
      ca: CA,
      headers: {
        authorization: `Bearer ${k8s.token}`,
        'content-type': 'application/json',
        accept: 'application/json'
      }
    })
    req.on('error', reject)
    req.on('response', (res) => {
      let text = ''
      res.on('data', (d) => (text += d))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: String(res.headers['content-type']).includes('json') ? JSON.parse(text) : { text }
        })
      )
    })
    req.end(body === undefined ? undefined : JSON.stringify(body))
  })
}

async function namespace(label: string): Promise<string> {
  const name = `it-${label}-${marker}`
  const r = await kube('POST', '/api/v1/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name }
  })
  expect(r.status).toBe(201)
  namespaces.push(name)
  return name
}

const deployment = (ns: string, name: string) =>
  kube('GET', `/apis/apps/v1/namespaces/${ns}/deployments/${name}`).then((r) => r.body)
const imageOf = (d: Dict) => d.spec.template.spec.containers[0].image as string

function manifest(name: string, { deadline = 600, minReady = 0, replicas = 2 } = {}): string {
  const file = join(workspace, `${name}-${randomBytes(2).toString('hex')}.yaml`)
  writeFileSync(
    file,
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: { app: ${name} }
spec:
  replicas: ${replicas}
  progressDeadlineSeconds: ${deadline}
  minReadySeconds: ${minReady}
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers:
        - name: web
          image: ${IMAGE('v1')}
          ports: [{ containerPort: 8080 }]
---
apiVersion: v1
kind: Service
metadata: { name: ${name} }
spec:
  selector: { app: ${name} }
  ports: [{ port: 80, targetPort: 8080 }]
`
  )
  return file
}

async function deploy(
  inputs: Record<string, string>,
  options: RunOptions = {}
): Promise<RunResult> {
  const r = await runAction('k8s-deploy', {
    node,
    cwd: workspace,
    timeoutMs: 150_000,
    actor: 'octocat',
    ...options,
    inputs: { kubeconfig: KUBECONFIG, ...inputs }
  })
  expect(secretLeaks(r, [k8s.token])).toEqual([])
  expect(r.summary).not.toContain(k8s.token)
  return r
}

const errorsOf = (r: RunResult) =>
  r.annotations
    .filter((a) => a.level === 'error')
    .map((a) => a.message)
    .join('\n')

beforeAll(async () => {
  const ready = await kube('GET', '/readyz')
  if (ready.status !== 200)
    throw new Error(`the sandbox apiserver ${k8s.server} is not ready (${ready.status})`)
})

afterAll(async () => {
  for (const ns of namespaces) await kube('DELETE', `/api/v1/namespaces/${ns}`)
  rmSync(workspace, { recursive: true, force: true })
}, 60_000)

describe('k8s-deploy against the sandbox apiserver', () => {
  test(
    'v1 then v2 of a Deployment and a Service: the step ends when the rollout completes; revision 1 → 2',
    async () => {
      const ns = await namespace('roll')
      const file = manifest('shop')
      const first = await deploy({
        manifests: file,
        namespace: ns,
        image: IMAGE('v1'),
        containers: 'web'
      })
      expect(errorsOf(first)).toBe('')
      expect(first.exitCode).toBe(0)
      expect(first.outputs).toMatchObject({
        result: 'completed',
        namespace: ns,
        revision: '1',
        'previous-revision': '',
        'rolled-back': 'false'
      })

      const second = await deploy(
        { manifests: file, namespace: ns, image: IMAGE('v2'), containers: 'web', version: '2.0.0' },
        { runNumber: '42' }
      )
      expect(errorsOf(second)).toBe('')
      expect(second.outputs).toMatchObject({
        result: 'completed',
        revision: '2',
        'previous-revision': '1'
      })
      expect(second.summary).toContain('1 → 2')
      expect(second.summary).toContain('Service/shop')
      expect(JSON.parse(second.outputs.resources!)).toEqual([
        {
          kind: 'Deployment',
          name: 'shop',
          revisionBefore: 1,
          revisionAfter: 2,
          result: 'complete',
          rolledBack: false
        }
      ])
      // When the step ended, the cluster itself says the rollout is complete.
      const d = await deployment(ns, 'shop')
      expect(imageOf(d)).toBe(IMAGE('v2'))
      expect(d.status).toMatchObject({
        updatedReplicas: 2,
        readyReplicas: 2,
        availableReplicas: 2,
        replicas: 2
      })
      expect(d.status.observedGeneration).toBe(d.metadata.generation)
      expect(d.metadata.annotations).toMatchObject({
        'gantry.dev/version': '2.0.0',
        'gantry.dev/actor': 'octocat'
      })
      expect(d.metadata.annotations['kubernetes.io/change-cause']).toContain(
        'gantry k8s-deploy 2.0.0 by octocat'
      )
      // Applied server-side under our field manager.
      expect(
        d.metadata.managedFields.some(
          (f: Dict) => f.manager === 'gantry' && f.operation === 'Apply'
        )
      ).toBe(true)
    },
    TIMEOUT
  )

  test(
    'a broken image: the progress deadline passes, the rollout is undone and followed to healthy; the step fails naming the pods',
    async () => {
      const ns = await namespace('broken')
      const file = manifest('shop', { deadline: 10 })
      expect((await deploy({ manifests: file, namespace: ns, image: IMAGE('v1') })).exitCode).toBe(
        0
      )
      const r = await deploy({ manifests: file, namespace: ns, image: IMAGE('broken') })
      expect(r.exitCode).not.toBe(0)
      const error = errorsOf(r)
      expect(error).toContain(
        `The rollout of Deployment/shop in ${ns} (revision 1 → 2) failed: progress deadline exceeded`
      )
      expect(error).toContain(
        'It was rolled back to the template of revision 1, which is healthy again (now revision 3)'
      )
      expect(error).toMatch(
        /shop-[a-z0-9]+-[a-z0-9]+ \(container web\): CrashLoopBackOff, \d+ restarts?: .*last termination: Error, exit code 1: demo-app: this build is broken/
      )
      expect(r.outputs).toMatchObject({
        result: 'rolled-back',
        'rolled-back': 'true',
        revision: '3',
        'previous-revision': '1'
      })
      expect(r.summary).toContain('rolled back to the template of 1 (now 3)')
      const d = await deployment(ns, 'shop')
      expect(imageOf(d)).toBe(IMAGE('v1'))
      expect(d.status).toMatchObject({ updatedReplicas: 2, availableReplicas: 2, replicas: 2 })
      // The next deploy by the same field manager applies cleanly after the undo.
      const again = await deploy({ manifests: file, namespace: ns, image: IMAGE('v2') })
      expect(errorsOf(again)).toBe('')
      expect(imageOf(await deployment(ns, 'shop'))).toBe(IMAGE('v2'))
    },
    TIMEOUT
  )

  test(
    'rollback-to: previous after a good deploy restores the previous revision',
    async () => {
      const ns = await namespace('undo')
      const file = manifest('shop')
      await deploy({ manifests: file, namespace: ns, image: IMAGE('v1') })
      await deploy({ manifests: file, namespace: ns, image: IMAGE('v2') })
      const r = await deploy(
        { manifests: file, namespace: ns, 'rollback-to': 'previous' },
        { event: { kind: 'workflow_dispatch', branch: 'main' } }
      )
      expect(errorsOf(r)).toBe('')
      expect(r.outputs).toMatchObject({
        result: 'completed',
        'rolled-back': 'true',
        'previous-revision': '2',
        revision: '3'
      })
      const d = await deployment(ns, 'shop')
      expect(imageOf(d)).toBe(IMAGE('v1'))
      expect(d.status).toMatchObject({ updatedReplicas: 2, availableReplicas: 2 })
    },
    TIMEOUT
  )

  test(
    'two deploys of one app at once: the second waits for the Lease, or times out naming the holder',
    async () => {
      const ns = await namespace('lease')
      const file = manifest('shop', { minReady: 8, replicas: 1 })
      await deploy({ manifests: file, namespace: ns, image: IMAGE('v1') })
      const first = deploy(
        { manifests: file, namespace: ns, image: IMAGE('v2') },
        { runNumber: '1', env: { GITHUB_RUN_ID: '1001' } }
      )
      // Starts once the first run holds the Lease.
      for (let i = 0; i < 100; i++) {
        const lease = await kube(
          'GET',
          `/apis/coordination.k8s.io/v1/namespaces/${ns}/leases/gantry-deploy-shop`
        )
        if (lease.status === 200) break
        await new Promise((r) => setTimeout(r, 100))
      }
      const [impatient, patient] = await Promise.all([
        deploy(
          { manifests: file, namespace: ns, image: IMAGE('v1'), 'lock-timeout': '1s' },
          { env: { GITHUB_RUN_ID: '1002' } }
        ),
        deploy(
          { manifests: file, namespace: ns, image: IMAGE('v1'), 'lock-timeout': '90s' },
          { env: { GITHUB_RUN_ID: '1003' } }
        )
      ])
      const winner = await first
      expect(errorsOf(winner)).toBe('')
      expect(impatient.exitCode).not.toBe(0)
      expect(errorsOf(impatient)).toMatch(
        new RegExp(
          `Lease ${ns}/gantry-deploy-shop is held by acme/\\S+ run 1001/1 .*by octocat .*\\(until 20\\d\\d-`
        )
      )
      expect(patient.stdout).toContain(`Waiting for Lease ${ns}/gantry-deploy-shop, held by`)
      expect(errorsOf(patient)).toBe('')
      // Released afterwards: nothing holds it.
      const lease = await kube(
        'GET',
        `/apis/coordination.k8s.io/v1/namespaces/${ns}/leases/gantry-deploy-shop`
      )
      expect(lease.status).toBe(404)
    },
    TIMEOUT
  )

  test(
    'dry run: the server says what would change, and nothing changes',
    async () => {
      const ns = await namespace('dry')
      const file = manifest('shop')
      await deploy({ manifests: file, namespace: ns, image: IMAGE('v1') })
      const r = await deploy({
        manifests: file,
        namespace: ns,
        image: IMAGE('v2'),
        'dry-run': 'true'
      })
      expect(errorsOf(r)).toBe('')
      expect(r.stdout).toContain(
        `spec.template.spec.containers[name=web].image: ${IMAGE('v1')} → ${IMAGE('v2')}`
      )
      expect(imageOf(await deployment(ns, 'shop'))).toBe(IMAGE('v1'))
    },
    TIMEOUT
  )

  test(
    'EKS: a token made as `aws eks get-token` makes it, accepted by the cluster’s token webhook',
    async () => {
      const ns = await namespace('eks')
      const file = manifest('shop')
      const r = await deploy(
        {
          kubeconfig: '',
          'eks-cluster': k8s.eks.clusterName,
          region: 'eu-west-1',
          server: k8s.server,
          'certificate-authority-data': CA.toString('base64'),
          manifests: file,
          namespace: ns,
          image: IMAGE('v1')
        },
        {
          env: {
            AWS_ACCESS_KEY_ID: `AKIA${marker.toUpperCase()}EXAMPLE00`,
            AWS_SECRET_ACCESS_KEY: 'not-a-real-secret-key',
            AWS_EC2_METADATA_DISABLED: 'true'
          }
        }
      )
      expect(errorsOf(r)).toBe('')
      expect(r.outputs.result).toBe('completed')
      const reviews = (await (
        await fetch(`${k8s.eks.authenticatorUrl}/_sandbox/reviews`)
      ).json()) as Dict[]
      expect(
        reviews.some((x) => x.authenticated && x.keyId === `AKIA${marker.toUpperCase()}EXAMPLE00`)
      ).toBe(true)
      const d = await deployment(ns, 'shop')
      expect(d.metadata.managedFields.some((f: Dict) => f.manager === 'gantry')).toBe(true)
    },
    TIMEOUT
  )

  test(
    'hostile values in inputs and manifest substitutions are data',
    async () => {
      const ns = await namespace('hostile')
      const file = manifest('shop', { replicas: 1 })
      for (const value of HOSTILE_VALUES.slice(0, 8)) {
        const bad = await deploy({ manifests: file, namespace: value, image: IMAGE('v1') })
        expect(bad.exitCode).not.toBe(0)
        expect(errorsOf(bad)).toContain("Input 'namespace' is")
        const badImage = await deploy({
          manifests: file,
          namespace: ns,
          image: `${IMAGE('v1')}${value}`
        })
        expect(errorsOf(badImage)).toContain("Input 'image' is")
      }
      // As annotation values (version, actor) they are stored verbatim and run nothing.
      const version = HOSTILE_VALUES[0]! + ' ' + HOSTILE_VALUES[4]!
      const actor = 'o\'c"a$(t)`x`'
      const r = await deploy(
        { manifests: file, namespace: ns, image: IMAGE('v1'), version },
        { actor }
      )
      expect(errorsOf(r)).toBe('')
      const d = await deployment(ns, 'shop')
      expect(d.metadata.annotations['gantry.dev/version']).toBe(version)
      expect(d.metadata.annotations['gantry.dev/actor']).toBe(actor)
      expect(existsSync('/tmp/gantry-pwned')).toBe(false)
    },
    TIMEOUT
  )
})
