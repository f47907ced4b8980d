#!/usr/bin/env node
// A stand-in for the kubelet the sandbox has not got (testbed §12): once a second it lists every
// pod and writes, through the pods' status subresource, what a kubelet would report. Nothing
// runs: pods become Running and Ready, except those whose image is named `broken` (repository
// `…/broken`: ImagePullBackOff) or tagged `broken` (`demo-app:broken`: CrashLoopBackOff with a
// termination message, the restart count climbing). Pods being deleted are removed, as a kubelet
// does once their containers stopped. Usage: node k8s-kubelet.js <config.json>
import { readFileSync } from 'node:fs'
import https from 'node:https'
import process from 'node:process'
import { setTimeout as sleep } from 'node:timers/promises'

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const ca = readFileSync(config.caFile)
const token = readFileSync(config.tokenFile, 'utf8').trim()
const agent = new https.Agent({ ca, keepAlive: true })

function api(method, path, body, contentType = 'application/merge-patch+json') {
  return new Promise((resolve, reject) => {
    const req = https.request(`${config.server}${path}`, {
      method,
      agent,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(body ? { 'content-type': contentType } : {})
      },
      timeout: 10000
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', reject)
    req.on('response', (res) => {
      let text = ''
      res.on('data', (d) => (text += d))
      res.on('end', () =>
        res.statusCode < 300
          ? resolve(text ? JSON.parse(text) : null)
          : reject(new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 300)}`))
      )
    })
    req.end(body ? JSON.stringify(body) : undefined)
  })
}

/** `registry:5000/team/broken:1` → { name: 'broken', tag: '1' }. */
function imageParts(image) {
  const [withoutDigest] = image.split('@')
  const slash = withoutDigest.lastIndexOf('/')
  const last = withoutDigest.slice(slash + 1)
  const colon = last.indexOf(':')
  return colon < 0
    ? { name: last, tag: '' }
    : { name: last.slice(0, colon), tag: last.slice(colon + 1) }
}

const condition = (type, status, reason, message) => ({
  type,
  status,
  lastProbeTime: null,
  lastTransitionTime: new Date().toISOString(),
  ...(reason ? { reason } : {}),
  ...(message ? { message } : {})
})

function containerStatus(pod, container, now) {
  const { name, tag } = imageParts(container.image)
  const previous = (pod.status?.containerStatuses ?? []).find((s) => s.name === container.name)
  if (name === 'broken') {
    return {
      name: container.name,
      image: container.image,
      imageID: '',
      ready: false,
      started: false,
      restartCount: 0,
      state: {
        waiting: {
          reason: 'ImagePullBackOff',
          message: `Back-off pulling image "${container.image}"`
        }
      },
      lastState: {}
    }
  }
  if (tag === 'broken') {
    return {
      name: container.name,
      image: container.image,
      imageID: `docker-pullable://${container.image}`,
      ready: false,
      started: false,
      restartCount: (previous?.restartCount ?? 0) + 1,
      state: {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: `back-off 10s restarting failed container=${container.name} pod=${pod.metadata.name}`
        }
      },
      lastState: {
        terminated: {
          exitCode: 1,
          reason: 'Error',
          message: 'demo-app: this build is broken, exiting 1',
          startedAt: now,
          finishedAt: now
        }
      }
    }
  }
  return {
    name: container.name,
    image: container.image,
    imageID: `docker-pullable://${container.image}`,
    containerID: `containerd://${pod.metadata.uid.replaceAll('-', '')}`,
    ready: true,
    started: true,
    restartCount: 0,
    state: { running: { startedAt: previous?.state?.running?.startedAt ?? now } },
    lastState: {}
  }
}

function desiredStatus(pod) {
  const now = new Date().toISOString()
  const statuses = pod.spec.containers.map((c) => containerStatus(pod, c, now))
  const ready = statuses.every((s) => s.ready)
  const waiting = statuses.find((s) => s.state.waiting)
  const notReady = `containers with unready status: [${statuses
    .filter((s) => !s.ready)
    .map((s) => s.name)
    .join(' ')}]`
  return {
    phase: ready || waiting?.state.waiting.reason === 'CrashLoopBackOff' ? 'Running' : 'Pending',
    hostIP: '127.0.0.1',
    podIP: '127.0.0.1',
    startTime: pod.status?.startTime ?? now,
    conditions: [
      condition('Initialized', 'True'),
      condition(
        'Ready',
        ready ? 'True' : 'False',
        ready ? '' : 'ContainersNotReady',
        ready ? '' : notReady
      ),
      condition(
        'ContainersReady',
        ready ? 'True' : 'False',
        ready ? '' : 'ContainersNotReady',
        ready ? '' : notReady
      ),
      condition('PodScheduled', 'True')
    ],
    containerStatuses: statuses
  }
}

/** A pod needs a write when it is new, or broken (restart counts climb, as a real crash loop). */
function needsUpdate(pod) {
  const statuses = pod.status?.containerStatuses
  if (!statuses || statuses.length !== pod.spec.containers.length) return true
  return statuses.some((s) => !s.ready)
}

async function tick() {
  const pods = await api('GET', '/api/v1/pods')
  for (const pod of pods.items) {
    const { namespace, name } = pod.metadata
    const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}`
    try {
      if (pod.metadata.deletionTimestamp) {
        await api('DELETE', `${path}?gracePeriodSeconds=0`)
      } else if (needsUpdate(pod)) {
        await api('PATCH', `${path}/status`, { status: desiredStatus(pod) })
      }
    } catch (err) {
      if (!/: 404 /.test(err.message)) console.error(`${namespace}/${name}: ${err.message}`)
    }
  }
}

console.log(`kubelet stand-in for ${config.server}, pid ${process.pid}`)
for (;;) {
  try {
    await tick()
  } catch (err) {
    console.error(`tick: ${err.message}`)
  }
  await sleep(config.intervalMs ?? 1000)
}
