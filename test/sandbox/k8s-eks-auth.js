#!/usr/bin/env node
// The sandbox's stand-in for the EKS authenticator (aws-iam-authenticator): the apiserver's token
// webhook sends it every bearer token it does not know. A token is accepted when it has the shape
// `aws eks get-token` gives it: `k8s-aws-v1.` + base64url (no padding) of a presigned STS
// GetCallerIdentity URL, signed with SigV4 for `sts` in the URL's region, host and
// x-k8s-aws-id signed, expiring in at most 15 minutes and dated within the last 15. Neither the
// signature nor the signed cluster name can be checked without STS: only their form. Accepted callers are `system:masters`, named after their key id.
// GET /_sandbox/reviews lists what it decided. Usage: node k8s-eks-auth.js <config.json>
import { readFileSync } from 'node:fs'
import http from 'node:http'
import process from 'node:process'

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const reviews = []

/** Why the token is not an EKS token for this cluster, or null when it is. */
export function rejectReason(token, now = Date.now()) {
  const prefix = 'k8s-aws-v1.'
  if (!token.startsWith(prefix)) return 'no k8s-aws-v1. prefix'
  const encoded = token.slice(prefix.length)
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return 'not base64url without padding'
  let url
  try {
    url = new URL(Buffer.from(encoded, 'base64url').toString('utf8'))
  } catch {
    return 'not a URL'
  }
  const q = url.searchParams
  const region = /^sts\.([a-z0-9-]+)\.amazonaws\.com$/.exec(url.hostname)?.[1]
  if (url.protocol !== 'https:' || !region)
    return `host ${url.hostname} is not sts.<region>.amazonaws.com`
  if (url.pathname !== '/') return `path ${url.pathname}`
  if (q.get('Action') !== 'GetCallerIdentity' || q.get('Version') !== '2011-06-15')
    return 'not GetCallerIdentity 2011-06-15'
  if (q.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') return 'not AWS4-HMAC-SHA256'
  const credential = q.get('X-Amz-Credential') ?? ''
  const [keyId, date, credRegion, service, terminator] = credential.split('/')
  if (!/^[A-Z0-9]{16,128}$/.test(keyId ?? '')) return 'no access key id'
  if (credRegion !== region || service !== 'sts' || terminator !== 'aws4_request')
    return `credential scope ${credential.split('/').slice(1).join('/')}`
  const amzDate = q.get('X-Amz-Date') ?? ''
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate)
  if (!m || m.slice(1, 4).join('') !== date) return `X-Amz-Date ${amzDate}`
  const signedAt = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])
  const expires = Number(q.get('X-Amz-Expires'))
  if (!(expires > 0 && expires <= 900)) return `X-Amz-Expires ${q.get('X-Amz-Expires')}`
  if (now - signedAt > 900_000 || signedAt - now > 300_000) return 'signed too long ago'
  const signed = (q.get('X-Amz-SignedHeaders') ?? '').split(';')
  if (!signed.includes('host') || !signed.includes('x-k8s-aws-id'))
    return 'host and x-k8s-aws-id are not both signed'
  if (!/^[0-9a-f]{64}$/.test(q.get('X-Amz-Signature') ?? '')) return 'no signature'
  if (q.has('x-k8s-aws-id')) return 'x-k8s-aws-id must be a signed header, not a query parameter'
  return null
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/_sandbox/health') {
    res.writeHead(200, { 'content-type': 'application/json' })
    return res.end(JSON.stringify({ pid: process.pid }))
  }
  if (req.method === 'GET' && req.url === '/_sandbox/reviews') {
    res.writeHead(200, { 'content-type': 'application/json' })
    return res.end(JSON.stringify(reviews))
  }
  let body = ''
  req.on('data', (d) => (body += d))
  req.on('end', () => {
    let review
    try {
      review = JSON.parse(body)
    } catch {
      res.writeHead(400)
      return res.end()
    }
    const token = review?.spec?.token ?? ''
    const reason = rejectReason(token)
    const keyId = reason
      ? undefined
      : new URL(Buffer.from(token.slice(11), 'base64url').toString()).searchParams
          .get('X-Amz-Credential')
          .split('/')[0]
    reviews.push({ at: new Date().toISOString(), authenticated: !reason, reason, keyId })
    if (reviews.length > 200) reviews.shift()
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(
      JSON.stringify({
        apiVersion: review.apiVersion ?? 'authentication.k8s.io/v1beta1',
        kind: 'TokenReview',
        status: reason
          ? { authenticated: false, error: reason }
          : {
              authenticated: true,
              user: {
                username: `arn:aws:iam::000000000000:user/${keyId}`,
                uid: `aws-iam-authenticator:${keyId}`,
                groups: ['system:masters']
              }
            }
      })
    )
  })
})

server.listen(config.port, config.address, () =>
  console.log(
    `eks token authenticator on http://${config.address}:${config.port}, pid ${process.pid}`
  )
)
