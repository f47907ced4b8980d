/**
 * src/io/k8s.ts's AWS side: DescribeCluster against a mocked EKS client (aws-sdk-client-mock)
 * with EKS's answer shapes, and the EKS token: the same SigV4 presigned URL `aws eks get-token`
 * prints, checked field by field (the sandbox's authenticator accepts it through the real
 * apiserver in test/integration/k8s-deploy.test.ts).
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import { DescribeClusterCommand, EKSClient, ResourceNotFoundException } from '@aws-sdk/client-eks'
import { mockClient } from 'aws-sdk-client-mock'
import { describeEksCluster, eksToken } from '../../src/io/k8s.js'
import { ConfigurationError } from '../../src/lib/errors.js'

const CA = Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n').toString(
  'base64'
)

describe('describeEksCluster', () => {
  let eks: ReturnType<typeof mockClient>
  beforeAll(() => {
    eks = mockClient(EKSClient)
  })
  afterEach(() => {
    eks.reset()
  })
  afterAll(() => {
    eks.restore()
  })

  test('the endpoint and CA of the named cluster, as update-kubeconfig reads them', async () => {
    eks.on(DescribeClusterCommand, { name: 'prod' }).resolves({
      cluster: {
        name: 'prod',
        status: 'ACTIVE',
        endpoint: 'https://ABCDEF.gr7.eu-west-1.eks.amazonaws.com',
        certificateAuthority: { data: CA }
      }
    })
    await expect(describeEksCluster('prod', 'eu-west-1')).resolves.toEqual({
      server: 'https://ABCDEF.gr7.eu-west-1.eks.amazonaws.com',
      caData: CA
    })
  })

  test('an unknown cluster and a cluster still being created are errors a user can act on', async () => {
    eks.on(DescribeClusterCommand).rejectsOnce(
      new ResourceNotFoundException({
        message: 'No cluster found for name: prod.',
        $metadata: {}
      })
    )
    await expect(describeEksCluster('prod', 'eu-west-1')).rejects.toThrow(
      new ConfigurationError(
        'EKS has no cluster `prod` in eu-west-1 (check eks-cluster and region)'
      )
    )
    eks.on(DescribeClusterCommand).resolves({ cluster: { name: 'prod', status: 'CREATING' } })
    await expect(describeEksCluster('prod', 'eu-west-1')).rejects.toThrow(
      'has no endpoint or CA yet (status CREATING)'
    )
  })
})

describe('eksToken', () => {
  const env = { ...process.env }
  beforeAll(() => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE'
    process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
    process.env.AWS_SESSION_TOKEN = 'session/token+value='
  })
  afterAll(() => {
    process.env = env
  })

  test('k8s-aws-v1. + base64url of a presigned STS GetCallerIdentity URL with x-k8s-aws-id signed, 60 s', async () => {
    const token = await eksToken('prod', 'eu-west-1')
    expect(token).toMatch(/^k8s-aws-v1\.[A-Za-z0-9_-]+$/)
    const url = new URL(Buffer.from(token.slice('k8s-aws-v1.'.length), 'base64url').toString())
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe(
      'https://sts.eu-west-1.amazonaws.com/'
    )
    const q = Object.fromEntries(url.searchParams)
    expect(q).toMatchObject({
      Action: 'GetCallerIdentity',
      Version: '2011-06-15',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Expires': '60',
      'X-Amz-SignedHeaders': 'host;x-k8s-aws-id',
      'X-Amz-Security-Token': 'session/token+value='
    })
    expect(q['X-Amz-Credential']).toMatch(
      /^AKIAIOSFODNN7EXAMPLE\/\d{8}\/eu-west-1\/sts\/aws4_request$/
    )
    expect(q['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/)
    // The cluster name is a signed header, never a query parameter.
    expect(q['x-k8s-aws-id']).toBeUndefined()
  })
})
