#!/usr/bin/env node
// `npm run demo`: the GitFlow story as far as the landed actions go, through the real bundles and
// the runner contract: each push computes the version and tags (`version`) and decides where it
// deploys (`environment`), as a pipeline would, with a readable timeline. Later issues extend it
// with push, deploy, approval and Slack against the sandbox.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseAnnotations, parseFileCommands } from '../test/harness/file-commands.js'

const ROOT = join(import.meta.dirname, '..')
const repo = mkdtempSync(join(tmpdir(), 'gantry-demo-'))
const git = (...args) =>
  execFileSync('git', args, {
    cwd: repo,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'demo',
      GIT_AUTHOR_EMAIL: 'demo@example.com',
      GIT_COMMITTER_NAME: 'demo',
      GIT_COMMITTER_EMAIL: 'demo@example.com'
    }
  })
    .toString()
    .trim()

// A project with a release tag and an environments file, like a team's repository.
git('init', '-q', '-b', 'develop')
mkdirSync(join(repo, '.github'))
writeFileSync(
  join(repo, '.github', 'gantry.yml'),
  `environments:
  sandbox:
    hosts: [deploy@127.0.0.11, deploy@127.0.0.12]
    url: http://sandbox.shop.local
  staging:
    hosts: [deploy@127.0.0.13]
  prod:
    hosts: [deploy@127.0.0.14, deploy@127.0.0.15]
    url: https://shop.example.com
`
)
git('add', '-A')
git('commit', '-q', '-m', 'shop: first release')
git('tag', 'v1.3.0')
git('commit', '-q', '--allow-empty', '-m', 'feat: basket')

const IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop'

function step(action, inputs, ctx) {
  const dir = mkdtempSync(join(tmpdir(), `gantry-demo-${action}-`))
  const files = Object.fromEntries(
    ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_STATE', 'GITHUB_ENV'].map((k) => [
      k,
      join(dir, k)
    ])
  )
  for (const f of Object.values(files)) writeFileSync(f, '')
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: String(1000 + Number(ctx.run)),
    GITHUB_RUN_NUMBER: ctx.run,
    GITHUB_SHA: git('rev-parse', 'HEAD'),
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: ctx.ref,
    ...files,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))
  }
  const started = process.hrtime.bigint()
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', action, 'index.js')], {
    cwd: repo,
    env,
    encoding: 'utf8'
  })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  return {
    code: r.status,
    ms,
    outputs: parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    annotations: parseAnnotations(r.stdout)
  }
}

const story = [
  { title: 'push to develop', ref: 'refs/heads/develop', run: '57' },
  { title: 'merge develop → preprod', ref: 'refs/heads/preprod', run: '58' },
  { title: 'merge preprod → master', ref: 'refs/heads/master', run: '59' },
  { title: 'a feature branch', ref: 'refs/heads/feature/basket', run: '60' },
  { title: 'tag the release v1.4.0', ref: 'refs/tags/v1.4.0', run: '61' }
]

console.log(`Gantry demo: the GitFlow pipeline of acme/shop (a throwaway repository in ${repo})\n`)
for (const ctx of story) {
  console.log(`▶ ${ctx.title}  (${ctx.ref}, run #${ctx.run})`)
  const version = step(
    'version',
    { images: IMAGE, 'fixed-branch-tags': 'develop, preprod, master' },
    ctx
  )
  if (version.code !== 0) throw new Error(`version failed: ${JSON.stringify(version.annotations)}`)
  console.log(
    `  version      ${version.outputs.version.padEnd(12)} ${version.ms.toFixed(0).padStart(4)} ms`
  )
  for (const tag of version.outputs['tag-list'].split('\n'))
    console.log(`                 push ${IMAGE.split('/').pop()}:${tag}`)
  const environment = step('environment', {}, ctx)
  if (environment.code !== 0)
    throw new Error(`environment failed: ${JSON.stringify(environment.annotations)}`)
  const o = environment.outputs
  const where =
    o.deploy === 'true'
      ? `${o.environment} on ${JSON.parse(o.hosts).join(', ') || '(no hosts configured)'}${o['requires-approval'] === 'true' ? ', after approval' : ''}`
      : `no deploy: ${environment.annotations[0]?.message ?? ''}`
  console.log(`  environment  ${where}  ${environment.ms.toFixed(0)} ms\n`)
}
console.log(
  'Next (later issues): push to the sandbox registry, deploy over SSH with health checks and rollback, approval, Slack.'
)
