// The k8s-deploy bundle end to end, under Node 20 and 24, on the paths that need no cluster: every
// input and manifest is checked before the first request. The kubeconfigs here point at a closed
// loopback port, so a request that should not happen fails differently than expected. The deploy
// paths run against the sandbox's real apiserver in test/integration/k8s-deploy.test.ts.
import { describe, expect, test } from '@jest/globals'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NODES, runAction } from '../harness/run-action.js'

const KUBECONFIG = (extra = '') => `apiVersion: v1
kind: Config
clusters:
- name: c
  cluster:
    server: https://127.0.0.1:9
${extra}users:
- name: u
  user: { token: s3cr3t-token-value }
contexts:
- name: ctx
  context: { cluster: c, user: u }
current-context: ctx
`

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata: { name: shop }
spec:
  selector: { matchLabels: { app: shop } }
  template:
    metadata: { labels: { app: shop } }
    spec:
      containers:
        - { name: web, image: registry.example/shop:1 }
        - { name: proxy, image: envoyproxy/envoy:v1 }
`

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-e2e-k8s-'))
  mkdirSync(join(dir, 'k8s'))
  writeFileSync(join(dir, 'k8s', 'app.yaml'), MANIFEST)
  mkdirSync(join(dir, 'overlay'))
  writeFileSync(
    join(dir, 'overlay', 'kustomization.yaml'),
    'resources: [app.yaml]\nnamePrefix: prod-\n'
  )
  writeFileSync(join(dir, 'overlay', 'app.yaml'), MANIFEST)
  writeFileSync(
    join(dir, 'other-ns.yaml'),
    MANIFEST.replace('name: shop }', 'name: shop, namespace: prod }')
  )
  return dir
}

describe.each(NODES)('k8s-deploy on $name', ({ path: node }) => {
  const run = (inputs: Record<string, string>) =>
    runAction('k8s-deploy', {
      inputs: { kubeconfig: KUBECONFIG(), ...inputs },
      cwd: workspace(),
      node
    })
  const error = (r: { annotations: { level: string; message: string }[] }) =>
    r.annotations
      .filter((a) => a.level === 'error')
      .map((a) => a.message)
      .join('\n')

  test('no credentials: the error says what to give', async () => {
    const r = await run({ kubeconfig: '', manifests: 'k8s' })
    expect(r.exitCode).toBe(1)
    expect(error(r)).toContain(
      'Input \'kubeconfig\' is "": expected a kubeconfig (its content, from a secret), or `eks-cluster`'
    )
  })

  test('an unknown container lists the containers there are, before any request', async () => {
    const r = await run({
      manifests: 'k8s',
      namespace: 'shop',
      image: 'registry.example/shop:2',
      containers: 'api'
    })
    expect(error(r)).toContain(
      'no container named `api` in the manifests (containers: `web`, `proxy`)'
    )
  })

  test('a manifest in another namespace than the input fails, never overridden', async () => {
    const r = await run({
      manifests: 'other-ns.yaml',
      namespace: 'staging',
      image: 'registry.example/shop:2'
    })
    expect(r.exitCode).toBe(1)
    expect(error(r)).toContain(
      'Deployment/shop is in namespace `prod`, but `namespace` is `staging`'
    )
  })

  test('a kubeconfig that skips TLS verification is refused; its token never printed', async () => {
    const r = await run({
      kubeconfig: KUBECONFIG('    insecure-skip-tls-verify: true\n'),
      manifests: 'k8s',
      namespace: 'shop'
    })
    expect(error(r)).toContain('sets insecure-skip-tls-verify')
    expect(
      r.stdout
        .split('\n')
        .filter((l) => l.includes('s3cr3t-token-value') && !l.startsWith('::add-mask::'))
    ).toEqual([])
  })

  test('bad values name the input, the value and what was expected', async () => {
    for (const [inputs, message] of [
      [{ manifests: 'k8s', namespace: 'Shop_1' }, 'Input \'namespace\' is "Shop_1"'],
      [{ manifests: 'k8s', timeout: 'soon' }, 'Input \'timeout\' is "soon"'],
      [{ manifests: 'k8s', 'rollback-to': 'v1' }, 'Input \'rollback-to\' is "v1"'],
      [{ manifests: 'missing.yaml' }, 'Input \'manifests\' is "missing.yaml"'],
      [
        { manifests: 'k8s', 'eks-cluster': 'prod' },
        'Input \'eks-cluster\' is "prod": expected no `kubeconfig` with it'
      ]
    ] as const) {
      expect(error(await run(inputs))).toContain(message)
    }
  })

  test("a kustomization is rendered with the machine's kubectl (argv, no shell); without kubectl, the error says so", async () => {
    const rendered = await runAction('k8s-deploy', {
      inputs: {
        kubeconfig: KUBECONFIG(),
        manifests: 'overlay',
        namespace: 'shop',
        image: 'registry.example/shop:2',
        containers: 'api'
      },
      cwd: workspace(),
      node,
      env: { PATH: '/usr/bin:/bin' }
    })
    // The container list comes from the rendered objects: kustomize ran.
    expect(error(rendered)).toContain(
      'no container named `api` in the manifests (containers: `web`, `proxy`)'
    )
    const missing = await runAction('k8s-deploy', {
      inputs: { kubeconfig: KUBECONFIG(), manifests: 'overlay', namespace: 'shop' },
      cwd: workspace(),
      node,
      env: { PATH: '/nonexistent' }
    })
    expect(error(missing)).toContain('rendering it needs `kubectl` on the PATH')
  })

  test('the cluster unreachable: a clear error, not a stack', async () => {
    const r = await run({ manifests: 'k8s', namespace: 'shop', image: 'registry.example/shop:2' })
    expect(error(r)).toContain('Cannot reach the Kubernetes API at https://127.0.0.1:9')
    // A bundle started under Node 20 and 24 on a loaded 2-core machine: seconds, not a hang.
  }, 30_000)
})
