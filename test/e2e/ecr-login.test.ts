// The ecr-login bundle end to end, main and post entries, under Node 20 and 24. AWS is reached
// through AWS_ENDPOINT_URL_ECR at a loopback server that speaks ECR's wire protocol (JSON 1.1,
// `X-Amz-Target`, SigV4-signed requests) with ECR's answer shapes, so the real SDK (lazily
// loaded by the bundle) runs unchanged. There is no Docker CLI on PATH here: the login goes into
// the Docker config, as on a runner without Docker.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NODES, runAction, secretLeaks } from '../harness/run-action.js'

const PASSWORD = `eyJwYXlsb2FkIjoi${Math.random().toString(36).slice(2)}In0=`
const REGISTRY = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'

interface AwsCall {
  target: string
  body: unknown
  signed: boolean
}
const calls: AwsCall[] = []
let answer: { status: number; body: unknown } = { status: 200, body: {} }
let server: Server
let endpoint: string

beforeAll(async () => {
  server = createServer(async (req, res) => {
    let text = ''
    for await (const chunk of req) text += String(chunk)
    calls.push({
      target: String(req.headers['x-amz-target']),
      body: JSON.parse(text || '{}'),
      signed: /^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\//.test(
        String(req.headers.authorization)
      )
    })
    res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.1' })
    res.end(JSON.stringify(answer.body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
const workspaces: string[] = []
afterAll(async () => {
  workspaces.forEach((dir) => rmSync(dir, { recursive: true, force: true }))
  await new Promise((resolve) => server.close(resolve))
})

const tokenAnswer = {
  status: 200,
  body: {
    authorizationData: [
      {
        authorizationToken: Buffer.from(`AWS:${PASSWORD}`).toString('base64'),
        expiresAt: 1795726800,
        proxyEndpoint: `https://${REGISTRY}`
      }
    ]
  }
}

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-e2e-ecr-'))
  workspaces.push(dir)
  const bin = join(dir, 'bin') // a PATH without docker
  mkdirSync(bin)
  const dockerConfig = join(dir, 'docker')
  return {
    dockerConfig,
    env: {
      PATH: bin,
      DOCKER_CONFIG: dockerConfig,
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      AWS_REGION: 'eu-west-1',
      AWS_ENDPOINT_URL_ECR: endpoint,
      AWS_EC2_METADATA_DISABLED: 'true'
    },
    config: () => JSON.parse(readFileSync(join(dockerConfig, 'config.json'), 'utf8'))
  }
}

describe.each(NODES)('ecr-login on $name', ({ path: node }) => {
  test('token from ECR → Docker config entry, masked; the post step removes the entry', async () => {
    answer = tokenAnswer
    calls.length = 0
    const ws = workspace()
    mkdirSync(ws.dockerConfig)
    writeFileSync(
      join(ws.dockerConfig, 'config.json'),
      JSON.stringify({ auths: { 'ghcr.io': { auth: 'a2VlcDptZQ==' } } })
    )
    const main = await runAction('ecr-login', {
      node,
      env: ws.env,
      inputs: { registries: '123456789012' }
    })
    expect(main.exitCode).toBe(0)
    expect(calls).toEqual([
      {
        target: 'AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken',
        body: { registryIds: ['123456789012'] },
        signed: true
      }
    ])
    expect(main.outputs).toMatchObject({
      registry: REGISTRY,
      'docker-username': 'AWS',
      'docker-password': PASSWORD
    })
    expect(main.stdout.split('\n')[0]).toBe(`::add-mask::${PASSWORD}`)
    expect(secretLeaks(main, [PASSWORD])).toEqual([])
    expect(ws.config().auths).toEqual({
      'ghcr.io': { auth: 'a2VlcDptZQ==' },
      [REGISTRY]: { auth: Buffer.from(`AWS:${PASSWORD}`).toString('base64') }
    })
    expect(main.state).toEqual({
      'logout-via': 'config',
      'docker-config': ws.dockerConfig,
      registries: JSON.stringify([REGISTRY])
    })
    expect(main.summary).toContain(
      `| <code>${REGISTRY}</code> | Docker config | ${new Date(1795726800e3).toISOString()} |`
    )

    const post = await runAction('ecr-login', {
      node,
      env: ws.env,
      entry: 'post',
      state: main.state
    })
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toContain(`Logged out of ${REGISTRY}`)
    expect(ws.config().auths).toEqual({ 'ghcr.io': { auth: 'a2VlcDptZQ==' } })
  })

  test('mask-password: false hands the credentials to the outputs, unmasked, and prints them nowhere', async () => {
    answer = tokenAnswer
    const ws = workspace()
    const main = await runAction('ecr-login', {
      node,
      env: ws.env,
      inputs: { 'mask-password': 'false' }
    })
    expect(main.exitCode).toBe(0)
    expect(main.outputs).toEqual({
      registry: REGISTRY,
      'docker-username': 'AWS',
      'docker-password': PASSWORD,
      docker_username_123456789012_dkr_ecr_eu_west_1_amazonaws_com: 'AWS',
      docker_password_123456789012_dkr_ecr_eu_west_1_amazonaws_com: PASSWORD
    })
    expect(main.stdout).not.toContain(PASSWORD)
    expect(main.stderr).not.toContain(PASSWORD)
  })

  test('expired credentials: AWS says so, the action says what to do, nothing is logged in', async () => {
    answer = {
      status: 400,
      body: {
        __type: 'ExpiredTokenException',
        message: 'The security token included in the request is expired'
      }
    }
    const ws = workspace()
    const main = await runAction('ecr-login', { node, env: ws.env })
    expect(main.exitCode).toBe(1)
    expect(main.annotations.map((a) => a.message)).toEqual([
      'AWS refused GetAuthorizationToken: the credentials have expired (ExpiredTokenException: The security token included in the request is expired). Refresh them right before this step (aws-actions/configure-aws-credentials, or new AWS_* variables on CircleCI).'
    ])
    expect(main.state).toEqual({})
    const post = await runAction('ecr-login', {
      node,
      env: ws.env,
      entry: 'post',
      state: main.state
    })
    expect(post.exitCode).toBe(0)
    expect(post.stdout.trim()).toBe('No registry to log out of.')
  })

  test.each([
    [
      { region: 'mars' },
      'Input \'region\' is "mars": expected an AWS region such as `eu-west-1` (default: AWS_REGION or AWS_DEFAULT_REGION, as aws-actions/configure-aws-credentials sets them).'
    ],
    [
      { registries: '12345' },
      'Input \'registries\' is "12345": expected AWS account IDs of 12 digits, comma-separated (quote an ID that starts with 0).'
    ],
    [
      { 'expire-untagged-days': '-1' },
      'Input \'expire-untagged-days\' is "-1": expected a whole number from 0 to 3650.'
    ]
  ])('a bad input %j fails before AWS is called', async (inputs, message) => {
    calls.length = 0
    const main = await runAction('ecr-login', { node, env: workspace().env, inputs })
    expect(main.exitCode).toBe(1)
    expect(main.annotations.map((a) => a.message)).toEqual([message])
    expect(calls).toEqual([])
  })
})
