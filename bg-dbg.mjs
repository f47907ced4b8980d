import { readSandbox } from './test/sandbox/description.js'
import { onHost } from './test/harness/hosts.js'
const s = readSandbox()
const h = s.hosts[0]
console.log(onHost(s, h, process.argv[2]))
