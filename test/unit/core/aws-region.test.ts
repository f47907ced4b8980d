import { describe, expect, test } from '@jest/globals'
// The SDK's own partitions table, as the ECR and ECS clients resolve endpoints with it.
import { partition as sdkPartition } from '@aws-sdk/core/client'
import { isRegion, regionPartition, resolveRegion } from '../../../src/core/aws-region.js'

/** Real regions of every partition, and the partition each belongs to. */
const REAL: [string, string, string][] = [
  ['us-east-1', 'aws', 'amazonaws.com'],
  ['eu-west-1', 'aws', 'amazonaws.com'],
  ['eu-central-2', 'aws', 'amazonaws.com'],
  ['ap-southeast-5', 'aws', 'amazonaws.com'],
  ['ap-northeast-3', 'aws', 'amazonaws.com'],
  ['ca-west-1', 'aws', 'amazonaws.com'],
  ['sa-east-1', 'aws', 'amazonaws.com'],
  ['me-central-1', 'aws', 'amazonaws.com'],
  ['af-south-1', 'aws', 'amazonaws.com'],
  ['il-central-1', 'aws', 'amazonaws.com'],
  ['mx-central-1', 'aws', 'amazonaws.com'],
  ['cn-north-1', 'aws-cn', 'amazonaws.com.cn'],
  ['cn-northwest-1', 'aws-cn', 'amazonaws.com.cn'],
  ['us-gov-west-1', 'aws-us-gov', 'amazonaws.com'],
  ['us-gov-east-1', 'aws-us-gov', 'amazonaws.com'],
  ['us-iso-east-1', 'aws-iso', 'c2s.ic.gov'],
  ['us-iso-west-1', 'aws-iso', 'c2s.ic.gov'],
  ['us-isob-east-1', 'aws-iso-b', 'sc2s.sgov.gov'],
  ['eu-isoe-west-1', 'aws-iso-e', 'cloud.adc-e.uk'],
  ['us-isof-south-1', 'aws-iso-f', 'csp.hci.ic.gov'],
  ['us-isof-east-1', 'aws-iso-f', 'csp.hci.ic.gov'],
  ['eusc-de-east-1', 'aws-eusc', 'amazonaws.eu']
]

describe('regionPartition', () => {
  test.each(REAL)('%s is a region of %s', (region, id, dnsSuffix) => {
    expect(regionPartition(region)).toEqual({ id, dnsSuffix })
    expect(isRegion(region)).toBe(true)
  })

  test.each(REAL)('%s: the same partition as the AWS SDK resolves', (region) => {
    const sdk = sdkPartition(region)
    expect({ id: sdk.name, dnsSuffix: sdk.dnsSuffix }).toEqual(regionPartition(region))
  })

  // A region AWS has not opened yet still fits its partition's pattern.
  test.each([
    ['eu-south-3', 'aws'],
    ['ap-southeast-12', 'aws'],
    ['cn-south-1', 'aws-cn'],
    ['eusc-de-west-1', 'aws-eusc']
  ])('%s (not open yet) fits %s', (region, id) => {
    expect(regionPartition(region)?.id).toBe(id)
  })

  test.each([
    '',
    'mars',
    'Frankfurt',
    'Europe (Ireland)',
    'EU-WEST-1',
    'eu-west',
    'eu-west1',
    'euwest-1',
    'eu-west-1a', // an availability zone
    ' eu-west-1',
    'eu-west-1\n',
    'eu-west-123',
    'xx-west-1', // no partition has the prefix
    'eusc-fr-east-1', // the sovereign cloud names Germany only
    'us-gov-west',
    'aws-global', // the SDK's pseudo-region for global endpoints
    'eu-west-1;rm -rf /',
    'eu_west_1'
  ])('%j is no region', (text) => {
    expect(regionPartition(text)).toBeUndefined()
    expect(isRegion(text)).toBe(false)
  })
})

describe('resolveRegion', () => {
  test.each<[string | undefined, Record<string, string>, string]>([
    ['eu-west-1', { AWS_REGION: 'us-east-1' }, 'eu-west-1'],
    [undefined, { AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'eu-west-1' }, 'us-east-1'],
    [undefined, { AWS_REGION: '', AWS_DEFAULT_REGION: 'eusc-de-east-1' }, 'eusc-de-east-1'],
    [undefined, { AWS_REGION: ' cn-north-1 ' }, 'cn-north-1']
  ])('input %j, env %j: %s', (given, env, region) => {
    expect(resolveRegion('region', given, env)).toBe(region)
  })

  test.each<[string | undefined, Record<string, string>, string]>([
    [undefined, {}, ''],
    [undefined, { AWS_REGION: '' }, ''],
    ['Frankfurt', { AWS_REGION: 'eu-central-1' }, 'Frankfurt'],
    [undefined, { AWS_REGION: 'mars' }, 'mars']
  ])('input %j, env %j: refused, naming the input and %j', (given, env, value) => {
    expect(() => resolveRegion('region', given, env)).toThrow(
      `Input 'region' is ${JSON.stringify(value)}: expected an AWS region such as \`eu-west-1\` (default: AWS_REGION or AWS_DEFAULT_REGION, as aws-actions/configure-aws-credentials sets them).`
    )
  })
})
