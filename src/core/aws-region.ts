/**
 * AWS regions: the one rule every action that talks to AWS checks its region with. A region
 * belongs to a partition, and each partition names its regions by its own pattern (the
 * `regionRegex` of the AWS SDKs' partitions table); new regions of a partition fit its pattern
 * before any SDK lists them, so the patterns decide, not a list of today's regions.
 */
import { InputError } from '../lib/errors.js'

export type PartitionId =
  'aws' | 'aws-cn' | 'aws-us-gov' | 'aws-iso' | 'aws-iso-b' | 'aws-iso-e' | 'aws-iso-f' | 'aws-eusc'

export interface Partition {
  id: PartitionId
  /** The DNS suffix of its service endpoints, e.g. `amazonaws.com.cn`. */
  dnsSuffix: string
}

/**
 * In the SDKs' order; the specific patterns (`us-gov-`, `us-iso-`) come before nothing that
 * could also match them: `aws`'s pattern has one word between prefix and number, so
 * `us-gov-west-1` is not an `aws` region.
 */
const PARTITIONS: readonly (Partition & { pattern: RegExp })[] = [
  {
    id: 'aws',
    dnsSuffix: 'amazonaws.com',
    pattern: /^(?:us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\d{1,2}$/
  },
  { id: 'aws-cn', dnsSuffix: 'amazonaws.com.cn', pattern: /^cn-[a-z]+-\d{1,2}$/ },
  { id: 'aws-us-gov', dnsSuffix: 'amazonaws.com', pattern: /^us-gov-[a-z]+-\d{1,2}$/ },
  { id: 'aws-iso', dnsSuffix: 'c2s.ic.gov', pattern: /^us-iso-[a-z]+-\d{1,2}$/ },
  { id: 'aws-iso-b', dnsSuffix: 'sc2s.sgov.gov', pattern: /^us-isob-[a-z]+-\d{1,2}$/ },
  { id: 'aws-iso-e', dnsSuffix: 'cloud.adc-e.uk', pattern: /^eu-isoe-[a-z]+-\d{1,2}$/ },
  { id: 'aws-iso-f', dnsSuffix: 'csp.hci.ic.gov', pattern: /^us-isof-[a-z]+-\d{1,2}$/ },
  // The AWS European Sovereign Cloud: Germany first; its pattern names the country.
  { id: 'aws-eusc', dnsSuffix: 'amazonaws.eu', pattern: /^eusc-de-[a-z]+-\d{1,2}$/ }
]

/** The partition a region belongs to; undefined when the text is no region of any partition. */
export function regionPartition(region: string): Partition | undefined {
  const found = PARTITIONS.find((p) => p.pattern.test(region))
  return found && { id: found.id, dnsSuffix: found.dnsSuffix }
}

export function isRegion(text: string): boolean {
  return regionPartition(text) !== undefined
}

export const REGION_EXPECTED =
  'an AWS region such as `eu-west-1` (default: AWS_REGION or AWS_DEFAULT_REGION, as aws-actions/configure-aws-credentials sets them)'

type Env = Readonly<Record<string, string | undefined>>

/**
 * The region from the action's input, else from AWS_REGION or AWS_DEFAULT_REGION (empty
 * variables count as unset); an InputError naming `input` when it is no region.
 */
export function resolveRegion(input: string, given: string | undefined, env: Env): string {
  const region = given ?? (env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim())
  if (region === undefined || !isRegion(region)) {
    throw new InputError(input, region ?? '', REGION_EXPECTED)
  }
  return region
}
