/**
 * src/io/ecr.ts against a mocked SDK client (aws-sdk-client-mock) whose answers are shaped like
 * ECR's, and once against a loopback HTTP server speaking ECR's JSON 1.1 wire protocol, so the
 * error names we classify are the names the real SDK gives real ECR error bodies.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  ECRServiceException,
  GetAuthorizationTokenCommand,
  PutLifecyclePolicyCommand,
  RepositoryAlreadyExistsException,
  RepositoryNotFoundException
} from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ecrApi } from '../../src/io/ecr.js'
import { ConfigurationError } from '../../src/lib/errors.js'

// Mocked only around the tests that use it; the wire tests below need the real `send`.
const mockEcr = () => mockClient(ECRClient)
let ecr: ReturnType<typeof mockEcr>
function useMockedClient() {
  beforeAll(() => {
    ecr = mockEcr()
  })
  afterEach(() => {
    ecr.reset()
  })
  afterAll(() => {
    ecr.restore()
  })
}

const PASSWORD = 'eyJwYXlsb2FkIjoiZmFrZSIsImRhdGFrZXkiOiJrZXkiLCJ2ZXJzaW9uIjoiMiJ9'
const token = (password = PASSWORD) => Buffer.from(`AWS:${password}`).toString('base64')
const authorizationData = (account: string, region = 'eu-west-1') => ({
  authorizationToken: token(),
  expiresAt: new Date('2026-11-23T03:00:00Z'),
  proxyEndpoint: `https://${account}.dkr.ecr.${region}.amazonaws.com`
})

/** How the SDK surfaces an unmodelled AWS error code (the JSON protocol's `__type`). */
function awsError(name: string, message: string, status = 400) {
  return new ECRServiceException({
    name,
    message,
    $fault: 'client',
    $metadata: { httpStatusCode: status }
  })
}

function api(sleeps: number[] = [], retries: string[] = []) {
  return ecrApi({
    region: 'eu-west-1',
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    onRetry: (m) => retries.push(m)
  })
}

describe('getAuthorizationTokens', () => {
  useMockedClient()
  test("the caller's own registry: decoded user, password, host and expiry", async () => {
    ecr
      .on(GetAuthorizationTokenCommand)
      .resolves({ authorizationData: [authorizationData('123456789012')] })
    const logins = await api().getAuthorizationTokens([])
    expect(logins).toEqual([
      {
        registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
        proxyEndpoint: 'https://123456789012.dkr.ecr.eu-west-1.amazonaws.com',
        username: 'AWS',
        password: PASSWORD,
        expiresAt: new Date('2026-11-23T03:00:00Z')
      }
    ])
    expect(ecr.commandCalls(GetAuthorizationTokenCommand)[0]!.args[0].input).toEqual({})
  })

  test('cross-account: one authorization per registry ID, in order', async () => {
    ecr
      .on(GetAuthorizationTokenCommand, { registryIds: ['123456789012', '998877665544'] })
      .resolves({
        authorizationData: [authorizationData('123456789012'), authorizationData('998877665544')]
      })
    const logins = await api().getAuthorizationTokens(['123456789012', '998877665544'])
    expect(logins.map((l) => l.registry)).toEqual([
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
      '998877665544.dkr.ecr.eu-west-1.amazonaws.com'
    ])
  })

  test.each([
    [
      'ExpiredTokenException',
      'The security token included in the request is expired',
      /credentials have expired \(ExpiredTokenException: The security token included in the request is expired\)\. Refresh them/
    ],
    [
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
      /credentials are not valid/
    ],
    [
      'AccessDeniedException',
      'User: arn:aws:sts::123456789012:assumed-role/ci/gh is not authorized to perform: ecr:GetAuthorizationToken',
      /needs the ecr:GetAuthorizationToken permission/
    ],
    [
      'InvalidParameterException',
      "Invalid parameter at 'registryIds' failed to satisfy constraint",
      /ECR GetAuthorizationToken failed \(InvalidParameterException: Invalid parameter at 'registryIds'/
    ]
  ])('%s: a message that says what to do, no retry', async (name, message, expected) => {
    ecr.on(GetAuthorizationTokenCommand).rejects(awsError(name, message))
    const sleeps: number[] = []
    const error = await api(sleeps)
      .getAuthorizationTokens([])
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toMatch(expected)
    expect(ecr.commandCalls(GetAuthorizationTokenCommand)).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

  test('no credentials anywhere: how to provide them, on GitHub and on CircleCI', async () => {
    const error = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError'
    })
    ecr.on(GetAuthorizationTokenCommand).rejects(error)
    await expect(api().getAuthorizationTokens([])).rejects.toThrow(
      /No AWS credentials found \(Could not load credentials from any providers\)\. .*configure-aws-credentials.*AWS_ACCESS_KEY_ID/
    )
  })

  test('throttling is retried with backoff, then succeeds', async () => {
    ecr
      .on(GetAuthorizationTokenCommand)
      .rejectsOnce(awsError('ThrottlingException', 'Rate exceeded'))
      .rejectsOnce(awsError('ThrottlingException', 'Rate exceeded'))
      .resolves({ authorizationData: [authorizationData('123456789012')] })
    const sleeps: number[] = []
    const retries: string[] = []
    const logins = await api(sleeps, retries).getAuthorizationTokens([])
    expect(logins).toHaveLength(1)
    expect(sleeps).toEqual([1000, 2000])
    expect(retries[0]).toBe(
      'ECR GetAuthorizationToken: ThrottlingException: Rate exceeded; attempt 2 of 5 in 1000 ms'
    )
  })

  test('throttling that does not stop: a clear failure after five attempts', async () => {
    ecr.on(GetAuthorizationTokenCommand).rejects(awsError('ThrottlingException', 'Rate exceeded'))
    const sleeps: number[] = []
    await expect(api(sleeps).getAuthorizationTokens([])).rejects.toThrow(
      'ECR GetAuthorizationToken still failed after 5 attempts (ThrottlingException: Rate exceeded).'
    )
    expect(sleeps).toEqual([1000, 2000, 4000, 8000])
  })

  test('an empty answer is an error, not an empty login', async () => {
    ecr.on(GetAuthorizationTokenCommand).resolves({ authorizationData: [] })
    await expect(api().getAuthorizationTokens([])).rejects.toThrow(/no authorization data/)
  })
})

describe('ensureRepository', () => {
  useMockedClient()
  const settings = { scanOnPush: true, tagMutability: 'IMMUTABLE' as const, expireUntaggedDays: 14 }

  test('an existing repository is left exactly as it is', async () => {
    ecr.on(DescribeRepositoriesCommand).resolves({
      repositories: [
        {
          repositoryName: 'shop/api',
          repositoryUri: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/api'
        }
      ]
    })
    expect(await api().ensureRepository('shop/api', settings)).toBe('exists')
    expect(ecr.commandCalls(CreateRepositoryCommand)).toHaveLength(0)
    expect(ecr.commandCalls(PutLifecyclePolicyCommand)).toHaveLength(0)
  })

  test('a missing one is created with scanning, mutability and the untagged-expiry policy', async () => {
    ecr.on(DescribeRepositoriesCommand).rejects(
      new RepositoryNotFoundException({
        message:
          "The repository with name 'shop/api' does not exist in the registry with id '998877665544'",
        $metadata: { httpStatusCode: 400 }
      })
    )
    ecr.on(CreateRepositoryCommand).resolves({ repository: { repositoryName: 'shop/api' } })
    ecr.on(PutLifecyclePolicyCommand).resolves({ repositoryName: 'shop/api' })
    expect(
      await api().ensureRepository('shop/api', { ...settings, registryId: '998877665544' })
    ).toBe('created')
    expect(ecr.commandCalls(DescribeRepositoriesCommand)[0]!.args[0].input).toEqual({
      repositoryNames: ['shop/api'],
      registryId: '998877665544'
    })
    expect(ecr.commandCalls(CreateRepositoryCommand)[0]!.args[0].input).toEqual({
      repositoryName: 'shop/api',
      registryId: '998877665544',
      imageTagMutability: 'IMMUTABLE',
      imageScanningConfiguration: { scanOnPush: true }
    })
    const policy = ecr.commandCalls(PutLifecyclePolicyCommand)[0]!.args[0].input
    expect(JSON.parse(policy.lifecyclePolicyText as string).rules[0].selection).toEqual({
      tagStatus: 'untagged',
      countType: 'sinceImagePushed',
      countUnit: 'days',
      countNumber: 14
    })
  })

  test('expire-untagged-days 0: no policy', async () => {
    ecr
      .on(DescribeRepositoriesCommand)
      .rejects(new RepositoryNotFoundException({ message: 'x', $metadata: {} }))
    ecr.on(CreateRepositoryCommand).resolves({})
    await api().ensureRepository('shop', { ...settings, expireUntaggedDays: 0 })
    expect(ecr.commandCalls(PutLifecyclePolicyCommand)).toHaveLength(0)
  })

  test('created by another job in between: it exists, and is not touched', async () => {
    ecr
      .on(DescribeRepositoriesCommand)
      .rejects(new RepositoryNotFoundException({ message: 'x', $metadata: {} }))
    ecr.on(CreateRepositoryCommand).rejects(
      new RepositoryAlreadyExistsException({
        message: "The repository with name 'shop' already exists",
        $metadata: {}
      })
    )
    expect(await api().ensureRepository('shop', settings)).toBe('exists')
    expect(ecr.commandCalls(PutLifecyclePolicyCommand)).toHaveLength(0)
  })

  test('access denied on create names the permission', async () => {
    ecr
      .on(DescribeRepositoriesCommand)
      .rejects(new RepositoryNotFoundException({ message: 'x', $metadata: {} }))
    ecr
      .on(CreateRepositoryCommand)
      .rejects(awsError('AccessDeniedException', 'not authorized to perform: ecr:CreateRepository'))
    await expect(api().ensureRepository('shop', settings)).rejects.toThrow(
      /needs the ecr:CreateRepository permission/
    )
  })
})

describe('on the wire (ECR JSON 1.1 protocol, real SDK)', () => {
  let server: Server
  let endpoint: string
  const requests: { target: string; body: unknown; authorization: string }[] = []
  const answers: { status: number; body: unknown }[] = []

  beforeAll(async () => {
    server = createServer(async (req: IncomingMessage, res) => {
      let text = ''
      for await (const chunk of req) text += String(chunk)
      requests.push({
        target: String(req.headers['x-amz-target']),
        body: JSON.parse(text || '{}'),
        authorization: String(req.headers.authorization)
      })
      const answer = answers.shift() ?? {
        status: 500,
        body: { __type: 'ServerException', message: 'no answer queued' }
      }
      res.writeHead(answer.status, {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-requestid': 'e2f1c1a0-0000-4000-8000-000000000000'
      })
      res.end(JSON.stringify(answer.body))
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise((r) => server.close(r))
  })

  const wireApi = (sleeps: number[]) =>
    ecrApi({
      region: 'eu-west-1',
      sleep: async (ms) => {
        sleeps.push(ms)
      },
      clientConfig: {
        endpoint,
        credentials: {
          accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
          secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
        }
      }
    })

  test('a signed GetAuthorizationToken; throttling and expiry as the SDK names them', async () => {
    requests.length = 0
    answers.push(
      { status: 400, body: { __type: 'ThrottlingException', message: 'Rate exceeded' } },
      {
        status: 200,
        body: {
          authorizationData: [
            {
              authorizationToken: token(),
              expiresAt: 1.7957268e9,
              proxyEndpoint: 'https://998877665544.dkr.ecr.eu-west-1.amazonaws.com'
            }
          ]
        }
      }
    )
    const sleeps: number[] = []
    const logins = await wireApi(sleeps).getAuthorizationTokens(['998877665544'])
    expect(logins).toEqual([
      {
        registry: '998877665544.dkr.ecr.eu-west-1.amazonaws.com',
        proxyEndpoint: 'https://998877665544.dkr.ecr.eu-west-1.amazonaws.com',
        username: 'AWS',
        password: PASSWORD,
        expiresAt: new Date(1.7957268e12)
      }
    ])
    expect(sleeps).toEqual([1000])
    expect(requests.map((r) => r.target)).toEqual([
      'AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken',
      'AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken'
    ])
    expect(requests[0]!.body).toEqual({ registryIds: ['998877665544'] })
    expect(requests[0]!.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/\d{8}\/eu-west-1\/ecr\/aws4_request/
    )

    answers.push({
      status: 400,
      body: {
        __type: 'ExpiredTokenException',
        message: 'The security token included in the request is expired'
      }
    })
    await expect(wireApi([]).getAuthorizationTokens([])).rejects.toThrow(
      /credentials have expired \(ExpiredTokenException/
    )
  })

  test('RepositoryNotFoundException from the wire leads to CreateRepository', async () => {
    requests.length = 0
    answers.push(
      {
        status: 400,
        body: {
          __type: 'RepositoryNotFoundException',
          message:
            "The repository with name 'shop' does not exist in the registry with id '123456789012'"
        }
      },
      { status: 200, body: { repository: { repositoryName: 'shop' } } }
    )
    expect(
      await wireApi([]).ensureRepository('shop', {
        scanOnPush: false,
        tagMutability: 'MUTABLE',
        expireUntaggedDays: 0
      })
    ).toBe('created')
    expect(requests.map((r) => r.target.split('.')[1])).toEqual([
      'DescribeRepositories',
      'CreateRepository'
    ])
    expect(requests[1]!.body).toEqual({
      repositoryName: 'shop',
      imageTagMutability: 'MUTABLE',
      imageScanningConfiguration: { scanOnPush: false }
    })
  })
})
