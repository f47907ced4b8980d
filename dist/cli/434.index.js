export const id = 434;
export const ids = [434];
export const modules = {

/***/ 2434:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  INPUTS: () => (/* reexport */ INPUTS),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/lib/shell.ts
var shell = __webpack_require__(6861);
;// CONCATENATED MODULE: ./src/core/deploy/remote.ts
/**
 * Every command Gantry runs on a deploy host, built as data: a POSIX sh script whose every value
 * went through quote(), plus what goes to its stdin (file contents, the registry password: never
 * on a command line). Nothing here runs anything; src/io/deploy executes these steps over SSH,
 * and the tests assert them exactly, as Kamal's command tests do.
 */

const dirOf = (layout, ...parts) => (0,shell/* remotePath */.QZ)([layout.dir, ...parts].join('/').replace(/\/+/g, '/'));
const RELEASES = 'releases';
const COMPOSE_FILE = 'compose.yml';
const ENV_FILE = '.env';
const RELEASE_RECORD = 'release.json';
/** Written after a swarm rollout completed: each service's image, to recognise the release later. */
const STACK_RECORD = 'stack.json';
/** What the host has: its compose flavour, the current release, the releases kept, its clock. */
function inspectStep(layout) {
    return {
        name: 'inspect',
        script: [
            `if docker compose version >/dev/null 2>&1; then echo 'compose=docker compose'`,
            `elif command -v docker-compose >/dev/null 2>&1; then echo 'compose=docker-compose'`,
            `else echo 'compose='; fi`,
            `echo "now=$(date +%s)"`,
            ...releaseLines(layout)
        ].join('\n'),
        secretStdin: false
    };
}
/** Prints `current=<id>` and one `release=<id>` per kept release. */
function releaseLines(layout) {
    const dir = dirOf(layout);
    return [
        `if [ -L ${dir}/current ]; then echo "current=$(basename "$(readlink ${dir}/current)")"; fi`,
        `if [ -d ${dirOf(layout, RELEASES)} ]; then ls -1 ${dirOf(layout, RELEASES)} | sed 's/^/release=/'; fi`
    ];
}
/**
 * Takes the lock with an atomic mkdir; records who holds it and since when (the host's clock,
 * so no clock skew). When it is held, prints the holder instead.
 */
function lockStep(layout, owner) {
    const lock = dirOf(layout, '.lock');
    return {
        name: 'lock',
        script: `mkdir -p ${dirOf(layout)} && if mkdir ${lock} 2>/dev/null; then ` +
            `date +%s > ${lock}/since && cat > ${lock}/owner.json && echo acquired; ` +
            `else echo held; echo "now=$(date +%s)"; echo "since=$(cat ${lock}/since 2>/dev/null)"; ` +
            `echo "owner=$(cat ${lock}/owner.json 2>/dev/null)"; fi`,
        stdin: JSON.stringify(owner)
    };
}
/** Breaks a stale lock, but only the one seen (same `since`), never one taken meanwhile. */
function breakLockStep(layout, since) {
    const lock = dirOf(layout, '.lock');
    return {
        name: 'break stale lock',
        script: `if [ "$(cat ${lock}/since 2>/dev/null)" = ${(0,shell/* quote */.hD)(since)} ]; then rm -rf ${lock}; fi`
    };
}
/** Releases the lock only if it is still ours. */
function unlockStep(layout, token) {
    const lock = dirOf(layout, '.lock');
    return {
        name: 'unlock',
        script: `if grep -q ${(0,shell/* quote */.hD)(`"token":${JSON.stringify(token)}`)} ${lock}/owner.json 2>/dev/null; then rm -rf ${lock}; fi`
    };
}
function writeFileStep(layout, release, file, content) {
    const dir = dirOf(layout, RELEASES, release);
    return {
        name: `upload ${file}`,
        script: `mkdir -p ${dir} && cat > ${dir}/${(0,shell/* quote */.hD)(file)}`,
        stdin: content
    };
}
function loginStep(registry, username, password) {
    return {
        name: `registry login ${registry}`,
        script: (0,shell/* shellCommand */.q$)(['docker', 'login', '--username', username, '--password-stdin', registry]),
        stdin: password,
        secretStdin: true
    };
}
function composeIn(layout, compose, release, args) {
    const base = compose === 'docker compose' ? ['docker', 'compose'] : ['docker-compose'];
    return `cd ${dirOf(layout, RELEASES, release)} && ${(0,shell/* shellCommand */.q$)([...base, '-p', layout.project, '-f', COMPOSE_FILE, ...args])}`;
}
function pullStep(layout, compose, release) {
    return { name: 'pull', script: composeIn(layout, compose, release, ['pull']) };
}
function upStep(layout, compose, release) {
    return {
        name: 'up',
        script: composeIn(layout, compose, release, ['up', '-d', '--remove-orphans'])
    };
}
/** One line per container of the project: service, state, health (or `none`), exit code. */
function statusStep(layout) {
    const format = '{{index .Config.Labels "com.docker.compose.service"}} {{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}} {{.State.ExitCode}}';
    return {
        name: 'status',
        script: `ids=$(${(0,shell/* shellCommand */.q$)(['docker', 'ps', '-aq', '--filter', `label=com.docker.compose.project=${layout.project}`])}) && ` +
            `if [ -n "$ids" ]; then ${(0,shell/* shellCommand */.q$)(['docker', 'inspect', '--format', format])} $ids; fi`
    };
}
/** An HTTP check from the host itself (curl, else wget): exit 0 on a 2xx. */
function healthUrlStep(url) {
    const curl = (0,shell/* shellCommand */.q$)(['curl', '-fsS', '-o', '/dev/null', '-m', '5', url]);
    const wget = (0,shell/* shellCommand */.q$)(['wget', '-q', '-O', '/dev/null', '-T', '5', url]);
    return {
        name: 'health url',
        script: `if command -v curl >/dev/null 2>&1; then ${curl}; else ${wget}; fi`
    };
}
/** Points `current` at a release. */
function switchStep(layout, release) {
    return {
        name: 'switch current',
        script: `ln -sfn ${(0,shell/* quote */.hD)(`${RELEASES}/${release}`)} ${dirOf(layout, 'current')}`
    };
}
/** Removes old release directories and the images nothing uses any more. */
function pruneStep(layout, releases) {
    const dirs = releases.map((r) => dirOf(layout, RELEASES, r)).join(' ');
    return {
        name: `prune ${releases.length} old release(s)`,
        script: `${releases.length ? `rm -rf ${dirs} && ` : ''}docker image prune -f >/dev/null`
    };
}
function readRecordStep(layout, release) {
    return {
        name: 'read release',
        script: `cat ${dirOf(layout, RELEASES, release, RELEASE_RECORD)} 2>/dev/null || true`
    };
}
/** A user's pre-/post-deploy command, run in the release directory. Its text is the user's own shell. */
function hookStep(layout, release, name, command) {
    return { name, script: `cd ${dirOf(layout, RELEASES, release)} && ${command}` };
}
// ---------------------------------------------------------------------------------------------
// target: swarm. One manager; the swarm rolls the services out (and back) by the compose file's
// deploy.update_config; these steps start it and read its state.
const SWARM_INFO = '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}';
/**
 * For `target: swarm`: the node's swarm state (`swarm=active true` on a manager, else what
 * `docker info` said), whether `docker stack deploy` has `--detach` (CLI 26+), the clock, the
 * current release and the releases kept.
 */
function swarmInspectStep(layout) {
    return {
        name: 'inspect swarm',
        script: [
            `echo "swarm=$(${(0,shell/* shellCommand */.q$)(['docker', 'info', '--format', SWARM_INFO])} 2>&1 | tail -n 1)"`,
            `if docker stack deploy --help 2>/dev/null | grep -q -e --detach; then echo detach=yes; fi`,
            `echo "now=$(date +%s)"`,
            ...releaseLines(layout)
        ].join('\n')
    };
}
/**
 * `docker stack deploy` from the release directory. The `env` values arrive on stdin, one
 * `KEY=VALUE` per line, and are exported as data: nothing evaluates them (a `.env` sourced by the
 * shell would run any `$(…)` in a value). `docker stack deploy` reads no `.env` itself; compose
 * interpolates the environment. `--prune` removes services dropped from the file, as compose's
 * `--remove-orphans` does; `--detach=true` where the CLI has the flag (Gantry follows the rollout).
 */
function stackDeployStep(layout, release, stack, options) {
    const deploy = [
        'docker',
        'stack',
        'deploy',
        ...(options.detach ? ['--detach=true'] : []),
        '--prune',
        '--with-registry-auth',
        '-c',
        COMPOSE_FILE,
        stack
    ];
    return {
        name: 'stack deploy',
        script: `cd ${dirOf(layout, RELEASES, release)} && ` +
            `while IFS= read -r kv || [ -n "$kv" ]; do if [ -n "$kv" ]; then export "$kv" || exit 2; fi; done && ` +
            (0,shell/* shellCommand */.q$)(deploy),
        stdin: options.env
    };
}
/** One JSON object per task; `json` quotes every field, whatever the error text holds. */
const TASK_FORMAT = '{"id":{{json .ID}},"name":{{json .Name}},"image":{{json .Image}},"node":{{json .Node}},' +
    '"desired":{{json .DesiredState}},"current":{{json .CurrentState}},"error":{{json .Error}}}';
/**
 * The stack's state in one round trip, in three sections: `#services` (`name running/desired`
 * from `docker service ls`), `#inspect` (one `docker service inspect` JSON per line: spec, previous
 * spec, UpdateStatus) and `#tasks` (`docker stack ps --no-trunc`, one JSON per line).
 */
function stackStatusStep(stack) {
    const filter = ['--filter', `label=com.docker.stack.namespace=${stack}`];
    return {
        name: 'stack status',
        script: [
            'set -e',
            'echo "#services"',
            (0,shell/* shellCommand */.q$)(['docker', 'service', 'ls', ...filter, '--format', '{{.Name}} {{.Replicas}}']),
            `ids=$(${(0,shell/* shellCommand */.q$)(['docker', 'service', 'ls', '-q', ...filter])})`,
            'echo "#inspect"',
            `if [ -n "$ids" ]; then ${(0,shell/* shellCommand */.q$)(['docker', 'service', 'inspect', '--format', '{{json .}}'])} $ids; fi`,
            'echo "#tasks"',
            // `stack ps` fails with "nothing found in stack" while no task exists yet (0 replicas).
            `if [ -n "$ids" ]; then ${(0,shell/* shellCommand */.q$)(['docker', 'stack', 'ps', '--no-trunc', '--format', TASK_FORMAT, stack])} || true; fi`
        ].join('\n')
    };
}
/** `rollback-to: previous`: each service back to its previous spec, by the swarm (rollback_config). */
function serviceRollbackStep(services) {
    return {
        name: `service rollback ${services.join(' ')}`,
        script: services
            .map((s) => (0,shell/* shellCommand */.q$)(['docker', 'service', 'rollback', '--detach', '--quiet', s]))
            .join(' && ')
    };
}
/** A file of a kept release (its `.env`, to deploy that release again); empty when missing. */
function readReleaseFileStep(layout, release, file) {
    return {
        name: `read ${file}`,
        script: `cat ${dirOf(layout, RELEASES, release)}/${(0,shell/* quote */.hD)(file)} 2>/dev/null || true`
    };
}
/** `<release>\t<stack.json on one line>` for every kept release that completed a swarm rollout. */
function readStackRecordsStep(layout) {
    return {
        name: 'read stack records',
        script: `for d in ${dirOf(layout, RELEASES)}/*/; do if [ -f "$d"${STACK_RECORD} ]; then ` +
            `printf '%s\t%s\n' "$(basename "$d")" "$(tr -d '\n' < "$d"${STACK_RECORD})"; fi; done`
    };
}

// EXTERNAL MODULE: ./src/core/docker-reference.ts
var docker_reference = __webpack_require__(8003);
// EXTERNAL MODULE: ./src/core/json.ts
var json = __webpack_require__(6153);
;// CONCATENATED MODULE: ./src/core/deploy/releases.ts
/** Release bookkeeping on a host, decided from what the host printed. Pure. */

function parseInspect(stdout) {
    const state = { now: 0, releases: [] };
    for (const line of stdout.split('\n')) {
        const eq = line.indexOf('=');
        if (eq < 0)
            continue;
        const key = line.slice(0, eq);
        const value = line.slice(eq + 1).trim();
        if (key === 'compose' && (value === 'docker compose' || value === 'docker-compose'))
            state.compose = value;
        else if (key === 'now')
            state.now = Number(value);
        else if (key === 'current' && value)
            state.current = value;
        else if (key === 'release' && RELEASE_ID.test(value))
            state.releases.push(value);
    }
    state.releases.sort();
    return state;
}
/** `20261122T153000Z-1.3.57-ab12`: sortable by time, readable, unique per deploy. */
const RELEASE_ID = /^\d{8}T\d{6}Z-[A-Za-z0-9_.-]+$/;
function releaseId(at, version, unique) {
    const stamp = at
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
    return `${stamp}-${(0,docker_reference/* sanitizeTag */.iP)(version) ?? 'release'}-${unique}`;
}
/** The version a release id was made for (the part between the time and the unique suffix). */
function versionOfRelease(id) {
    return id.replace(/^\d{8}T\d{6}Z-/, '').replace(/-[0-9a-f]{4}$/, '');
}
/** Releases to delete so that `keep` remain, never the ones in `protect`. */
function releasesToPrune(releases, keep, protect) {
    const excess = releases.length - keep;
    if (excess <= 0)
        return [];
    return releases.filter((r) => !protect.includes(r)).slice(0, excess);
}
/** For `rollback-to`: `previous` is the release before the current one; else the newest of that version. */
function rollbackTarget(state, to) {
    if (to === 'previous') {
        const index = state.current ? state.releases.indexOf(state.current) : -1;
        const previous = index > 0 ? state.releases[index - 1] : undefined;
        return previous
            ? { release: previous }
            : {
                error: state.current
                    ? `no release before ${state.current} is kept on the host`
                    : 'no current release on the host'
            };
    }
    const wanted = (0,docker_reference/* sanitizeTag */.iP)(to);
    const match = state.releases.filter((r) => versionOfRelease(r) === wanted).at(-1);
    return match
        ? { release: match }
        : {
            error: `no release of version ${to} is kept on the host (kept: ${state.releases.map(versionOfRelease).join(', ') || 'none'})`
        };
}
function parseLockReply(stdout) {
    const lines = stdout.split('\n');
    if (lines[0]?.trim() === 'acquired')
        return { acquired: true };
    const field = (name) => lines
        .find((l) => l.startsWith(`${name}=`))
        ?.slice(name.length + 1)
        .trim() ?? '';
    let owner;
    try {
        owner = JSON.parse(field('owner'));
    }
    catch {
        owner = undefined;
    }
    const sinceText = field('since');
    return {
        acquired: false,
        now: Number(field('now')),
        since: /^\d+$/.test(sinceText) ? Number(sinceText) : undefined,
        sinceText,
        owner
    };
}
function describeLockHolder(reply) {
    const o = reply.owner ?? {};
    const age = reply.since !== undefined
        ? `${Math.max(0, reply.now - reply.since)}s ago`
        : 'at an unknown time';
    return `${o.actor ?? 'someone'} deploying ${o.version ?? 'an unknown version'} (${o.runUrl ?? 'no run URL'}), locked ${age}`;
}
/** A lock with no readable time, or older than the stale age, may be broken. */
function isStale(reply, staleAfterSeconds) {
    return reply.since === undefined
        ? reply.sinceText === ''
        : reply.now - reply.since >= staleAfterSeconds;
}
function parseStatus(stdout) {
    return stdout
        .split('\n')
        .map((l) => l.trim().split(/\s+/))
        .filter((w) => w.length === 4)
        .map(([service = '', state = '', health = '', exit = '0']) => ({
        service,
        state,
        health,
        exitCode: Number(exit)
    }));
}
/**
 * The project's health from its containers: failed as soon as one is unhealthy, exited, dead or
 * restarting; up when every one runs and those with a health check report healthy.
 */
function evaluateContainers(containers) {
    if (containers.length === 0)
        return { health: 'waiting', detail: 'no containers yet' };
    const failed = containers.find((c) => c.health === 'unhealthy' || ['exited', 'dead', 'restarting'].includes(c.state));
    if (failed) {
        const why = failed.health === 'unhealthy' ? 'unhealthy' : `${failed.state} (exit code ${failed.exitCode})`;
        return { health: 'failed', detail: `service ${failed.service} is ${why}` };
    }
    const pending = containers.find((c) => c.state !== 'running' || (c.health !== 'none' && c.health !== 'healthy'));
    if (pending)
        return {
            health: 'waiting',
            detail: `service ${pending.service} is ${pending.state}${pending.health !== 'none' ? `, ${pending.health}` : ''}`
        };
    return {
        health: 'up',
        detail: containers
            .map((c) => `${c.service} ${c.health === 'none' ? 'running' : 'healthy'}`)
            .join(', ')
    };
}

;// CONCATENATED MODULE: ./src/core/deploy/swarm.ts
/**
 * `target: swarm`, decided from what the manager printed (`docker info`, `service ls`, `service
 * inspect`, `stack ps`). Pure. The swarm rolls the services out and back by the compose file's
 * `deploy.update_config`; Gantry reads its `UpdateStatus` per service and reports, it does not
 * roll back itself.
 */



function parseSwarmInspect(stdout) {
    const field = (key) => stdout
        .split('\n')
        .find((l) => l.startsWith(`${key}=`))
        ?.slice(key.length + 1)
        .trim() ?? '';
    const swarmInfo = field('swarm');
    const [state, control] = swarmInfo.split(' ');
    const role = state === 'active'
        ? control === 'true'
            ? 'manager'
            : 'worker'
        : state === 'inactive' && control !== undefined
            ? 'inactive'
            : 'unknown';
    return { ...parseInspect(stdout), role, swarmInfo, detach: field('detach') === 'yes' };
}
/** Why this host cannot take a stack, or undefined when it is a manager. */
function swarmProblem(state) {
    switch (state.role) {
        case 'manager':
            return undefined;
        case 'worker':
            return 'The host is a swarm worker: `target: swarm` deploys through a manager (`docker node ls` on a manager lists them).';
        case 'inactive':
            return 'The host is not part of a swarm (`docker info`: inactive): run `docker swarm init` there, or deploy to a manager.';
        default:
            return `Cannot read the host's swarm state with \`docker info\`: ${state.swarmInfo || 'no output'}`;
    }
}
const STACK_IMAGE_LABEL = 'com.docker.stack.image';
const swarm_text = (value) => (typeof value === 'string' ? value : '');
function jsonLines(lines) {
    const parsed = [];
    for (const line of lines) {
        if (!line.trim().startsWith('{'))
            continue;
        try {
            parsed.push((0,json/* asObject */.e)(JSON.parse(line)));
        }
        catch {
            // A partial line (a service removed mid-command): the next poll reads it whole.
        }
    }
    return parsed;
}
function serviceOf(inspected, replicas) {
    const spec = (0,json/* asObject */.e)(inspected.Spec);
    const name = swarm_text(spec.Name);
    const specImage = swarm_text((0,json/* asObject */.e)((0,json/* asObject */.e)(spec.TaskTemplate).ContainerSpec).Image);
    const update = (0,json/* asObject */.e)(inspected.UpdateStatus);
    const configured = (0,json/* asObject */.e)((0,json/* asObject */.e)(spec.Mode).Replicated).Replicas;
    const [running, desired] = replicas.get(name) ?? [
        0,
        typeof configured === 'number' ? configured : 0
    ];
    const service = {
        name,
        image: swarm_text((0,json/* asObject */.e)(spec.Labels)[STACK_IMAGE_LABEL]) || (0,docker_reference/* withoutDigest */.nA)(specImage),
        specImage,
        hasPreviousSpec: inspected.PreviousSpec !== undefined && inspected.PreviousSpec !== null,
        running: running ?? 0,
        desired: desired ?? 0
    };
    if (swarm_text(update.State))
        service.update = {
            state: swarm_text(update.State),
            startedAt: swarm_text(update.StartedAt),
            message: swarm_text(update.Message)
        };
    return service;
}
function taskOf(raw) {
    const name = swarm_text(raw.name).replace(/^\s*\\_\s*/, '');
    return {
        id: swarm_text(raw.id),
        name,
        service: name.split('.')[0] ?? name,
        image: swarm_text(raw.image),
        node: swarm_text(raw.node),
        desired: swarm_text(raw.desired),
        current: swarm_text(raw.current),
        // `docker service ps` prints the error in quotes: "\"task: non-zero exit (3)\"".
        error: swarm_text(raw.error).replace(/^"(.*)"$/s, '$1')
    };
}
/** Reads the three sections of stackStatusStep's output. */
function parseStackStatus(stdout) {
    const sections = { services: [], inspect: [], tasks: [] };
    let current;
    for (const line of stdout.split('\n')) {
        const header = /^#(services|inspect|tasks)$/.exec(line.trim());
        if (header)
            current = sections[header[1]];
        else
            current?.push(line);
    }
    const replicas = new Map();
    for (const line of sections.services ?? []) {
        const match = /^(\S+)\s+(\d+)\/(\d+)/.exec(line.trim());
        if (match)
            replicas.set(match[1], [Number(match[2]), Number(match[3])]);
    }
    return {
        services: jsonLines(sections.inspect ?? [])
            .map((s) => serviceOf(s, replicas))
            .filter((s) => s.name !== '')
            .sort((a, b) => a.name.localeCompare(b.name)),
        tasks: jsonLines(sections.tasks ?? []).map(taskOf)
    };
}
const WAITING = ['updating', 'rolling back', 'converging'];
/** An update that started after the baseline was taken: this deploy's (a deploy resets the old one). */
function freshUpdate(service, baseline) {
    const before = baseline.services.find((s) => s.name === service.name)?.update;
    return service.update && service.update.startedAt !== before?.startedAt
        ? service.update
        : undefined;
}
/** Every desired replica runs, and runs the current spec's image. */
function converged(service, tasks) {
    const upToDate = tasks.filter((t) => t.service === service.name &&
        t.desired === 'Running' &&
        t.current.startsWith('Running') &&
        t.image === service.specImage).length;
    return service.running === service.desired && upToDate >= service.desired;
}
function serviceState(update, done) {
    switch (update?.state) {
        case undefined:
            return done ? 'converged' : 'converging';
        case 'updating':
            return 'updating';
        case 'rollback_started':
            return 'rolling back';
        case 'completed':
            return done ? 'completed' : 'converging';
        case 'rollback_completed':
            // Settled once the previous spec runs again: the swarm says completed a moment before.
            return done ? 'rolled back' : 'rolling back';
        case 'paused':
            return 'paused';
        case 'rollback_paused':
            return 'rollback paused';
        default:
            return 'updating';
    }
}
/**
 * Tasks of this rollout (none the baseline listed) that explain a failure: with an error,
 * failed, rejected or exited on their own (`Complete`: a service's task is meant to keep
 * running), named by the swarm's message, or shut down after running the image the swarm rolled
 * back from.
 */
function failedTasksOf(service, baseline, tasks, explanation, attempted) {
    const earlier = new Set(baseline.tasks.map((t) => t.id));
    return tasks
        .filter((t) => t.service === service &&
        !earlier.has(t.id) &&
        (t.error !== '' ||
            /^(Failed|Rejected|Complete)\b/.test(t.current) ||
            (t.id !== '' && explanation.includes(t.id)) ||
            (attempted !== undefined &&
                t.desired !== 'Running' &&
                (0,docker_reference/* withoutDigest */.nA)(t.image) === attempted)))
        .slice(0, 3);
}
const emptyMemory = () => ({ attempted: {}, reasons: {} });
function observeRollout(memory, baseline, now) {
    const next = { attempted: { ...memory.attempted }, reasons: { ...memory.reasons } };
    for (const s of now.services) {
        const update = freshUpdate(s, baseline);
        const before = baseline.services.find((b) => b.name === s.name)?.image;
        if (update?.state === 'updating' && s.image !== before)
            next.attempted[s.name] = s.image;
        if (update?.state === 'rollback_started' && update.message)
            next.reasons[s.name] = update.message;
    }
    return next;
}
function reportService(s, baseline, now, kind, memory) {
    const update = freshUpdate(s, baseline);
    const state = serviceState(update, converged(s, now.tasks));
    const failed = state === 'paused' ||
        state === 'rollback paused' ||
        (kind === 'deploy' && state === 'rolled back');
    const reason = memory.reasons[s.name];
    const message = [reason, update?.message].filter((m, i, all) => m && all.indexOf(m) === i).join('; ') ||
        undefined;
    const rolledBack = kind === 'deploy' && state === 'rolled back';
    const heading = memory.attempted[s.name];
    const tasks = failedTasksOf(s.name, baseline, now.tasks, message ?? '', rolledBack ? heading : undefined);
    return {
        name: s.name,
        running: s.running,
        desired: s.desired,
        before: baseline.services.find((b) => b.name === s.name)?.image,
        image: s.image,
        attempted: rolledBack
            ? (heading ?? tasks.map((t) => (0,docker_reference/* withoutDigest */.nA)(t.image)).find((i) => i !== s.image))
            : undefined,
        state,
        failed,
        message,
        failedTasks: failed || WAITING.includes(state) ? tasks : []
    };
}
function evaluateRollout(baseline, now, kind, memory = emptyMemory()) {
    const services = now.services.map((s) => reportService(s, baseline, now, kind, memory));
    const detail = services.map(progressOf).join('; ');
    if (services.length === 0)
        return { phase: 'waiting', services, detail: 'no services in the stack yet' };
    if (services.some((s) => WAITING.includes(s.state)))
        return { phase: 'waiting', services, detail };
    if (services.some((s) => s.state === 'paused' || s.state === 'rollback paused'))
        return { phase: 'failed', services, detail };
    if (services.some((s) => s.failed))
        return { phase: 'rolled-back', services, detail };
    return { phase: 'completed', services, detail };
}
/** The state as the summary says it. */
function stateLabel(s) {
    if (s.failed && s.state === 'rolled back')
        return 'rolled back by swarm';
    if (s.state === 'converged' && s.before === undefined)
        return 'created';
    if (s.state === 'converged' && s.before === s.image)
        return 'unchanged';
    return s.state;
}
function imageChange(s) {
    if (s.attempted)
        return `${s.before ?? '—'} → ${s.attempted} ↩ ${s.image}`;
    return s.before === undefined || s.before === s.image ? s.image : `${s.before} → ${s.image}`;
}
function describeTask(t) {
    const id = t.id.slice(0, 12);
    return `${t.name} ${id} (${(0,docker_reference/* withoutDigest */.nA)(t.image)}) ${t.current}${t.error ? `: ${t.error}` : ''}`;
}
/** `shop_web updating 0/1 (v1 → v2)`: one service, for the progress log. */
function progressOf(s) {
    return `${s.name} ${stateLabel(s)} ${s.running}/${s.desired} (${imageChange(s)})`;
}
/** One service for an error: its progress, the swarm's message and the tasks that failed. */
function describeService(s) {
    const head = progressOf(s) + (s.message ? `: ${s.message}` : '');
    return [head, ...s.failedTasks.map((t) => `task ${describeTask(t)}`)].join(', ');
}
/** Services that did not end as asked (or, on a timeout, have not yet), described for an error. */
function describeProblems(verdict) {
    const bad = verdict.services.filter((s) => s.failed || WAITING.includes(s.state));
    return (bad.length ? bad : verdict.services).map(describeService).join('; ');
}
/** stack.json of a release: each service's image once its rollout completed. */
function stackRecord(services) {
    return (JSON.stringify({ services: Object.fromEntries(services.map((s) => [s.name, s.image])) }) + '\n');
}
function parseStackRecords(stdout) {
    const records = [];
    for (const line of stdout.split('\n')) {
        const tab = line.indexOf('\t');
        if (tab <= 0)
            continue;
        try {
            const services = (0,json/* asObject */.e)((0,json/* asObject */.e)(JSON.parse(line.slice(tab + 1))).services);
            records.push({
                release: line.slice(0, tab),
                services: Object.fromEntries(Object.entries(services).map(([k, v]) => [k, swarm_text(v)]))
            });
        }
        catch {
            // An unreadable record identifies nothing.
        }
    }
    return records;
}
/** The newest kept release whose recorded images are exactly what the services now run. */
function releaseRunning(records, services) {
    const running = Object.fromEntries(services.map((s) => [s.name, s.image]));
    const same = (r) => Object.keys(r.services).length === services.length &&
        Object.entries(r.services).every(([name, image]) => running[name] === image);
    return records
        .filter(same)
        .map((r) => r.release)
        .sort()
        .at(-1);
}

// EXTERNAL MODULE: ./src/core/hosts.ts
var core_hosts = __webpack_require__(3848);
// EXTERNAL MODULE: ./src/lib/clock.ts
var clock = __webpack_require__(4517);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/io/ssh.ts
var ssh = __webpack_require__(4318);
;// CONCATENATED MODULE: ./src/io/deploy.ts
/**
 * Carries out a deploy on one host over SSH: lock → inspect → upload the release → registry
 * login → pull → up → wait healthy → switch `current` (or bring the previous release back) →
 * unlock, always. With `target: swarm` (one manager): lock → inspect → upload → login →
 * `docker stack deploy` → follow the swarm's rollout → switch `current`, or report the swarm's
 * own rollback → unlock. Every remote command comes from src/core/deploy/remote.ts; the
 * decisions from src/core/deploy/releases.ts and swarm.ts. Time goes through an injectable clock.
 */







/** A remote step failed: its name, exit code and the tail of what it printed. */
class StepError extends Error {
}
async function deployHost(req) {
    const started = req.clock.now();
    const done = (status, extra = {}) => ({
        host: req.name,
        status,
        durationMs: req.clock.now() - started,
        ...extra
    });
    let shell;
    try {
        shell = await req.connect(req.target);
    }
    catch (error) {
        const message = (0,errors/* errorMessage */.gJ)(error);
        req.log(error instanceof ssh.HostKeyRefusedError ? `refused: ${message}` : message);
        return done('failed', { message });
    }
    const host = new HostSession(req, shell);
    let locked = false;
    try {
        let outcome;
        if (req.swarm) {
            const state = await host.inspectSwarm();
            await host.lock();
            locked = true;
            const swarm = new SwarmSession(host, req.swarm.stack, state, await host.currentVersion(state));
            outcome =
                req.mode.kind === 'deploy'
                    ? await swarm.deploy(req.mode)
                    : await swarm.rollbackTo(req.mode.to);
        }
        else {
            const state = await host.inspect();
            if (!state.compose)
                throw new StepError('Neither `docker compose` nor `docker-compose` is installed on the host.');
            await host.lock();
            locked = true;
            const before = await host.currentVersion(state);
            outcome =
                req.mode.kind === 'deploy'
                    ? await host.deploy(req.mode, state, state.compose, before)
                    : await host.rollbackTo(req.mode.to, state, state.compose, before);
        }
        return done(outcome.status, outcome);
    }
    catch (error) {
        const message = (0,errors/* errorMessage */.gJ)(error);
        req.log(`failed: ${message}`);
        return done('failed', { message });
    }
    finally {
        if (locked)
            await host.unlock();
        await shell.close().catch(() => undefined);
    }
}
class HostSession {
    req;
    shell;
    constructor(req, shell) {
        this.req = req;
        this.shell = shell;
    }
    get layout() {
        return this.req.layout;
    }
    /** Runs a step, streaming its output into the log; a non-zero exit is a StepError. */
    async run(step, options = {}) {
        if (!options.quiet)
            this.req.log(`▸ ${step.name}`);
        const tail = [];
        const result = await this.shell.exec(step.script, {
            stdin: step.stdin,
            onLine: (line) => {
                tail.push(line);
                if (tail.length > 20)
                    tail.shift();
                if (!options.quiet)
                    this.req.log(`  ${line}`);
            }
        });
        if (result.code !== 0 && !options.allowFailure) {
            const last = tail
                .filter((l) => l.trim())
                .slice(-5)
                .join(' | ');
            throw new StepError(`${step.name} failed (exit code ${result.code})${last ? `: ${last}` : ''}`);
        }
        return result;
    }
    async inspect() {
        return parseInspect((await this.run(inspectStep(this.layout), { quiet: true })).stdout);
    }
    /** The host's swarm state; a host that is not a manager stops the deploy before the lock. */
    async inspectSwarm() {
        const state = parseSwarmInspect((await this.run(swarmInspectStep(this.layout), { quiet: true })).stdout);
        const problem = swarmProblem(state);
        if (problem)
            throw new StepError(problem);
        return state;
    }
    async currentVersion(state) {
        return state.current ? await this.versionOf(state.current) : undefined;
    }
    async versionOf(release) {
        const text = (await this.run(readRecordStep(this.layout, release), { quiet: true })).stdout;
        try {
            const record = JSON.parse(text);
            if (typeof record.version === 'string')
                return record.version;
        }
        catch {
            // An unreadable record: the id still says which version it was.
        }
        return versionOfRelease(release);
    }
    async lock() {
        const { clock, lockTimeoutMs, pollMs } = this.req;
        const version = this.req.mode.kind === 'deploy' ? this.req.mode.version : `rollback to ${this.req.mode.to}`;
        const owner = { token: this.req.token, ...this.req.owner, version };
        const deadline = clock.now() + lockTimeoutMs;
        let told = false;
        for (;;) {
            const reply = parseLockReply((await this.run(lockStep(this.layout, owner), { quiet: true })).stdout);
            if (reply.acquired) {
                this.req.log('▸ lock acquired');
                return;
            }
            if (isStale(reply, this.req.lockStaleSeconds)) {
                this.req.log(`breaking a stale lock: ${describeLockHolder(reply)}`);
                await this.run(breakLockStep(this.layout, reply.sinceText), { quiet: true });
                continue;
            }
            if (clock.now() >= deadline) {
                throw new StepError(`Timed out after ${Math.round(lockTimeoutMs / 1000)}s waiting for the deploy lock, held by ${describeLockHolder(reply)}`);
            }
            if (!told)
                this.req.log(`waiting for the deploy lock, held by ${describeLockHolder(reply)}`);
            told = true;
            await clock.sleep(pollMs);
        }
    }
    /** Releases the lock; if the connection dropped, over a fresh one, so a blip does not leave it held. */
    async unlock() {
        const step = unlockStep(this.layout, this.req.token);
        const cannot = (error) => this.req.log(`could not release the lock (it expires after ${this.req.lockStaleSeconds}s): ${(0,errors/* errorMessage */.gJ)(error)}`);
        try {
            await this.run(step, { quiet: true });
            this.req.log('▸ unlocked');
            return;
        }
        catch (error) {
            if (!(error instanceof ssh.SshConnectError))
                return cannot(error);
        }
        try {
            const fresh = await this.req.connect(this.req.target);
            try {
                await fresh.exec(step.script);
                this.req.log('▸ unlocked (over a new connection)');
            }
            finally {
                await fresh.close().catch(() => undefined);
            }
        }
        catch (error) {
            cannot(error);
        }
    }
    /** Waits until the project is healthy; returns why not when it is not. */
    async waitHealthy() {
        const { clock, healthTimeoutMs, pollMs, healthUrl } = this.req;
        this.req.log(`▸ wait healthy${healthUrl ? ` (${healthUrl})` : ''}`);
        const deadline = clock.now() + healthTimeoutMs;
        let last = 'not checked yet';
        let upInARow = 0;
        for (;;) {
            const containers = parseStatus((await this.run(statusStep(this.layout), { quiet: true })).stdout);
            const verdict = evaluateContainers(containers);
            last = verdict.detail;
            if (verdict.health === 'failed')
                return { ok: false, reason: verdict.detail };
            if (verdict.health === 'up') {
                const checked = containers.some((c) => c.health !== 'none');
                if (healthUrl) {
                    const probe = await this.run(healthUrlStep(healthUrl), {
                        quiet: true,
                        allowFailure: true
                    });
                    if (probe.code === 0)
                        return this.healthy(`${healthUrl} answers`);
                    last = `${healthUrl} does not answer yet (${probe.stderr.trim().split('\n').at(-1) ?? `exit ${probe.code}`})`;
                }
                else if (checked) {
                    return this.healthy(verdict.detail);
                }
                else if (++upInARow >= 2) {
                    // No health check at all: running on two polls in a row counts as up.
                    return this.healthy(verdict.detail);
                }
            }
            else
                upInARow = 0;
            if (clock.now() >= deadline)
                return {
                    ok: false,
                    reason: `not healthy after ${Math.round(healthTimeoutMs / 1000)}s: ${last}`
                };
            await clock.sleep(pollMs);
        }
    }
    healthy(detail) {
        this.req.log(`  healthy: ${detail}`);
        return { ok: true };
    }
    async deploy(mode, state, compose, before) {
        const { layout } = this;
        const release = await this.upload(mode);
        await this.prepare(mode, release);
        // A failed pull changes nothing on the host: the running release keeps running.
        await this.run(pullStep(layout, compose, release));
        let failure;
        try {
            await this.run(upStep(layout, compose, release));
            const health = await this.waitHealthy();
            if (!health.ok)
                failure = health.reason;
        }
        catch (error) {
            failure = (0,errors/* errorMessage */.gJ)(error);
        }
        if (failure === undefined) {
            await this.finish(state, release, mode.postDeploy);
            return { status: 'deployed', before, after: mode.version };
        }
        this.req.log(`✗ ${mode.version} failed: ${failure}`);
        if (!this.req.rollback || !state.current) {
            const why = this.req.rollback ? 'no previous release to roll back to' : 'rollback is off';
            return { status: 'failed', before, after: mode.version, message: `${failure} (${why})` };
        }
        this.req.log(`↩ rolling back to ${before ?? state.current}`);
        try {
            await this.run(upStep(layout, compose, state.current));
            const health = await this.waitHealthy();
            if (!health.ok)
                return {
                    status: 'failed',
                    before,
                    after: mode.version,
                    message: `${failure}; the rollback is not healthy either: ${health.reason}`
                };
        }
        catch (error) {
            return {
                status: 'failed',
                before,
                after: mode.version,
                message: `${failure}; the rollback failed too: ${(0,errors/* errorMessage */.gJ)(error)}`
            };
        }
        return {
            status: 'rolled-back',
            before,
            after: before,
            attempted: mode.version,
            message: `${mode.version} failed its health check (${failure}); rolled back to ${before}`
        };
    }
    /** A new release directory with the compose file, the `.env` and the release record. */
    async upload(mode) {
        const { layout } = this;
        const release = releaseId(new Date(this.req.clock.now()), mode.version, this.req.token.slice(0, 4));
        const record = JSON.stringify({
            version: mode.version,
            release,
            deployedAt: new Date(this.req.clock.now()).toISOString(),
            ...this.req.owner
        });
        await this.run(writeFileStep(layout, release, COMPOSE_FILE, mode.composeFile));
        await this.run(writeFileStep(layout, release, ENV_FILE, mode.env));
        await this.run(writeFileStep(layout, release, RELEASE_RECORD, record + '\n'), { quiet: true });
        return release;
    }
    /** Registry login (password on stdin) and the pre-deploy hook. */
    async prepare(mode, release) {
        if (mode.registry)
            await this.run(loginStep(mode.registry.server, mode.registry.username, mode.registry.password));
        if (mode.preDeploy)
            await this.run(hookStep(this.layout, release, 'pre-deploy', mode.preDeploy));
    }
    /** After a good release: `current` points at it, the post-deploy hook runs, old releases go. */
    async finish(state, release, postDeploy) {
        await this.run(switchStep(this.layout, release));
        if (postDeploy)
            await this.run(hookStep(this.layout, release, 'post-deploy', postDeploy));
        const prune = releasesToPrune([...state.releases, release].sort(), this.req.keepReleases, [
            release,
            state.current
        ]);
        await this.run(pruneStep(this.layout, prune), { allowFailure: true });
    }
    async rollbackTo(to, state, compose, before) {
        const target = rollbackTarget(state, to);
        if ('error' in target)
            return { status: 'failed', before, message: `Cannot roll back: ${target.error}` };
        const version = await this.versionOf(target.release);
        this.req.log(`↩ rolling back to ${version} (${target.release})`);
        await this.run(upStep(this.layout, compose, target.release));
        const health = await this.waitHealthy();
        if (!health.ok)
            return {
                status: 'failed',
                before,
                after: version,
                message: `the release ${version} is not healthy: ${health.reason}`
            };
        await this.run(switchStep(this.layout, target.release));
        return { status: 'deployed', before, after: version };
    }
}
/**
 * `target: swarm` on one manager: `docker stack deploy` (or `docker service rollback`), then the
 * swarm's rollout followed service by service until it completed, was rolled back or paused by
 * the swarm, or ran out of time. Gantry never rolls a stack back itself: the compose file's
 * `deploy.update_config.failure_action` decides, and the outcome reports what the swarm did.
 */
class SwarmSession {
    host;
    stack;
    state;
    before;
    constructor(host, stack, state, before) {
        this.host = host;
        this.stack = stack;
        this.state = state;
        this.before = before;
    }
    get req() {
        return this.host.req;
    }
    async status() {
        return parseStackStatus((await this.host.run(stackStatusStep(this.stack), { quiet: true })).stdout);
    }
    async deploy(mode) {
        const release = await this.host.upload(mode);
        await this.host.prepare(mode, release);
        return this.deployRelease(release, mode.env, mode.version, mode.postDeploy);
    }
    /** Deploys a release directory as the stack; `env` goes to the command as data, on stdin. */
    async deployRelease(release, env, version, postDeploy) {
        const { layout, clock, healthTimeoutMs } = this.req;
        const baseline = await this.status();
        const deadline = clock.now() + healthTimeoutMs;
        await this.host.run(stackDeployStep(layout, release, this.stack, { detach: this.state.detach, env }));
        const { verdict, timedOut } = await this.follow('deploy', baseline, deadline);
        const { before } = this;
        const services = verdict.services;
        if (verdict.phase === 'rolled-back')
            return {
                status: 'rolled-back',
                before,
                after: before,
                attempted: version,
                services,
                message: `${version} failed and the swarm rolled it back: ${describeProblems(verdict)}`
            };
        if (verdict.phase !== 'completed')
            return {
                status: 'failed',
                before,
                after: version,
                services,
                message: this.why(verdict, timedOut)
            };
        const unhealthy = await this.checkHealthUrl(deadline);
        if (unhealthy)
            return {
                status: 'failed',
                before,
                after: version,
                services,
                message: `the rollout completed but ${unhealthy}; the swarm keeps ${version} (roll back with \`rollback-to: previous\`)`
            };
        await this.host.run(writeFileStep(layout, release, STACK_RECORD, stackRecord(services)), {
            quiet: true
        });
        await this.host.finish(this.state, release, postDeploy);
        return { status: 'deployed', before, after: version, services };
    }
    /** `previous`: `docker service rollback` per service; a version: that kept release again. */
    async rollbackTo(to) {
        const { before } = this;
        if (to !== 'previous') {
            const target = rollbackTarget(this.state, to);
            if ('error' in target)
                return { status: 'failed', before, message: `Cannot roll back: ${target.error}` };
            const version = await this.host.versionOf(target.release);
            this.req.log(`↩ deploying the kept release ${version} (${target.release}) again`);
            const envFile = readReleaseFileStep(this.req.layout, target.release, ENV_FILE);
            const env = (await this.host.run(envFile, { quiet: true })).stdout;
            return this.deployRelease(target.release, env, version);
        }
        const baseline = await this.status();
        const names = baseline.services.map((s) => s.name);
        if (names.length === 0)
            return {
                status: 'failed',
                before,
                message: `Cannot roll back: the stack ${this.stack} has no services on this manager`
            };
        const without = baseline.services.filter((s) => !s.hasPreviousSpec).map((s) => s.name);
        if (without.length)
            return {
                status: 'failed',
                before,
                message: `Cannot roll back: the swarm has no previous spec for ${without.join(', ')} (created by the last deploy, or already rolled back by the swarm). Deploy a kept release again with \`rollback-to: <version>\`.`
            };
        this.req.log(`↩ rolling back ${names.join(', ')} to their previous spec`);
        await this.host.run(serviceRollbackStep(names));
        const deadline = this.req.clock.now() + this.req.healthTimeoutMs;
        const { verdict, timedOut } = await this.follow('rollback', baseline, deadline);
        const services = verdict.services;
        if (verdict.phase !== 'completed')
            return { status: 'failed', before, services, message: this.why(verdict, timedOut) };
        const records = await this.host.run(readStackRecordsStep(this.req.layout), { quiet: true });
        const release = releaseRunning(parseStackRecords(records.stdout), services);
        if (!release) {
            this.req.log('  no kept release recorded these images: `current` stays as it was');
            return { status: 'deployed', before, services };
        }
        await this.host.run(switchStep(this.req.layout, release));
        return { status: 'deployed', before, after: await this.host.versionOf(release), services };
    }
    /** Polls the stack until the rollout settles or the deadline passes, logging each change. */
    async follow(kind, baseline, deadline) {
        const { clock, pollMs } = this.req;
        this.req.log(`▸ follow the rollout of stack ${this.stack}`);
        let memory = emptyMemory();
        let shown = '';
        for (;;) {
            // A deploy resets each UpdateStatus and the orchestrator starts the update a moment later.
            await clock.sleep(pollMs);
            const now = await this.status();
            memory = observeRollout(memory, baseline, now);
            const verdict = evaluateRollout(baseline, now, kind, memory);
            if (verdict.detail !== shown)
                this.req.log(`  ${verdict.detail}`);
            shown = verdict.detail;
            if (verdict.phase !== 'waiting')
                return { verdict, timedOut: false };
            if (clock.now() >= deadline)
                return { verdict, timedOut: true };
        }
    }
    why(verdict, timedOut) {
        const problems = describeProblems(verdict);
        return timedOut
            ? `the rollout did not settle within ${Math.round(this.req.healthTimeoutMs / 1000)}s (the swarm carries on with it): ${problems}`
            : `the rollout stopped: ${problems}`;
    }
    /** The optional health URL, checked from the manager once the rollout completed. */
    async checkHealthUrl(deadline) {
        const { healthUrl, clock, pollMs } = this.req;
        if (!healthUrl)
            return undefined;
        for (;;) {
            const probe = await this.host.run(healthUrlStep(healthUrl), {
                quiet: true,
                allowFailure: true
            });
            if (probe.code === 0) {
                this.req.log(`  healthy: ${healthUrl} answers`);
                return undefined;
            }
            if (clock.now() >= deadline)
                return `${healthUrl} does not answer (${probe.stderr.trim().split('\n').at(-1) || `exit ${probe.code}`})`;
            await clock.sleep(pollMs);
        }
    }
}

// EXTERNAL MODULE: ./src/lib/action.ts
var action = __webpack_require__(5577);
// EXTERNAL MODULE: ./src/lib/context.ts
var context = __webpack_require__(1980);
// EXTERNAL MODULE: ./src/lib/inputs.ts
var lib_inputs = __webpack_require__(1662);
// EXTERNAL MODULE: ./src/lib/markdown.ts
var markdown = __webpack_require__(3862);
// EXTERNAL MODULE: ./src/lib/runner.ts
var lib_runner = __webpack_require__(9445);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/lib/known-hosts.ts
var known_hosts = __webpack_require__(6014);
;// CONCATENATED MODULE: ./src/actions/ssh-deploy/settings.ts
/** The inputs of `ssh-deploy`, read once and validated before anything connects. */








const INPUTS = {
    hosts: 'hosts',
    key: 'key',
    passphrase: 'passphrase',
    knownHosts: 'known-hosts',
    fingerprint: 'fingerprint',
    insecure: 'insecure-skip-host-key-check',
    proxyJump: 'proxy-jump',
    proxyKey: 'proxy-key',
    proxyFingerprint: 'proxy-fingerprint',
    app: 'app',
    path: 'path',
    composeFile: 'compose-file',
    env: 'env',
    version: 'version',
    registry: 'registry',
    registryUsername: 'registry-username',
    registryPassword: 'registry-password',
    healthUrl: 'health-url',
    healthTimeout: 'health-timeout',
    preDeploy: 'pre-deploy',
    postDeploy: 'post-deploy',
    maxParallel: 'max-parallel',
    onHostFailure: 'on-host-failure',
    rollback: 'rollback',
    rollbackTo: 'rollback-to',
    keepReleases: 'keep-releases',
    lockTimeout: 'lock-timeout',
    lockStaleAfter: 'lock-stale-after',
    dryRun: 'dry-run',
    target: 'target',
    stack: 'stack'
};
const FINGERPRINT = /^SHA256:[A-Za-z0-9+/]{43}=?$/;
const APP = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const STACK = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;
function hostList(inputs) {
    const raw = inputs.optional(INPUTS.hosts) ?? '';
    let items;
    if (raw.startsWith('[')) {
        let parsed;
        try {
            parsed = JSON.parse(raw);
        }
        catch {
            throw new errors/* InputError */.dz(INPUTS.hosts, raw, 'a JSON array of `user@host[:port]` (as `environment` outputs), or one host per line');
        }
        if (!Array.isArray(parsed) || !parsed.every((h) => typeof h === 'string')) {
            throw new errors/* InputError */.dz(INPUTS.hosts, raw, 'a JSON array of strings');
        }
        items = parsed;
    }
    else
        items = (0,lib_inputs/* splitList */.ry)(raw);
    if (items.length === 0)
        throw new errors/* InputError */.dz(INPUTS.hosts, raw, `at least one host, ${core_hosts/* HOST_SPEC_EXPECTED */.eS}`);
    const hosts = items.map((item) => {
        const spec = (0,core_hosts/* parseHostSpec */.nn)(item);
        if (!spec)
            throw new errors/* InputError */.dz(INPUTS.hosts, item, core_hosts/* HOST_SPEC_EXPECTED */.eS);
        return spec;
    });
    const seen = new Set();
    for (const h of hosts) {
        const name = (0,core_hosts/* formatHostSpec */.BB)(h);
        if (seen.has(name))
            throw new errors/* InputError */.dz(INPUTS.hosts, name, 'each host once');
        seen.add(name);
    }
    return hosts;
}
function fingerprints(inputs, name, count) {
    const list = inputs.list(name);
    for (const f of list)
        if (!FINGERPRINT.test(f))
            throw new errors/* InputError */.dz(name, f, 'a fingerprint such as `SHA256:` + 43 base64 characters (as `ssh-keygen -lf` prints it)');
    if (list.length === 0)
        return Array.from({ length: count }, () => []);
    if (list.length === 1)
        return Array.from({ length: count }, () => list);
    if (list.length !== count) {
        throw new errors/* InputError */.dz(name, list.join(', '), `one fingerprint for all hosts, or one per host (${count})`);
    }
    return list.map((f) => [f]);
}
function envLines(inputs) {
    const lines = (inputs.optional(INPUTS.env) ?? '')
        .split(/\r?\n/)
        .filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    for (const line of lines) {
        const eq = line.indexOf('=');
        const key = eq > 0 ? line.slice(0, eq).trim() : '';
        if (!ENV_KEY.test(key))
            throw new errors/* InputError */.dz(INPUTS.env, line, 'KEY=VALUE lines with keys matching [A-Za-z_][A-Za-z0-9_]*');
    }
    return (lines.map((l) => l.replace(/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=/, '$1=')).join('\n') +
        (lines.length ? '\n' : ''));
}
function envValue(env, key) {
    return env
        .split('\n')
        .find((l) => l.startsWith(`${key}=`))
        ?.slice(key.length + 1);
}
/** `target` and `stack`: a swarm takes one manager, and only a swarm has a stack. */
function targetOf(inputs, hosts, app) {
    const target = inputs.choice(INPUTS.target, ['compose', 'swarm'], 'compose');
    const stack = inputs.optional(INPUTS.stack);
    if (target === 'compose') {
        if (stack !== undefined)
            throw new errors/* InputError */.dz(INPUTS.stack, stack, `a stack name only with \`${INPUTS.target}: swarm\``);
        return { target };
    }
    if (hosts.length !== 1)
        throw new errors/* InputError */.dz(INPUTS.hosts, hosts.map(core_hosts/* formatHostSpec */.BB).join(', '), `one swarm manager with \`${INPUTS.target}: swarm\` (the swarm places the services on its nodes)`);
    if (stack !== undefined && !STACK.test(stack))
        throw new errors/* InputError */.dz(INPUTS.stack, stack, 'a stack name of letters, digits, `_` and `-`, starting with a letter or digit (at most 63)');
    return { target, stack: stack ?? app };
}
function readSettings(inputs, workspace) {
    const hosts = hostList(inputs);
    const key = inputs.secret(INPUTS.key);
    if (key === undefined)
        throw new errors/* InputError */.dz(INPUTS.key, '', 'the private key (its content, e.g. from a secret)');
    if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key))
        throw new errors/* InputError */.dz(INPUTS.key, '***', 'a private key in PEM or OpenSSH format (the content, not a path)');
    const passphrase = inputs.secret(INPUTS.passphrase);
    const insecure = inputs.boolean(INPUTS.insecure, false);
    const knownHostsText = inputs.optional(INPUTS.knownHosts) ?? '';
    const { entries, invalidLines } = (0,known_hosts/* parseKnownHosts */.uJ)(knownHostsText);
    if (invalidLines.length) {
        throw new errors/* InputError */.dz(INPUTS.knownHosts, `line ${invalidLines.join(', ')}`, 'known_hosts lines: `host[,host] keytype base64-key` (as `ssh-keyscan` prints them)');
    }
    const hostFingerprints = fingerprints(inputs, INPUTS.fingerprint, hosts.length);
    if (!insecure && entries.length === 0 && hostFingerprints.every((f) => f.length === 0)) {
        throw new errors/* ConfigurationError */.j1(`Host-key checking is on: set input '${INPUTS.knownHosts}' (e.g. the output of \`ssh-keyscan -H host\`, verified) or '${INPUTS.fingerprint}' (SHA256:…), or turn checking off with '${INPUTS.insecure}: true'.`);
    }
    const proxyText = inputs.optional(INPUTS.proxyJump);
    let proxy;
    if (proxyText !== undefined) {
        const spec = (0,core_hosts/* parseHostSpec */.nn)(proxyText);
        if (!spec)
            throw new errors/* InputError */.dz(INPUTS.proxyJump, proxyText, core_hosts/* HOST_SPEC_EXPECTED */.eS);
        proxy = {
            spec,
            key: inputs.secret(INPUTS.proxyKey) ?? key,
            fingerprints: fingerprints(inputs, INPUTS.proxyFingerprint, 1)[0] ?? []
        };
    }
    const app = inputs.required(INPUTS.app, 'the application name');
    if (!APP.test(app))
        throw new errors/* InputError */.dz(INPUTS.app, app, 'a name of lowercase letters, digits, `_` and `-` (it names the compose project)');
    const { target, stack } = targetOf(inputs, hosts, app);
    const path = inputs.optional(INPUTS.path) ?? `~/gantry/${app}`;
    if (/[\0\n]/.test(path))
        throw new errors/* InputError */.dz(INPUTS.path, path, 'a directory path on one line');
    const rollbackTo = inputs.optional(INPUTS.rollbackTo);
    let composeFile;
    if (rollbackTo === undefined) {
        const file = inputs.optional(INPUTS.composeFile) ?? 'docker-compose.yml';
        const full = (0,external_node_path_.isAbsolute)(file) ? file : (0,external_node_path_.resolve)(workspace, file);
        try {
            composeFile = { path: file, content: (0,external_node_fs_.readFileSync)(full, 'utf8') };
        }
        catch {
            throw new errors/* InputError */.dz(INPUTS.composeFile, file, `a compose file in the workspace (${full} cannot be read)`);
        }
    }
    const env = envLines(inputs);
    const image = envValue(env, 'IMAGE');
    const version = inputs.optional(INPUTS.version) ??
        envValue(env, 'IMAGE_TAG') ??
        envValue(env, 'VERSION') ??
        (image && (0,docker_reference/* tagOf */.cO)(image)) ??
        'unversioned';
    const server = inputs.optional(INPUTS.registry);
    const username = inputs.optional(INPUTS.registryUsername);
    const password = inputs.secret(INPUTS.registryPassword);
    if ((username === undefined) !== (password === undefined) ||
        (username !== undefined && server === undefined)) {
        throw new errors/* InputError */.dz(INPUTS.registry, server ?? '', `'${INPUTS.registry}', '${INPUTS.registryUsername}' and '${INPUTS.registryPassword}' together`);
    }
    const healthUrl = inputs.url(INPUTS.healthUrl, 'an http(s) URL, checked from the host');
    return {
        target,
        stack,
        hosts,
        key,
        passphrase,
        trust: insecure ? 'insecure' : { entries, fingerprints: hostFingerprints },
        proxy,
        app,
        path,
        composeFile,
        env,
        version,
        registry: server && username && password ? { server, username, password } : undefined,
        healthUrl,
        healthTimeoutMs: inputs.duration(INPUTS.healthTimeout, 60_000),
        preDeploy: inputs.optional(INPUTS.preDeploy),
        postDeploy: inputs.optional(INPUTS.postDeploy),
        maxParallel: inputs.integer(INPUTS.maxParallel, { min: 0, max: 1000 }) ?? 0,
        onHostFailure: inputs.choice(INPUTS.onHostFailure, ['continue', 'stop'], 'continue'),
        rollback: inputs.boolean(INPUTS.rollback, true),
        rollbackTo,
        keepReleases: inputs.integer(INPUTS.keepReleases, { min: 1, max: 100 }) ?? 5,
        lockTimeoutMs: inputs.duration(INPUTS.lockTimeout, 600_000),
        lockStaleSeconds: Math.round(inputs.duration(INPUTS.lockStaleAfter, 1_800_000) / 1000),
        dryRun: inputs.boolean(INPUTS.dryRun, false),
        token: (0,external_node_crypto_.randomBytes)(8).toString('hex')
    };
}

;// CONCATENATED MODULE: ./src/actions/ssh-deploy/main.ts
/**
 * Action `ssh-deploy`: a compose release to one or many hosts over SSH, verified, health-checked,
 * rolled back on failure; or (`target: swarm`) a stack through one swarm manager, whose rollout
 * the swarm carries out and Gantry follows and reports.
 */











async function run(deps = {}) {
    const runner = deps.runner ?? (0,lib_runner/* githubRunner */.O)();
    await (0,action/* runAction */.C)(runner, async () => {
        const workspace = deps.workspace ?? runner.env.GITHUB_WORKSPACE ?? process.cwd();
        const settings = readSettings(new lib_inputs/* InputReader */.i_(runner.getInput, runner.setSecret), workspace);
        if (settings.trust === 'insecure') {
            runner.warning(`Host-key checking is OFF ('${INPUTS.insecure}: true'): a man in the middle could take this deploy, its registry password included.`);
        }
        const layout = { dir: settings.path, project: settings.app };
        if (settings.dryRun)
            return printDryRun(runner, settings, layout);
        const ctx = (0,context/* readCiContext */.OW)(runner.env);
        const connect = deps.connect ?? (async (t) => (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 4318))).connectSsh(t));
        const request = (spec, index) => ({
            name: (0,core_hosts/* formatHostSpec */.BB)(spec),
            target: sshTarget(settings, spec, index),
            layout,
            swarm: settings.stack ? { stack: settings.stack } : undefined,
            mode: settings.rollbackTo
                ? { kind: 'rollback', to: settings.rollbackTo }
                : {
                    kind: 'deploy',
                    version: settings.version,
                    composeFile: settings.composeFile?.content ?? '',
                    env: settings.env,
                    registry: settings.registry,
                    preDeploy: settings.preDeploy,
                    postDeploy: settings.postDeploy
                },
            healthUrl: settings.healthUrl,
            healthTimeoutMs: settings.healthTimeoutMs,
            rollback: settings.rollback,
            keepReleases: settings.keepReleases,
            lockTimeoutMs: settings.lockTimeoutMs,
            lockStaleSeconds: settings.lockStaleSeconds,
            owner: { actor: ctx.actor, runUrl: ctx.runUrl },
            token: settings.token,
            pollMs: deps.pollMs ?? 1000,
            clock: deps.clock ?? clock/* realClock */.d,
            log: (line) => runner.untrusted(line, `[${(0,core_hosts/* formatHostSpec */.BB)(spec)}] `),
            connect
        });
        const what = settings.rollbackTo ? `rollback to ${settings.rollbackTo}` : settings.version;
        runner.info(settings.stack
            ? `Deploying ${settings.app} ${what} as stack ${settings.stack} through the swarm manager ${settings.hosts.map(core_hosts/* formatHostSpec */.BB).join('')}`
            : `Deploying ${settings.app} ${what} to ${settings.hosts.length} host(s), ${settings.maxParallel || 'all'} at a time`);
        const outcomes = await deployAll(settings, request);
        report(runner, settings, outcomes);
    });
}
function sshTarget(settings, spec, index) {
    const trust = settings.trust === 'insecure'
        ? 'insecure'
        : { entries: settings.trust.entries, fingerprints: settings.trust.fingerprints[index] ?? [] };
    const via = settings.proxy && {
        ...settings.proxy.spec,
        privateKey: settings.proxy.key,
        passphrase: settings.passphrase,
        trust: settings.trust === 'insecure'
            ? 'insecure'
            : { entries: settings.trust.entries, fingerprints: settings.proxy.fingerprints }
    };
    return { ...spec, privateKey: settings.key, passphrase: settings.passphrase, trust, via };
}
/** Hosts in batches of `max-parallel`; after a failed batch, `stop` skips the rest. */
async function deployAll(settings, request) {
    const size = settings.maxParallel || settings.hosts.length;
    const outcomes = [];
    for (let start = 0; start < settings.hosts.length; start += size) {
        const batch = settings.hosts.slice(start, start + size);
        if (settings.onHostFailure === 'stop' &&
            outcomes.some((o) => o.status === 'failed' || o.status === 'rolled-back')) {
            outcomes.push(...batch.map((spec) => ({
                host: (0,core_hosts/* formatHostSpec */.BB)(spec),
                status: 'skipped',
                durationMs: 0,
                message: 'skipped after a failed host'
            })));
            continue;
        }
        outcomes.push(...(await Promise.all(batch.map((spec, i) => deployHost(request(spec, start + i))))));
    }
    return outcomes;
}
function report(runner, settings, outcomes) {
    const ok = outcomes.filter((o) => o.status === 'deployed');
    const bad = outcomes.filter((o) => o.status !== 'deployed');
    const rolledBack = outcomes.some((o) => o.status === 'rolled-back');
    const target = settings.rollbackTo ? (ok[0]?.after ?? outcomes[0]?.after ?? '') : settings.version;
    runner.setOutput('version', target);
    runner.setOutput('previous-version', outcomes.find((o) => o.before)?.before ?? '');
    runner.setOutput('hosts-succeeded', JSON.stringify(ok.map((o) => o.host)));
    runner.setOutput('hosts-failed', JSON.stringify(bad.map((o) => o.host)));
    runner.setOutput('rolled-back', String(rolledBack));
    const rows = outcomes.map((o) => [
        { raw: (0,markdown/* code */.aY)(o.host) },
        o.attempted
            ? `${o.before ?? '—'} → ${o.attempted} ↩ ${o.after ?? '—'}`
            : `${o.before ?? '—'} → ${o.after ?? '—'}`,
        `${(o.durationMs / 1000).toFixed(1)} s`,
        o.status === 'deployed' ? 'deployed' : o.status === 'rolled-back' ? 'rolled back' : o.status,
        o.message ?? ''
    ]);
    const services = outcomes.flatMap((o) => o.services ?? []);
    runner.appendSummary((0,markdown/* summary */.z)(`Deploy ${settings.app}`, (0,markdown/* table */.tp)(['Host', 'Version', 'Duration', 'Result', 'Details'], rows) +
        (settings.stack && services.length ? servicesTable(settings.stack, services) : '')));
    for (const o of bad) {
        if (o.status === 'skipped')
            continue;
        const how = settings.stack ? 'rolled back by the swarm' : 'rolled back';
        runner.error(`${o.host}: ${o.message ?? o.status}`, {
            title: `ssh-deploy: ${settings.stack ? `stack ${settings.stack} on ` : ''}${o.host} ${o.status === 'rolled-back' ? how : 'failed'}`
        });
    }
    const what = settings.rollbackTo ? `rollback to ${settings.rollbackTo}` : settings.version;
    if (bad.length && settings.stack) {
        runner.setFailed(`Stack ${settings.stack} did not ${settings.rollbackTo ? `roll back to ${settings.rollbackTo}` : `deploy ${settings.version}`}${rolledBack ? ': the swarm rolled it back' : ''}.`);
    }
    else if (bad.length) {
        runner.setFailed(`${bad.length} of ${outcomes.length} host(s) did not deploy ${what}${rolledBack ? ' (rolled back)' : ''}.`);
    }
    else {
        runner.info(settings.stack
            ? `Deployed ${target || 'the previous spec'} as stack ${settings.stack}.`
            : `Deployed ${target} to ${ok.length} host(s).`);
    }
}
/** Per service of the stack: replicas, old → new image, what the swarm did, its failed tasks. */
function servicesTable(stack, services) {
    const rows = services.map((s) => [
        { raw: (0,markdown/* code */.aY)(s.name) },
        `${s.running}/${s.desired}`,
        imageChange(s),
        stateLabel(s),
        s.failed ? [s.message ?? '', ...s.failedTasks.map(describeTask)].filter(Boolean).join('\n') : ''
    ]);
    return `\n\nStack ${(0,markdown/* code */.aY)(stack)}:\n\n${(0,markdown/* table */.tp)(['Service', 'Replicas', 'Image', 'Update', 'Details'], rows)}`;
}
/** The remote steps of a swarm deploy or rollback, in order, for the dry run. */
function swarmPlan(settings, layout, stack) {
    const release = '<release-id>';
    const steps = [
        swarmInspectStep(layout),
        lockStep(layout, { token: settings.token, version: settings.version })
    ];
    if (settings.rollbackTo === 'previous') {
        steps.push(stackStatusStep(stack), serviceRollbackStep(['<each service of the stack>']), stackStatusStep(stack), switchStep(layout, release));
    }
    else if (settings.rollbackTo) {
        const env = readReleaseFileStep(layout, release, ENV_FILE);
        steps.push(env, stackStatusStep(stack));
        steps.push(stackDeployStep(layout, release, stack, { detach: true, env: '<its .env>' }));
        steps.push(stackStatusStep(stack), switchStep(layout, release));
    }
    else {
        steps.push(...releaseSteps(settings, layout, release));
        steps.push(stackStatusStep(stack), stackDeployStep(layout, release, stack, { detach: true, env: settings.env }), stackStatusStep(stack));
        if (settings.healthUrl)
            steps.push(healthUrlStep(settings.healthUrl));
        steps.push(switchStep(layout, release));
        if (settings.postDeploy)
            steps.push(hookStep(layout, release, 'post-deploy', settings.postDeploy));
    }
    steps.push(unlockStep(layout, settings.token));
    return steps;
}
/** Prints the plan and the exact remote commands; connects nowhere. */
function printDryRun(runner, settings, layout) {
    const release = '<release-id>';
    const compose = 'docker compose';
    const show = (step) => {
        const stdin = step.stdin === undefined
            ? ''
            : step.secretStdin
                ? '  <<< (secret on stdin)'
                : `  <<< (${Buffer.byteLength(step.stdin)} bytes on stdin)`;
        runner.info(`  # ${step.name}\n  ${step.script}${stdin}`);
    };
    runner.info(`Dry run: nothing is run. Hosts: ${settings.hosts.map(core_hosts/* formatHostSpec */.BB).join(', ')}`);
    if (settings.stack) {
        runner.info(`Stack ${settings.stack} through the swarm manager. \`--detach=true\` only where the host's docker CLI has it (26+); \`stack status\` repeats until the rollout settles.`);
        swarmPlan(settings, layout, settings.stack).forEach(show);
        return dryRunOutputs(runner, settings);
    }
    runner.info('Where a host has only docker-compose v1, `docker-compose` replaces `docker compose`.');
    const steps = [
        inspectStep(layout),
        lockStep(layout, { token: settings.token, version: settings.version })
    ];
    if (settings.rollbackTo) {
        steps.push(upStep(layout, compose, release), statusStep(layout), switchStep(layout, release));
    }
    else {
        steps.push(...releaseSteps(settings, layout, release));
        steps.push(pullStep(layout, compose, release), upStep(layout, compose, release), statusStep(layout));
        if (settings.healthUrl)
            steps.push(healthUrlStep(settings.healthUrl));
        steps.push(switchStep(layout, release));
        if (settings.postDeploy)
            steps.push(hookStep(layout, release, 'post-deploy', settings.postDeploy));
    }
    steps.push(unlockStep(layout, settings.token));
    steps.forEach(show);
    dryRunOutputs(runner, settings);
}
function dryRunOutputs(runner, settings) {
    runner.setOutput('version', settings.rollbackTo ?? settings.version);
    runner.setOutput('previous-version', '');
    runner.setOutput('hosts-succeeded', '[]');
    runner.setOutput('hosts-failed', '[]');
    runner.setOutput('rolled-back', 'false');
    runner.appendSummary((0,markdown/* summary */.z)(`Deploy ${settings.app} (dry run)`, `Nothing was run. ${settings.hosts.length} host(s): ${settings.hosts.map(core_hosts/* formatHostSpec */.BB).join(', ')}${settings.stack ? ` (stack ${settings.stack})` : ''}`));
}
/** What every deploy does before it starts anything: upload the release, log in, pre-deploy. */
function releaseSteps(settings, layout, release) {
    const steps = [
        writeFileStep(layout, release, COMPOSE_FILE, settings.composeFile?.content ?? ''),
        writeFileStep(layout, release, ENV_FILE, settings.env)
    ];
    const registry = settings.registry;
    if (registry)
        steps.push(loginStep(registry.server, registry.username, registry.password));
    if (settings.preDeploy)
        steps.push(hookStep(layout, release, 'pre-deploy', settings.preDeploy));
    return steps;
}


/***/ }),

/***/ 8003:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   cO: () => (/* binding */ tagOf),
/* harmony export */   iP: () => (/* binding */ sanitizeTag),
/* harmony export */   mL: () => (/* binding */ TAG_EXPECTATION),
/* harmony export */   nA: () => (/* binding */ withoutDigest),
/* harmony export */   o_: () => (/* binding */ parseImageReference),
/* harmony export */   r_: () => (/* binding */ isValidTag)
/* harmony export */ });
/* unused harmony exports TAG_PATTERN, DIGEST_EXPECTATION, REFERENCE_EXPECTATION, isDigest, sameRepository */
/**
 * Image references as Docker reads them (the distribution/reference grammar and Docker's
 * normalisation): `[registry[:port]/]path[:tag][@digest]`. The one parser every action reads
 * image inputs with; nothing that fails it is ever output, or sent to a registry or a host.
 */
/** Docker Hub's name; `index.docker.io` is its legacy alias. */
const DOCKER_HUB = 'docker.io';
const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const TAG_EXPECTATION = 'a tag of 1 to 128 letters, digits, `_`, `.` and `-`, not starting with `.` or `-`';
const DIGEST_EXPECTATION = 'a digest such as `@sha256:` followed by 64 lowercase hex digits';
const REFERENCE_EXPECTATION = 'an image reference such as `ghcr.io/acme/shop:1.4.2` or `shop@sha256:…`';
function isValidTag(tag) {
    return TAG_PATTERN.test(tag);
}
/**
 * Turns a branch name into a tag: runs of characters outside the grammar become `-`, leading
 * characters a tag may not start with are dropped, and it is cut to 128 characters. Undefined
 * when nothing is left.
 */
function sanitizeTag(name) {
    const tag = name
        .replace(/[^A-Za-z0-9_.-]+/g, '-')
        .replace(/^[.-]+/, '')
        .slice(0, 128)
        .replace(/[.-]+$/, '');
    return isValidTag(tag) ? tag : undefined;
}
/** The digest algorithms registries verify (go-digest's), each with its length in hex. */
const DIGEST = /^(?:sha256:[a-f0-9]{64}|sha384:[a-f0-9]{96}|sha512:[a-f0-9]{128})$/;
function isDigest(text) {
    return DIGEST.test(text);
}
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const PATH = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`);
/** Docker refuses a name that could be mistaken for an image ID. */
const IMAGE_ID = /^[a-f0-9]{64}$/;
const NAME_MAX = 255;
/**
 * Parses `name[:tag][@digest]` (surrounding white space ignored). On failure, what was expected
 * and of which part, so callers can name their input and, for the name, their own example.
 */
function parseImageReference(text, options = {}) {
    const value = text.trim();
    const at = value.indexOf('@');
    const digest = at >= 0 ? value.slice(at + 1) : undefined;
    const nameAndTag = at >= 0 ? value.slice(0, at) : value;
    if (digest !== undefined && !isDigest(digest)) {
        return { error: DIGEST_EXPECTATION, part: 'digest' };
    }
    const colon = nameAndTag.indexOf(':', nameAndTag.lastIndexOf('/') + 1);
    const tag = colon >= 0 ? nameAndTag.slice(colon + 1) : undefined;
    const written = colon >= 0 ? nameAndTag.slice(0, colon) : nameAndTag;
    if (tag !== undefined && !isValidTag(tag))
        return { error: TAG_EXPECTATION, part: 'tag' };
    const split = splitDomain(written);
    const path = options.foldCase ? split.path.toLowerCase() : split.path;
    const name = split.domain === undefined ? path : `${split.domain}/${path}`;
    if (name.length > NAME_MAX ||
        (split.domain !== undefined && !DOMAIN.test(split.domain)) ||
        !PATH.test(path.toLowerCase()) ||
        IMAGE_ID.test(value)) {
        return { error: REFERENCE_EXPECTATION, part: 'name' };
    }
    if (path !== path.toLowerCase()) {
        const lowered = `${split.domain === undefined ? '' : `${split.domain}/`}${path.toLowerCase()}`;
        return {
            error: `${REFERENCE_EXPECTATION}; repository names are lower case (\`${lowered}\`)`,
            part: 'name'
        };
    }
    const registry = split.domain === undefined || split.domain === 'index.docker.io' ? DOCKER_HUB : split.domain;
    const repository = registry === DOCKER_HUB && !path.includes('/') ? `library/${path}` : path;
    return {
        reference: {
            registry,
            repository,
            ...(tag === undefined ? {} : { tag }),
            ...(digest === undefined ? {} : { digest })
        },
        name
    };
}
/**
 * Docker's rule: the first component names a registry when it has a dot or a port, or is
 * `localhost` (or an IPv6 address in brackets); else the whole name is a Docker Hub path.
 */
function splitDomain(name) {
    const slash = name.indexOf('/');
    const first = slash >= 0 ? name.slice(0, slash) : '';
    const isDomain = slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first.startsWith('['));
    return isDomain ? { domain: first, path: name.slice(slash + 1) } : { path: name };
}
/** The tag of a reference; undefined when it has none, or is none (upper case is forgiven). */
function tagOf(text) {
    const parsed = parseImageReference(text, { foldCase: true });
    return 'reference' in parsed ? parsed.reference.tag : undefined;
}
/**
 * The reference as written, without its digest: Swarm reports a service's image pinned
 * (`shop:1.4@sha256:…`) where the user wrote `shop:1.4`.
 */
function withoutDigest(text) {
    const at = text.lastIndexOf('@');
    return at >= 0 && isDigest(text.slice(at + 1)) ? text.slice(0, at) : text;
}
/** `registry/repository[:tag][@digest]`, always with the registry, so logs are unambiguous. */
function formatReference(ref) {
    return (`${ref.registry}/${ref.repository}` +
        (ref.tag ? `:${ref.tag}` : '') +
        (ref.digest ? `@${ref.digest}` : ''));
}
function sameRepository(a, b) {
    return a.registry === b.registry && a.repository === b.repository;
}


/***/ }),

/***/ 3848:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BB: () => (/* binding */ formatHostSpec),
/* harmony export */   eS: () => (/* binding */ HOST_SPEC_EXPECTED),
/* harmony export */   nn: () => (/* binding */ parseHostSpec)
/* harmony export */ });
const USER = /^[a-z_][a-z0-9_.-]*\$?$/i;
const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const HOST_SPEC_EXPECTED = '`user@host` or `user@host:port`, e.g. `deploy@10.0.1.5:22`';
function parseHostSpec(text) {
    const m = /^([^@\s]+)@(\[[0-9A-Fa-f:.]+\]|[^:@\s[\]]+)(?::(\d{1,5}))?$/.exec(text.trim());
    if (!m)
        return undefined;
    const [, user = '', rawHost = '', rawPort] = m;
    const port = rawPort === undefined ? 22 : Number(rawPort);
    const host = rawHost.startsWith('[') ? rawHost.slice(1, -1) : rawHost;
    if (!USER.test(user) || port < 1 || port > 65535)
        return undefined;
    if (!rawHost.startsWith('[') && !HOSTNAME.test(host))
        return undefined;
    return { user, host, port };
}
function formatHostSpec(spec) {
    const host = spec.host.includes(':') ? `[${spec.host}]` : spec.host;
    return `${spec.user}@${host}${spec.port === 22 ? '' : `:${spec.port}`}`;
}


/***/ }),

/***/ 6153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ isPlainObject),
/* harmony export */   e: () => (/* binding */ asObject)
/* harmony export */ });
/** Parsed JSON or YAML, read safely: which values are objects, and fields read from any value. */
/** An object with fields (a JSON object, a YAML mapping): not null, not an array. */
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The value as an object to read fields from; `{}` when it is none (a body of the wrong shape). */
function asObject(value) {
    return isPlainObject(value) ? value : {};
}


/***/ }),

/***/ 4318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HostKeyRefusedError: () => (/* binding */ HostKeyRefusedError),
/* harmony export */   SshConnectError: () => (/* binding */ SshConnectError),
/* harmony export */   connectSsh: () => (/* binding */ connectSsh)
/* harmony export */ });
/* harmony import */ var _lib_known_hosts_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6014);

class HostKeyRefusedError extends Error {
    host;
    verdict;
    constructor(host, verdict) {
        const why = {
            'unknown-host': 'is not in known-hosts/fingerprint',
            'changed-key': 'does not match the key in known-hosts/fingerprint (REMOTE HOST IDENTIFICATION HAS CHANGED?)',
            revoked: 'is marked @revoked in known-hosts'
        }[verdict.reason];
        super(`Host key verification failed for ${host}: the key it presented (${verdict.fingerprint}) ${why}. Nothing was run there.`);
        this.host = host;
        this.verdict = verdict;
    }
}
class SshConnectError extends Error {
}
const label = (t) => `${t.user}@${t.host}${t.port === 22 ? '' : `:${t.port}`}`;
/** Splits a stream of chunks into lines, keeping a partial last line until more arrives. */
function lineSplitter(emit) {
    let pending = '';
    return {
        push(chunk) {
            pending += chunk.toString('utf8');
            const lines = pending.split(/\r?\n/);
            pending = lines.pop() ?? '';
            for (const line of lines)
                emit(line);
        },
        flush() {
            if (pending)
                emit(pending);
            pending = '';
        }
    };
}
async function connectSsh(target) {
    const { NodeSSH } = await __webpack_require__.e(/* import() */ 487).then(__webpack_require__.bind(__webpack_require__, 9487));
    const bastion = target.via ? await connectSsh(target.via) : undefined;
    let sock;
    if (bastion && target.via) {
        const via = target.via;
        const client = bastions.get(bastion);
        sock = await new Promise((resolve, reject) => {
            if (!client)
                return reject(new SshConnectError(`No connection to ${label(via)}`));
            client.forwardOut('127.0.0.1', 0, target.host, target.port, (error, stream) => error
                ? reject(new SshConnectError(`Cannot reach ${label(target)} through ${label(via)}: ${error.message}`))
                : resolve(stream));
        });
    }
    let refusal;
    const ssh = new NodeSSH();
    try {
        await ssh.connect({
            host: sock ? undefined : target.host,
            port: target.port,
            sock,
            username: target.user,
            privateKey: target.privateKey,
            passphrase: target.passphrase,
            readyTimeout: target.readyTimeoutMs ?? 20_000,
            keepaliveInterval: 5_000,
            keepaliveCountMax: 3,
            hostVerifier: (key) => {
                if (target.trust === 'insecure')
                    return true;
                const verdict = (0,_lib_known_hosts_js__WEBPACK_IMPORTED_MODULE_0__/* .verifyHostKey */ .Hj)(key, target.host, target.port, target.trust);
                if (!verdict.ok)
                    refusal = verdict;
                return verdict.ok;
            }
        });
    }
    catch (error) {
        await bastion?.close();
        if (refusal)
            throw new HostKeyRefusedError(label(target), refusal);
        const message = error instanceof Error ? error.message : String(error);
        throw new SshConnectError(`Cannot connect to ${label(target)}: ${message}`);
    }
    const shell = {
        async exec(script, options = {}) {
            const out = lineSplitter((line) => options.onLine?.(line, 'stdout'));
            const err = lineSplitter((line) => options.onLine?.(line, 'stderr'));
            try {
                const result = await ssh.execCommand(script, {
                    stdin: options.stdin,
                    noTrim: true,
                    onStdout: (chunk) => out.push(chunk),
                    onStderr: (chunk) => err.push(chunk)
                });
                out.flush();
                err.flush();
                return { code: result.code, stdout: result.stdout, stderr: result.stderr };
            }
            catch (error) {
                const message = error instanceof Error ? error.message : String(error);
                throw new SshConnectError(`Connection to ${label(target)} lost: ${message}`);
            }
        },
        async close() {
            ssh.dispose();
            await bastion?.close();
        }
    };
    if (ssh.connection)
        bastions.set(shell, ssh.connection);
    return shell;
}
/** The raw ssh2 client behind a shell, for jumping through it. */
const bastions = new WeakMap();


/***/ }),

/***/ 5577:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ runAction)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7268);
/**
 * The one error boundary every action runs inside: a ConfigurationError (the user can fix it) is
 * reported as its message; anything else as a bug, with the stack in debug logs. Non-Error throws
 * are caught too.
 */

async function runAction(runner, body) {
    try {
        await body();
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1) {
            runner.setFailed(error.message);
            return;
        }
        if (error instanceof Error && error.stack)
            runner.debug(error.stack);
        runner.setFailed(`Unexpected error: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`);
    }
}


/***/ }),

/***/ 4517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ realClock)
/* harmony export */ });
/* unused harmony export instantClock */
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1737);
/** Time as a dependency: the real one, or a fake that tests advance without waiting. */

const realClock = { now: () => Date.now(), sleep: _retry_js__WEBPACK_IMPORTED_MODULE_0__/* .realSleep */ .uk };
/**
 * A clock whose sleeps return at once and move its time forward: the dry run walks the real
 * deploy sequence with it (every wait and timeout plays out, nothing waits).
 */
function instantClock(start = Date.now()) {
    let now = start;
    const slept = [];
    return {
        slept,
        now: () => now,
        sleep: async (ms) => {
            slept.push(ms);
            now += ms;
        }
    };
}


/***/ }),

/***/ 1980:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OW: () => (/* binding */ readCiContext)
/* harmony export */ });
/* unused harmony exports readEventPayload, httpsRepositoryUrl */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6153);
/**
 * What the CI says about this build, from GitHub's variables or CircleCI's, read from an
 * environment object (not process.env directly, so tests pass their own). Git fills the gaps
 * elsewhere (src/io/git.ts) when neither CI says.
 */


const nonEmpty = (v) => v === undefined || v.trim() === '' ? undefined : v.trim();
/** Events whose GITHUB_REF is not the code being built: the payload says what is. */
const PAYLOAD_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group']);
/**
 * The CI context. `payload` is the GitHub event (GITHUB_EVENT_PATH); by default it is read from
 * that file, and only for the events that need it.
 */
function readCiContext(env, payload) {
    if (env.GITHUB_ACTIONS === 'true') {
        const event = nonEmpty(env.GITHUB_EVENT_NAME) ?? 'push';
        return githubContext(env, payload ?? (PAYLOAD_EVENTS.has(event) ? readEventPayload(env) : undefined));
    }
    if (env.CIRCLECI === 'true')
        return circleContext(env);
    return { provider: 'local', eventName: 'local' };
}
/** The GitHub event payload, or undefined when there is none or it is not JSON. */
function readEventPayload(env) {
    const path = nonEmpty(env.GITHUB_EVENT_PATH);
    if (!path)
        return undefined;
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
    }
    catch {
        return undefined;
    }
}
const str = (v) => (typeof v === 'string' ? nonEmpty(v) : undefined);
const positive = (v) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
    return Number.isSafeInteger(n) && n > 0 ? n : undefined;
};
const stripHeads = (ref) => ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
function githubContext(env, payload) {
    const ref = env.GITHUB_REF ?? '';
    const server = nonEmpty(env.GITHUB_SERVER_URL) ?? 'https://github.com';
    const repository = nonEmpty(env.GITHUB_REPOSITORY);
    const runId = nonEmpty(env.GITHUB_RUN_ID);
    const eventName = nonEmpty(env.GITHUB_EVENT_NAME) ?? 'push';
    const event = (0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asObject */ .e)(payload);
    let branch = stripHeads(ref);
    let tag = ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined;
    let pullRequest;
    let pullRequestBase;
    let pullRequestHeadSha;
    const refPr = /^refs\/pull\/(\d+)\//.exec(ref);
    if (eventName === 'pull_request' || eventName === 'pull_request_target' || refPr) {
        // pull_request_target runs with GITHUB_REF set to the base branch: that is not this code.
        const pr = (0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asObject */ .e)(event.pull_request);
        pullRequest = positive(refPr?.[1]) ?? positive(event.number) ?? positive(pr.number);
        branch = nonEmpty(env.GITHUB_HEAD_REF) ?? str((0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asObject */ .e)(pr.head).ref);
        pullRequestBase = nonEmpty(env.GITHUB_BASE_REF) ?? str((0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asObject */ .e)(pr.base).ref);
        pullRequestHeadSha = str((0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asObject */ .e)(pr.head).sha);
        tag = undefined;
    }
    else if (eventName === 'merge_group') {
        // GITHUB_REF is the queue's temporary branch (gh-readonly-queue/<base>/pr-N-<sha>).
        const group = (0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asObject */ .e)(event.merge_group);
        branch =
            stripHeads(str(group.base_ref)) ?? /^gh-readonly-queue\/(.+)\/pr-\d+-/.exec(branch ?? '')?.[1];
    }
    return {
        provider: 'github',
        eventName,
        branch,
        tag,
        pullRequest,
        pullRequestBase,
        pullRequestHeadSha,
        sha: nonEmpty(env.GITHUB_SHA),
        buildNumber: nonEmpty(env.GITHUB_RUN_NUMBER),
        repository,
        repositoryUrl: repository ? `${server}/${repository}` : undefined,
        actor: nonEmpty(env.GITHUB_ACTOR),
        runUrl: repository && runId ? `${server}/${repository}/actions/runs/${runId}` : undefined
    };
}
function circleContext(env) {
    const owner = nonEmpty(env.CIRCLE_PROJECT_USERNAME);
    const name = nonEmpty(env.CIRCLE_PROJECT_REPONAME);
    const branch = nonEmpty(env.CIRCLE_BRANCH);
    // A forked pull request: CircleCI sets CIRCLE_PR_NUMBER and names the branch `pull/N`.
    const forkPr = positive(nonEmpty(env.CIRCLE_PR_NUMBER)) ?? positive(/^pull\/(\d+)$/.exec(branch ?? '')?.[1]);
    // CIRCLE_PULL_REQUEST(S): pull requests open for a branch of this repository, which is pushed.
    const open = [
        ...new Set(`${env.CIRCLE_PULL_REQUESTS ?? ''},${env.CIRCLE_PULL_REQUEST ?? ''}`
            .split(',')
            .map((url) => positive(/\/pull\/(\d+)\/?$/.exec(url.trim())?.[1]))
            .filter((n) => n !== undefined))
    ].sort((a, b) => a - b);
    const tag = nonEmpty(env.CIRCLE_TAG);
    return {
        provider: 'circleci',
        eventName: forkPr !== undefined && tag === undefined ? 'pull_request' : 'push',
        branch,
        tag,
        pullRequest: tag === undefined ? forkPr : undefined,
        openPullRequests: forkPr === undefined && tag === undefined && open.length ? open : undefined,
        sha: nonEmpty(env.CIRCLE_SHA1),
        buildNumber: nonEmpty(env.CIRCLE_BUILD_NUM),
        repository: owner && name ? `${owner}/${name}` : name,
        repositoryUrl: httpsRepositoryUrl(nonEmpty(env.CIRCLE_REPOSITORY_URL)),
        actor: nonEmpty(env.CIRCLE_USERNAME),
        runUrl: nonEmpty(env.CIRCLE_BUILD_URL)
    };
}
/** CircleCI gives `git@github.com:org/repo.git`; labels and links want `https://github.com/org/repo`. */
function httpsRepositoryUrl(url) {
    if (!url)
        return undefined;
    const scp = /^[\w.-]+@([\w.-]+):(.+?)(\.git)?$/.exec(url);
    if (scp)
        return `https://${scp[1]}/${scp[2]}`;
    return url.replace(/\.git$/, '');
}


/***/ }),

/***/ 7268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   j1: () => (/* binding */ ConfigurationError)
/* harmony export */ });
/**
 * Errors the user can fix (a bad input, a bad config file) are ConfigurationErrors: the action
 * prints their message as is and fails. Anything else is a bug: the message and, in debug, the stack.
 */
class ConfigurationError extends Error {
    name = 'ConfigurationError';
}
/** A bad input: names the input, the value and what was expected. */
class InputError extends ConfigurationError {
    input;
    value;
    expected;
    constructor(input, value, expected) {
        super(`Input '${input}' is ${JSON.stringify(value)}: expected ${expected}.`);
        this.input = input;
        this.value = value;
        this.expected = expected;
    }
}
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    return typeof error === 'string' ? error : JSON.stringify(error);
}


/***/ }),

/***/ 1662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i_: () => (/* binding */ InputReader),
/* harmony export */   q$: () => (/* binding */ isHttpUrl),
/* harmony export */   ry: () => (/* binding */ splitList)
/* harmony export */ });
/* unused harmony export parseDuration */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7268);
/**
 * The one input parser. Each action reads its inputs once, through these functions, into a typed
 * settings object; a bad value throws an InputError naming the input, the value and what was
 * expected, before the action changes anything. Defaults live in action.yml (the runner and the
 * CLI fill them in), so an empty value here means "not given".
 */

/** YAML 1.2 core-schema booleans, as the runner's users write them. */
const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);
class InputReader {
    read;
    onSecret;
    constructor(read, onSecret = () => { }) {
        this.read = read;
        this.onSecret = onSecret;
    }
    /** The trimmed value, or undefined when empty. */
    optional(name) {
        const value = this.read(name).trim();
        return value === '' ? undefined : value;
    }
    required(name, expected) {
        const value = this.optional(name);
        if (value === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, '', expected);
        return value;
    }
    /** A secret: masked before anything else can print it. Not trimmed (keys end in newlines). */
    secret(name) {
        const value = this.read(name);
        if (value.trim() === '')
            return undefined;
        this.onSecret(value);
        for (const line of value.split(/\r?\n/))
            if (line.trim().length > 3)
                this.onSecret(line.trim());
        return value;
    }
    boolean(name, fallback) {
        const value = this.optional(name);
        if (value === undefined)
            return fallback;
        if (TRUE.has(value))
            return true;
        if (FALSE.has(value))
            return false;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, value, '`true` or `false`');
    }
    integer(name, range = {}) {
        const value = this.optional(name);
        if (value === undefined)
            return undefined;
        const { min = 0, max = Number.MAX_SAFE_INTEGER } = range;
        const n = /^\d+$/.test(value) ? Number(value) : NaN;
        if (!Number.isSafeInteger(n) || n < min || n > max) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, value, `a whole number from ${min} to ${max}`);
        }
        return n;
    }
    choice(name, options, fallback) {
        const value = this.optional(name);
        if (value === undefined)
            return fallback;
        if (options.includes(value))
            return value;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, value, `one of ${options.map((o) => `\`${o}\``).join(', ')}`);
    }
    /** A duration: `90` (seconds), `90s`, `5m`, `1h`, `1m30s`; in milliseconds. */
    duration(name, fallbackMs) {
        const value = this.optional(name);
        if (value === undefined)
            return fallbackMs;
        const ms = parseDuration(value);
        if (ms === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, value, 'a duration such as `90s`, `5m` or `1h` (a bare number is seconds)');
        return ms;
    }
    /** An http(s) URL (`isHttpUrl`), or undefined when empty. */
    url(name, expected = 'an http(s) URL') {
        const value = this.optional(name);
        if (value !== undefined && !isHttpUrl(value))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, value, expected);
        return value;
    }
    /** A list, one item per line or separated by commas; blank items and `#` comments dropped. */
    list(name) {
        return splitList(this.read(name));
    }
}
/** `http://` or `https://`, a host, no white space, and a URL that parses (a port in range). */
function isHttpUrl(text) {
    if (!/^https?:\/\/[^\s/?#]+\S*$/.test(text) || !URL.canParse(text))
        return false;
    return new URL(text).hostname !== '';
}
function splitList(value) {
    return value
        .split(/\r?\n/)
        .filter((line) => !line.trim().startsWith('#'))
        .flatMap((line) => line.split(','))
        .map((item) => item.trim())
        .filter((item) => item !== '');
}
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
function parseDuration(text) {
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    const parts = [...text.matchAll(/(\d+)(ms|s|m|h)/g)];
    if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text)
        return undefined;
    return parts.reduce((sum, [, n, unit]) => sum + Number(n) * (UNIT_MS[unit] ?? 0), 0);
}


/***/ }),

/***/ 6014:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hj: () => (/* binding */ verifyHostKey),
/* harmony export */   uJ: () => (/* binding */ parseKnownHosts)
/* harmony export */ });
/* unused harmony exports fingerprintSha256, knownHostsName */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Host-key verification as OpenSSH does it: known_hosts lines (plain, `[host]:port`, wildcards,
 * negations, hashed `|1|salt|hash` entries, `@revoked`) or pinned `SHA256:` fingerprints.
 * A key is accepted only when it is listed for this very host; anything else is refused.
 */

function fingerprintSha256(key) {
    return `SHA256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}
/** An SSH key blob starts with its own type name (RFC 4253 §6.6); a line whose blob does not is garbage. */
function blobKeyType(blob) {
    if (blob.length < 4)
        return undefined;
    const length = blob.readUInt32BE(0);
    return length > 0 && length < 64 && blob.length >= 4 + length
        ? blob.subarray(4, 4 + length).toString('latin1')
        : undefined;
}
/** Parses known_hosts text; returns entries and the numbers of lines it could not read. */
function parseKnownHosts(text) {
    const entries = [];
    const invalidLines = [];
    text.split(/\r?\n/).forEach((raw, i) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const words = line.split(/\s+/);
        const marker = words[0] === '@revoked' || words[0] === '@cert-authority'
            ? words.shift()
            : undefined;
        const [hosts, keyType, keyText] = words;
        const key = keyText && /^[A-Za-z0-9+/]+=*$/.test(keyText) ? Buffer.from(keyText, 'base64') : undefined;
        if (!hosts || !keyType || !key || blobKeyType(key) !== keyType) {
            invalidLines.push(i + 1);
            return;
        }
        entries.push({ marker, hosts, keyType, key, line: i + 1 });
    });
    return { entries, invalidLines };
}
/** The name OpenSSH looks up: `host` on port 22, `[host]:port` otherwise. */
function knownHostsName(host, port) {
    return port === 22 ? host : `[${host}]:${port}`;
}
function globMatch(pattern, value) {
    const source = pattern
        .replace(/[\\^$.|+()[\]{}]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
    return new RegExp(`^${source}$`, 'i').test(value);
}
function entryMatches(entry, name) {
    if (entry.hosts.startsWith('|1|')) {
        const [, , salt, hash] = entry.hosts.split('|');
        if (!salt || !hash)
            return false;
        const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64');
        return digest === hash;
    }
    let matched = false;
    for (const pattern of entry.hosts.split(',')) {
        if (pattern.startsWith('!')) {
            if (globMatch(pattern.slice(1), name))
                return false;
        }
        else if (globMatch(pattern, name))
            matched = true;
    }
    return matched;
}
/**
 * Checks a presented key (the raw SSH key blob) against known_hosts entries and/or pinned
 * fingerprints for this host.
 */
function verifyHostKey(presented, host, port, trust) {
    const fingerprint = fingerprintSha256(presented);
    const names = [knownHostsName(host, port)];
    const forHost = (trust.entries ?? []).filter((e) => names.some((n) => entryMatches(e, n)));
    if (forHost.some((e) => e.marker === '@revoked' && e.key.equals(presented))) {
        return { ok: false, fingerprint, reason: 'revoked' };
    }
    const trusted = forHost.filter((e) => e.marker === undefined);
    if (trusted.some((e) => e.key.equals(presented)))
        return { ok: true, fingerprint };
    if ((trust.fingerprints ?? []).some((f) => f.replace(/=+$/, '') === fingerprint))
        return { ok: true, fingerprint };
    const known = trusted.length > 0 || (trust.fingerprints ?? []).length > 0;
    return { ok: false, fingerprint, reason: known ? 'changed-key' : 'unknown-host' };
}


/***/ }),

/***/ 3862:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AS: () => (/* binding */ pre),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   z: () => (/* binding */ summary)
/* harmony export */ });
/* unused harmony export escapeCell */
/** Job-summary markdown: tables whose cells cannot break the table or inject markup. */
function escapeCell(value) {
    return value
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n/g, '<br>');
}
function code(value) {
    return value === '' ? '' : `<code>${escapeCell(value)}</code>`;
}
/** Cells are escaped here; pass markup (e.g. from code()) through `raw`. */
function table(header, rows) {
    const cell = (c) => (typeof c === 'string' ? escapeCell(c) : c.raw);
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [
        line(header.map(escapeCell)),
        line(header.map(() => '---')),
        ...rows.map((r) => line(r.map(cell)))
    ].join('\n');
}
function summary(title, body) {
    return `### ${escapeCell(title)}\n\n${body}\n`;
}
/** Preformatted text in a summary: HTML-escaped, newlines kept. */
function pre(text) {
    return `<pre>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</pre>`;
}


/***/ }),

/***/ 1737:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ retry),
/* harmony export */   TK: () => (/* binding */ httpRetryDecision),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   uk: () => (/* binding */ realSleep)
/* harmony export */ });
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function retry(operation, options) {
    const sleep = options.sleep ?? realSleep;
    const max = options.maxDelayMs ?? 30_000;
    for (let attempt = 1;; attempt++) {
        try {
            return await operation(attempt);
        }
        catch (error) {
            const decision = attempt < options.attempts ? options.retryable(error) : false;
            if (decision === false)
                throw error;
            const delayMs = decision === true
                ? Math.min(max, options.baseDelayMs * 2 ** (attempt - 1))
                : Math.min(max, decision.afterMs);
            options.onRetry?.(error, attempt, delayMs);
            await sleep(delayMs);
        }
    }
}
/**
 * Whether an HTTP answer is worth another attempt: 408, 429 and 5xx are the server's trouble,
 * any other status is the request's. A `Retry-After` is waited for exactly; one longer than
 * `maxDelayMs` is not worth waiting for (waiting less than asked only earns another 429, waiting
 * longer stalls the pipeline), so the failure is reported at once.
 */
function httpRetryDecision(status, retryAfterMs, maxDelayMs) {
    if (status !== 408 && status !== 429 && status < 500)
        return false;
    if (retryAfterMs === undefined)
        return true;
    return retryAfterMs <= maxDelayMs ? { afterMs: retryAfterMs } : false;
}
/** `Retry-After` as seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    if (/^\d+$/.test(value.trim()))
        return Number(value.trim()) * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}


/***/ }),

/***/ 9445:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ githubRunner)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2398);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(881);
/**
 * The runner port every action talks to, and its GitHub adapter over `@actions/core`. The port
 * stays so that the same run() serves the `gantry` CLI (src/cli/runner.ts) and tests; on GitHub
 * (and under `@github/local-action`, which stands in for `@actions/core`) the adapter below is used.
 */




function githubRunner(env = process.env, actionsCore = _actions_core__WEBPACK_IMPORTED_MODULE_0__) {
    const c = actionsCore;
    const untrusted = (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_3__/* .untrustedChannel */ ._)((text) => c.info(text));
    // Anything of Gantry's own ends an open untrusted region first, so the runner reads it.
    const own = (f) => (...args) => {
        untrusted.close();
        return f(...args);
    };
    return {
        env,
        get isDebug() {
            return c.isDebug();
        },
        getInput: (name) => c.getInput(name),
        setOutput: own((name, value) => c.setOutput(name, value)),
        saveState: own((name, value) => c.saveState(name, value)),
        getState: (name) => c.getState(name),
        setSecret: own((value) => {
            if (value)
                c.setSecret(value);
        }),
        debug: own((message) => c.debug(message)),
        info: own((message) => c.info(message)),
        untrusted: (text, prefix) => untrusted.print(text, prefix),
        notice: own((message, props) => c.notice(message, props)),
        warning: own((message, props) => c.warning(message, props)),
        error: own((message, props) => c.error(message, props)),
        group: own((name, body) => c.group(name, async () => {
            try {
                return await body();
            }
            finally {
                untrusted.close(); // before core's ::endgroup::
            }
        })),
        appendSummary(markdown) {
            // core.summary writes asynchronously only; the summary is appended markdown in the file
            // core.summary would write (GITHUB_STEP_SUMMARY, which local-action sets too), so the port
            // stays synchronous. No file (an old runner, a local run): nothing to append to.
            const path = env.GITHUB_STEP_SUMMARY;
            if (path)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(path, markdown.endsWith(node_os__WEBPACK_IMPORTED_MODULE_2__.EOL) ? markdown : markdown + node_os__WEBPACK_IMPORTED_MODULE_2__.EOL, 'utf8');
        },
        setFailed: own((message) => c.setFailed(message))
    };
}


/***/ })

};
