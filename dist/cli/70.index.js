export const id = 70;
export const ids = [70,773];
export const modules = {

/***/ 84070:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  INPUTS: () => (/* reexport */ INPUTS),
  readSettings: () => (/* reexport */ readSettings),
  run: () => (/* binding */ run)
});

;// CONCATENATED MODULE: ./src/core/ecs/rollout.ts
/**
 * What a DescribeServices answer says about one deployment's rollout. The trap this avoids (the
 * peer action's): a service the circuit breaker rolled back is "stable" again, on the OLD task
 * definition, so waiting for stability reports success. Here the deployment is followed by its
 * id: when it is FAILED, or another deployment has become PRIMARY, the rollout failed. Pure.
 */
const ROLLBACK_REASON = /circuit breaker|alarm|roll(ing|ed)? ?back/i;
function findOurDeployment(service, target) {
    const deployments = service.deployments ?? [];
    if (target.deploymentId !== undefined)
        return deployments.find((d) => d.id === target.deploymentId);
    return deployments.find((d) => d.status === 'PRIMARY' && d.taskDefinition === target.taskDefinitionArn);
}
function interpretRollout(service, target) {
    const deployments = service.deployments ?? [];
    const primary = deployments.find((d) => d.status === 'PRIMARY');
    const ours = findOurDeployment(service, target);
    if (ours?.rolloutState === 'FAILED') {
        return {
            state: 'FAILED',
            ours,
            rolledBack: primary !== undefined && primary.id !== ours.id,
            reason: ours.rolloutStateReason ?? 'ECS marked the deployment FAILED',
            primary
        };
    }
    if (ours === undefined || ours.status !== 'PRIMARY') {
        const rolledBack = primary !== undefined && ROLLBACK_REASON.test(primary.rolloutStateReason ?? '');
        return {
            state: 'FAILED',
            ours,
            rolledBack,
            reason: rolledBack
                ? (primary?.rolloutStateReason ?? 'rolled back')
                : `another deployment replaced it${primary ? ` (${primary.id ?? 'no id'}, ${revisionName(primary.taskDefinition)})` : ''}`,
            primary
        };
    }
    if (ours.rolloutState === 'COMPLETED')
        return { state: 'COMPLETED', ours };
    if (ours.rolloutState === undefined && isSteady(service))
        return { state: 'COMPLETED', ours };
    return { state: 'IN_PROGRESS', ours, waitingFor: progress(service, ours) };
}
/**
 * Whether the service is at rest: its only deployment has every task running (the check of the
 * `services-stable` waiter, for services without rollout states) or its PRIMARY one COMPLETED.
 */
function isSteady(service) {
    const deployments = service.deployments ?? [];
    const primary = deployments.find((d) => d.status === 'PRIMARY');
    if (primary === undefined)
        return false;
    if (primary.rolloutState !== undefined)
        return primary.rolloutState === 'COMPLETED';
    return deployments.length === 1 && primary.runningCount === primary.desiredCount;
}
/** `2/3 tasks running, 1 pending, 4 failed; 1 older deployment still has tasks`. */
function progress(service, deployment) {
    const parts = [
        `${deployment.runningCount ?? 0}/${deployment.desiredCount ?? 0} tasks running`,
        `${deployment.pendingCount ?? 0} pending`
    ];
    if (deployment.failedTasks)
        parts.push(`${deployment.failedTasks} failed`);
    const older = (service.deployments ?? []).filter((d) => d.id !== deployment.id).length;
    const tail = older > 0 ? `; ${older} older deployment${older > 1 ? 's' : ''} still draining` : '';
    return `${parts.join(', ')}${tail}`;
}
/** The service's events since a time, oldest first (ECS lists them newest first). */
function eventsSince(service, since, limit = 5) {
    return (service.events ?? [])
        .filter((e) => e.message && (!since || !e.createdAt || e.createdAt >= since))
        .slice(0, limit)
        .reverse()
        .map((e) => `${e.createdAt ? e.createdAt.toISOString() + ' ' : ''}${e.message}`);
}
/** `shop-api:42` from `arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-api:42`. */
function revisionName(arn) {
    if (!arn)
        return 'none';
    const slash = arn.lastIndexOf('/');
    return slash >= 0 ? arn.slice(slash + 1) : arn;
}
/** The name at the end of a cluster or service ARN, or the name itself. */
function resourceName(nameOrArn) {
    return nameOrArn.startsWith('arn:') ? (nameOrArn.split('/').at(-1) ?? nameOrArn) : nameOrArn;
}

// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(97268);
// EXTERNAL MODULE: ./src/lib/poll.ts
var poll = __webpack_require__(43962);
// EXTERNAL MODULE: ./src/io/aws.ts
var aws = __webpack_require__(9773);
;// CONCATENATED MODULE: ./src/io/ecs.ts




/** A cluster or service that does not exist (the caller names the input it came from). */
class EcsNotFoundError extends errors/* ConfigurationError */.j1 {
    resource;
    said;
    constructor(resource, said) {
        super(`ECS ${resource} not found (${said})`);
        this.resource = resource;
        this.said = said;
    }
}
function ecsApi(options) {
    let connected;
    const connect = () => (connected ??= Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(861), __webpack_require__.e(212)]).then(__webpack_require__.t.bind(__webpack_require__, 80212, 19)).then((sdk) => ({
        sdk,
        client: new sdk.ECSClient({
            region: options.region,
            maxAttempts: 1,
            customUserAgent: 'gantry-ecs-deploy',
            ...options.clientConfig
        })
    })));
    const attempts = options.attempts ?? 5;
    const call = async (operation, send) => {
        const { sdk, client } = await connect();
        try {
            return await (0,aws.awsCall)(`ECS ${operation}`, () => send(sdk, client), {
                attempts,
                sleep: options.sleep,
                onRetry: options.onRetry
            });
        }
        catch (error) {
            throw explain(operation, error, attempts);
        }
    };
    return {
        async describeService(cluster, service) {
            const output = await call('DescribeServices', (sdk, client) => client.send(new sdk.DescribeServicesCommand({ cluster, services: [service] })));
            const found = output.services?.[0];
            if (found)
                return found;
            const failure = output.failures?.[0];
            throw new EcsNotFoundError('service', `DescribeServices: ${failure?.reason ?? 'no such service'}${failure?.arn ? ` ${failure.arn}` : ''}${failure?.detail ? `: ${failure.detail}` : ''}`);
        },
        async listTags(resourceArn) {
            const output = await call('ListTagsForResource', (sdk, client) => client.send(new sdk.ListTagsForResourceCommand({ resourceArn })));
            return output.tags ?? [];
        },
        async tagResource(resourceArn, tags) {
            await call('TagResource', (sdk, client) => client.send(new sdk.TagResourceCommand({ resourceArn, tags })));
        },
        async describeTaskDefinition(taskDefinition) {
            const output = await call('DescribeTaskDefinition', (sdk, client) => client.send(new sdk.DescribeTaskDefinitionCommand({ taskDefinition, include: ['TAGS'] })));
            if (!output.taskDefinition) {
                throw new errors/* ConfigurationError */.j1(`ECS DescribeTaskDefinition returned nothing for ${taskDefinition}`);
            }
            return {
                definition: output.taskDefinition,
                tags: output.tags ?? []
            };
        },
        async registerTaskDefinition(definition) {
            const output = await call('RegisterTaskDefinition', (sdk, client) => client.send(new sdk.RegisterTaskDefinitionCommand(definition)));
            const registered = output.taskDefinition;
            if (!registered?.taskDefinitionArn) {
                throw new Error('ECS RegisterTaskDefinition returned no taskDefinitionArn');
            }
            return {
                arn: registered.taskDefinitionArn,
                ...(registered.family ? { family: registered.family } : {}),
                ...(registered.revision !== undefined ? { revision: registered.revision } : {})
            };
        },
        async updateService(request) {
            const output = await call('UpdateService', (sdk, client) => client.send(new sdk.UpdateServiceCommand({
                cluster: request.cluster,
                service: request.service,
                taskDefinition: request.taskDefinition,
                forceNewDeployment: request.forceNewDeployment,
                ...(request.desiredCount === undefined ? {} : { desiredCount: request.desiredCount })
            })));
            if (!output.service)
                throw new Error('ECS UpdateService returned no service');
            return output.service;
        },
        async stoppedTasks(cluster, service) {
            const listed = await call('ListTasks', (sdk, client) => client.send(new sdk.ListTasksCommand({
                cluster,
                serviceName: service,
                desiredStatus: 'STOPPED',
                maxResults: 100
            })));
            const tasks = listed.taskArns ?? [];
            if (tasks.length === 0)
                return [];
            const described = await call('DescribeTasks', (sdk, client) => client.send(new sdk.DescribeTasksCommand({ cluster, tasks })));
            return described.tasks ?? [];
        }
    };
}
/** What the user reads: what AWS said, and what to do about it. */
function explain(operation, error, attempts) {
    if (error instanceof errors/* ConfigurationError */.j1)
        return error;
    switch (error?.name) {
        case 'ClusterNotFoundException':
            return new EcsNotFoundError('cluster', `${operation}: ${(0,aws.awsSaid)(error)}`);
        case 'ServiceNotFoundException':
        case 'ServiceNotActiveException':
            return new EcsNotFoundError('service', `${operation}: ${(0,aws.awsSaid)(error)}`);
    }
    const passRole = operation === 'RegisterTaskDefinition'
        ? ', and iam:PassRole for the task and execution roles'
        : '';
    return (0,aws.explainAwsError)('ECS', operation, error, attempts, `the ecs:${operation} permission${passRole}`);
}
/** Polls DescribeServices until the deployment COMPLETED or FAILED, or the time is up. */
async function followRollout(api, options) {
    let last = '';
    const result = await (0,poll/* pollUntil */.g)(async () => {
        const service = await api.describeService(options.cluster, options.service);
        const rollout = interpretRollout(service, options.target);
        if (rollout.state === 'IN_PROGRESS' && rollout.waitingFor !== last)
            options.onProgress?.((last = rollout.waitingFor));
        return { rollout, service };
    }, {
        clock: options.clock,
        timeoutMs: options.timeoutMs,
        interval: options.pollMs,
        done: ({ rollout }) => rollout.state !== 'IN_PROGRESS'
    });
    return { ...result.value, timedOut: !result.settled };
}

// EXTERNAL MODULE: ./src/lib/clock.ts
var lib_clock = __webpack_require__(84517);
// EXTERNAL MODULE: ./src/lib/duration.ts
var duration = __webpack_require__(82543);
// EXTERNAL MODULE: ./src/lib/action.ts
var action = __webpack_require__(35577);
// EXTERNAL MODULE: ./src/lib/inputs.ts
var lib_inputs = __webpack_require__(51662);
// EXTERNAL MODULE: ./src/lib/runner.ts
var lib_runner = __webpack_require__(39445);
;// CONCATENATED MODULE: ./src/core/ecs/stable-record.ts
/**
 * The "last stable revision" record, kept as tags on the ECS service itself: it survives between
 * runs and runners, and ops see (and can edit) it in the console or with
 * `aws ecs list-tags-for-resource`. Two tags: the task definition of the latest rollout that
 * COMPLETED, and the stable one before it, which is where `rollback-to: previous` goes when the
 * service runs the latest stable one. Not "revision − 1": revisions that never became stable
 * (failed, rolled back, registered but never deployed) are not rollback targets. Pure.
 */
const LAST_STABLE_TAG = 'gantry:last-stable-task-definition';
const PREVIOUS_STABLE_TAG = 'gantry:previous-stable-task-definition';
/** ECS tag values: at most 256 characters. */
const MAX_TAG_VALUE = 256;
function readStableRecord(tags) {
    const value = (key) => tags.find((t) => t.key === key)?.value?.trim() || undefined;
    const last = value(LAST_STABLE_TAG);
    const previous = value(PREVIOUS_STABLE_TAG);
    return { ...(last ? { last } : {}), ...(previous ? { previous } : {}) };
}
/**
 * Where `rollback-to: previous` goes. A service on its latest stable revision goes to the one
 * before; a service on anything else (a rollout that never became stable, a revision deployed by
 * other means) goes back to the latest stable one.
 */
function rollbackTarget(record, current) {
    if (record.last === undefined) {
        return {
            error: `no stable revision is recorded on the service (tag \`${LAST_STABLE_TAG}\` is absent): it is set after each rollout that completes`
        };
    }
    if (record.last !== current) {
        return {
            taskDefinition: record.last,
            why: 'the last revision that was stable (the service does not run it now)'
        };
    }
    if (record.previous === undefined) {
        return {
            error: `the service runs the last stable revision (${record.last}) and no stable revision before it is recorded (tag \`${PREVIOUS_STABLE_TAG}\`)`
        };
    }
    return {
        taskDefinition: record.previous,
        why: 'the stable revision before the one the service runs now'
    };
}
/** The record after a rollout completed. */
function nextStableRecord(record, t) {
    if (t.deployed === record.last)
        return record;
    // Back to the previous stable one (a rollback): what came before that is not known.
    if (t.deployed === record.previous)
        return { last: t.deployed };
    const previous = t.beforeWasSteady && t.before && t.before !== t.deployed ? t.before : record.last;
    return { last: t.deployed, ...(previous ? { previous } : {}) };
}
/** The tags that store a record (an empty value: nothing recorded), or why they cannot. */
function stableRecordTags(record) {
    const tags = [
        { key: LAST_STABLE_TAG, value: record.last ?? '' },
        { key: PREVIOUS_STABLE_TAG, value: record.previous ?? '' }
    ];
    const tooLong = tags.find((t) => t.value.length > MAX_TAG_VALUE);
    if (tooLong) {
        return {
            error: `${tooLong.value} is longer than the ${MAX_TAG_VALUE} characters an ECS tag value may have`
        };
    }
    return { tags };
}

;// CONCATENATED MODULE: ./src/core/ecs/stopped-tasks.ts
/** Why a deployment's tasks stopped, from DescribeTasks, grouped by reason. Pure. */
/** A task's reason in one line: `Essential container in task exited; web: exit 1 (OOM…)`. */
function stoppedReason(task) {
    const containers = (task.containers ?? [])
        .filter((c) => c.exitCode !== undefined || c.reason)
        .map((c) => {
        const exit = c.exitCode === undefined ? '' : `exit ${c.exitCode}`;
        const reason = c.reason ?? '';
        return `${c.name ?? 'container'}: ${[exit, reason].filter(Boolean).join(', ')}`;
    });
    const head = task.stoppedReason ?? task.stopCode ?? 'stopped';
    return [head, ...containers].join('; ');
}
/**
 * The stopped tasks of one task definition (or of any, when none is given), newest first,
 * grouped by reason, at most `limit` groups.
 */
function groupStoppedTasks(tasks, taskDefinitionArn, limit = 5) {
    const newestFirst = tasks
        .filter((t) => taskDefinitionArn === undefined || t.taskDefinitionArn === taskDefinitionArn)
        .sort((a, b) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0));
    const groups = new Map();
    for (const task of newestFirst) {
        const reason = stoppedReason(task);
        const group = groups.get(reason);
        if (group)
            group.count++;
        else
            groups.set(reason, { reason, count: 1, example: taskId(task.taskArn) });
    }
    return [...groups.values()].slice(0, limit);
}
function taskId(arn) {
    return arn?.split('/').at(-1) ?? 'unknown';
}

// EXTERNAL MODULE: ./src/core/json.ts
var json = __webpack_require__(86153);
;// CONCATENATED MODULE: ./src/core/ecs/task-definition.ts
/**
 * Task definitions as users of aws-actions/amazon-ecs-render-task-definition and
 * amazon-ecs-deploy-task-definition write them: the output of `aws ecs describe-task-definition`
 * (read-only fields included, wrapped in `{"taskDefinition": …}` or not) or a hand-written file,
 * turned into a valid RegisterTaskDefinition request, with one container's image replaced. Pure.
 */

/** Returned by DescribeTaskDefinition, refused (or silently dropped) by RegisterTaskDefinition. */
const READ_ONLY_FIELDS = [
    'compatibilities',
    'taskDefinitionArn',
    'requiresAttributes',
    'revision',
    'status',
    'registeredAt',
    'deregisteredAt',
    'registeredBy',
    'deleteRequestedAt'
];
/** RegisterTaskDefinition's parameters (@aws-sdk/client-ecs 3.1164). */
const REGISTER_FIELDS = new Set([
    'family',
    'taskRoleArn',
    'executionRoleArn',
    'networkMode',
    'containerDefinitions',
    'volumes',
    'placementConstraints',
    'requiresCompatibilities',
    'cpu',
    'memory',
    'tags',
    'pidMode',
    'ipcMode',
    'proxyConfiguration',
    'inferenceAccelerators',
    'ephemeralStorage',
    'runtimePlatform',
    'enableFaultInjection'
]);
/** ContainerDefinition's fields (@aws-sdk/client-ecs 3.1164). */
const CONTAINER_FIELDS = new Set(('name image repositoryCredentials cpu memory memoryReservation links portMappings essential ' +
    'restartPolicy entryPoint command environment environmentFiles mountPoints volumesFrom ' +
    'linuxParameters secrets dependsOn startTimeout stopTimeout versionConsistency hostname user ' +
    'workingDirectory disableNetworking privileged readonlyRootFilesystem dnsServers ' +
    'dnsSearchDomains extraHosts dockerSecurityOptions interactive pseudoTerminal dockerLabels ' +
    'ulimits logConfiguration healthCheck systemControls resourceRequirements ' +
    'firelensConfiguration credentialSpecs').split(' '));
/**
 * Cleans a task definition for RegisterTaskDefinition: read-only fields removed, and null or
 * empty values dropped as amazon-ecs-deploy-task-definition does (so `--generate-cli-skeleton`
 * files work), except an environment variable's empty value, which means something.
 */
function prepareTaskDefinition(value) {
    if (!(0,json/* isPlainObject */.Q)(value))
        return { error: 'a JSON object with `family` and `containerDefinitions`' };
    let source = value;
    let unwrapped = false;
    if ((0,json/* isPlainObject */.Q)(value.taskDefinition) && !('containerDefinitions' in value)) {
        source = { ...value.taskDefinition };
        if (Array.isArray(value.tags) && value.tags.length > 0)
            source.tags = value.tags;
        unwrapped = true;
    }
    const cleaned = dropEmpty(source, []);
    const definition = { ...cleaned };
    const stripped = READ_ONLY_FIELDS.filter((field) => field in definition);
    for (const field of stripped)
        delete definition[field];
    if (typeof definition.family !== 'string') {
        return { error: 'a task definition with a `family` (its name), e.g. `"family": "shop-api"`' };
    }
    const containers = definition.containerDefinitions;
    if (!Array.isArray(containers) || containers.length === 0) {
        return { error: 'a task definition with `containerDefinitions`, a list of containers' };
    }
    const unnamed = containers.findIndex((c) => !(0,json/* isPlainObject */.Q)(c) || typeof c.name !== 'string');
    if (unnamed >= 0) {
        return { error: `a \`name\` for every container (containerDefinitions[${unnamed}] has none)` };
    }
    return {
        definition: definition,
        stripped: [...stripped],
        unknown: unknownFields(definition),
        unwrapped
    };
}
function unknownFields(definition) {
    const top = Object.keys(definition).filter((k) => !REGISTER_FIELDS.has(k));
    const nested = definition.containerDefinitions.flatMap((container, i) => Object.keys(container)
        .filter((k) => !CONTAINER_FIELDS.has(k))
        .map((k) => `containerDefinitions[${i}].${k}`));
    return [...top, ...nested];
}
/** Where an empty value is kept as `''`: it is a value there, not an absence. */
function keepsEmptyValue(path) {
    const [a, , b] = path.slice(-3);
    return (a === 'environment' || a === 'properties') && b === 'value';
}
function dropEmpty(value, path) {
    if (value === null || value === undefined || value === '') {
        return keepsEmptyValue(path) ? '' : undefined;
    }
    if (Array.isArray(value)) {
        const items = value
            .map((item, i) => dropEmpty(item, [...path, String(i)]))
            .filter((item) => item !== undefined);
        return items.length > 0 ? items : undefined;
    }
    if ((0,json/* isPlainObject */.Q)(value)) {
        const entries = Object.entries(value)
            .map(([k, v]) => [k, dropEmpty(v, [...path, k])])
            .filter(([, v]) => v !== undefined);
        const result = Object.fromEntries(entries);
        // An environment variable named but without a value gets '' (as the peer action does).
        if (path.at(-2) === 'environment' && 'name' in result && !('value' in result))
            result.value = '';
        return entries.length > 0 ? result : undefined;
    }
    return value;
}
/**
 * The definition with `container`'s image replaced (a new object; the input is untouched). With
 * no container named, a definition of exactly one container means that one.
 */
function renderImage(definition, container, image) {
    const names = definition.containerDefinitions.map((c) => c.name);
    const name = container ?? (names.length === 1 ? names[0] : undefined);
    const index = name === undefined ? -1 : names.indexOf(name);
    if (index < 0) {
        return {
            error: `${container === undefined ? 'the name of the container to update' : 'a container of the task definition'}: ${names.map((n) => `\`${n}\``).join(', ')}`,
            containers: names
        };
    }
    const previous = definition.containerDefinitions[index];
    const containerDefinitions = definition.containerDefinitions.map((c, i) => i === index ? { ...c, image } : c);
    return {
        definition: { ...definition, containerDefinitions },
        container: previous.name,
        ...(previous.image === undefined ? {} : { previousImage: previous.image })
    };
}
/** The image each container runs, by container name. */
function containerImages(definition) {
    return Object.fromEntries((definition.containerDefinitions ?? [])
        .filter((c) => c.name !== undefined && c.image !== undefined)
        .map((c) => [c.name, c.image]));
}
const REDACTED = '[REDACTED]';
/**
 * For logs and the dry run: environment values replaced. Secrets belong in `secrets` (only ARNs
 * there), but a plain environment variable sometimes holds one, and logs are read widely.
 */
function redactEnvironment(definition) {
    const containerDefinitions = definition.containerDefinitions.map((container) => Array.isArray(container.environment)
        ? {
            ...container,
            environment: container.environment.map((entry) => (0,json/* isPlainObject */.Q)(entry) && 'value' in entry ? { ...entry, value: REDACTED } : entry)
        }
        : container);
    return { ...definition, containerDefinitions };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/core/aws-region.ts
var aws_region = __webpack_require__(15507);
// EXTERNAL MODULE: ./src/core/docker-reference.ts
var docker_reference = __webpack_require__(58003);
;// CONCATENATED MODULE: ./src/actions/ecs-deploy/settings.ts
/**
 * The inputs of `ecs-deploy`, read once and validated, the task-definition file included (read,
 * cleaned and rendered), before any AWS call.
 */






const INPUTS = {
    cluster: 'cluster',
    service: 'service',
    taskDefinition: 'task-definition',
    container: 'container',
    image: 'image',
    waitForServiceStability: 'wait-for-service-stability',
    waitForMinutes: 'wait-for-minutes',
    forceNewDeployment: 'force-new-deployment',
    desiredCount: 'desired-count',
    rollbackTo: 'rollback-to',
    region: 'region',
    dryRun: 'dry-run'
};
const NAME = /^[A-Za-z0-9_-]{1,255}$/;
const ARN = (kind) => new RegExp(`^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\\d{12}:${kind}/\\S+$`);
const MAX_WAIT_MINUTES = 360;
async function readSettings(inputs, env, workspace) {
    const region = (0,aws_region/* resolveRegion */.Zv)(INPUTS.region, inputs.optional(INPUTS.region), env);
    const cluster = readName(inputs, INPUTS.cluster, 'cluster') ?? 'default';
    const service = readName(inputs, INPUTS.service, 'service');
    if (service === undefined) {
        throw new errors/* InputError */.dz(INPUTS.service, '', 'the name (or ARN) of the ECS service to deploy to');
    }
    const image = readImage(inputs);
    const forceNewDeployment = inputs.boolean(INPUTS.forceNewDeployment, false);
    const minutes = inputs.integer(INPUTS.waitForMinutes, { min: 1, max: MAX_WAIT_MINUTES }) ?? 30;
    const desiredCount = inputs.integer(INPUTS.desiredCount, { min: 0, max: 100_000 });
    const wait = inputs.boolean(INPUTS.waitForServiceStability, true);
    const dryRun = inputs.boolean(INPUTS.dryRun, false);
    // Last: the file is read only once every other input is known to be good.
    const source = await readSource(inputs, workspace, image, forceNewDeployment);
    return {
        region,
        cluster,
        service,
        source,
        ...(image ? { image } : {}),
        wait,
        timeoutMs: minutes * 60_000,
        forceNewDeployment,
        ...(desiredCount === undefined ? {} : { desiredCount }),
        dryRun
    };
}
/** A rollback, a file, or the current task definition; which inputs go together. */
async function readSource(inputs, workspace, image, forceNewDeployment) {
    const rollback = inputs.optional(INPUTS.rollbackTo);
    if (rollback !== undefined && rollback !== 'previous') {
        throw new errors/* InputError */.dz(INPUTS.rollbackTo, rollback, '`previous` (the last stable revision, as recorded on the service), or empty to deploy');
    }
    const file = inputs.optional(INPUTS.taskDefinition);
    if (rollback && (file || image)) {
        const extra = file ? INPUTS.taskDefinition : image?.container ? INPUTS.container : INPUTS.image;
        throw new errors/* InputError */.dz(INPUTS.rollbackTo, rollback, `no \`${extra}\` with it: a rollback redeploys the recorded stable revision as it is (or leave \`${INPUTS.rollbackTo}\` empty to deploy)`);
    }
    if (rollback)
        return { kind: 'rollback' };
    if (file)
        return readTaskDefinitionFile(file, workspace, image);
    if (image || forceNewDeployment)
        return { kind: 'current' };
    throw new errors/* InputError */.dz(INPUTS.taskDefinition, '', `a task definition file; or \`${INPUTS.image}\` (and \`${INPUTS.container}\`) to put in the service's current task definition; or \`${INPUTS.forceNewDeployment}: true\` to restart the service as it is; or \`${INPUTS.rollbackTo}: previous\``);
}
function readName(inputs, input, kind) {
    const value = inputs.optional(input);
    if (value === undefined || NAME.test(value) || ARN(kind).test(value))
        return value;
    throw new errors/* InputError */.dz(input, value, `an ECS ${kind} name (letters, digits, \`-\` and \`_\`, up to 255) or its ARN`);
}
function readImage(inputs) {
    const reference = inputs.optional(INPUTS.image);
    const container = inputs.optional(INPUTS.container);
    if (reference === undefined) {
        if (container !== undefined) {
            throw new errors/* InputError */.dz(INPUTS.image, '', `the image to put in container \`${container}\``);
        }
        return undefined;
    }
    // Strict (no case folding): the reference goes into the task definition as written.
    const parsed = (0,docker_reference/* parseImageReference */.o_)(reference);
    if ('error' in parsed)
        throw new errors/* InputError */.dz(INPUTS.image, reference, parsed.error);
    const { tag, digest } = parsed.reference;
    return {
        reference,
        ...(container === undefined ? {} : { container }),
        untagged: tag === undefined && digest === undefined
    };
}
async function readTaskDefinitionFile(path, workspace, image) {
    const absolute = (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(workspace, path);
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(absolute, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new errors/* InputError */.dz(INPUTS.taskDefinition, path, `a task definition file (JSON, as \`aws ecs describe-task-definition\` prints it, or YAML); ${absolute} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`}`);
    }
    const prepared = prepareTaskDefinition(await parseDefinition(text, path));
    if ('error' in prepared)
        throw new errors/* InputError */.dz(INPUTS.taskDefinition, path, prepared.error);
    if (image === undefined)
        return { kind: 'file', path, prepared };
    const rendered = renderImage(prepared.definition, image.container, image.reference);
    if ('error' in rendered) {
        throw new errors/* InputError */.dz(INPUTS.container, image.container ?? '', `${rendered.error} (in ${path})`);
    }
    return { kind: 'file', path, prepared, rendered };
}
/** JSON first (what nearly everyone has); YAML, whose parser loads only then, as the peer allows. */
async function parseDefinition(text, path) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        if (/\.json$/i.test(path)) {
            const line = jsonErrorLine(text, error);
            throw new errors/* InputError */.dz(INPUTS.taskDefinition, path, `valid JSON (${line ? `line ${line}: ` : ''}${error.message.replace(/\s*\n\s*/g, ' ')})`);
        }
    }
    const { parseYaml } = await Promise.all(/* import() */[__webpack_require__.e(243), __webpack_require__.e(76)]).then(__webpack_require__.bind(__webpack_require__, 91076));
    return parseYaml(text, path);
}
/** The line of a JSON.parse error, from the position Node reports. */
function jsonErrorLine(text, error) {
    const match = /position (\d+)/.exec(error.message);
    return match ? text.slice(0, Number(match[1])).split('\n').length : undefined;
}

;// CONCATENATED MODULE: ./src/deploy/targets/ecs.ts
/**
 * `ecs-deploy`'s target: a rollout through the ECS API rather than host steps, so it implements
 * ApiTarget (../target.ts) and returns the same RolloutOutcome as the host targets. The
 * phases of an ECS deploy, in order: inspect the service, read the stable-revision record,
 * choose (render and register) the task definition, update the service, follow the rollout, record
 * a stable revision. Each phase is a small function over the EcsApi; the outcome is plain data for
 * the report.
 */







async function deploy(settings, ctx) {
    const started = ctx.clock.now();
    const prepared = await prepare(settings, ctx);
    const updated = await updateService(settings, prepared.chosen, ctx);
    const deploymentId = updated.deployments?.find((d) => d.status === 'PRIMARY')?.id;
    ctx.runner.info(`Updated the service: deployment ${deploymentId ?? '(no id)'} of ${revisionName(prepared.chosen.arn)}. Watch it: ${consoleUrl(settings)}`);
    const base = {
        serviceArn: prepared.serviceArn,
        before: prepared.taskDefinition,
        chosen: prepared.chosen,
        deploymentId,
        circuitBreaker: prepared.circuitBreaker,
        record: { before: prepared.record },
        stopped: [],
        events: []
    };
    const elapsed = () => ctx.clock.now() - started;
    if (!settings.wait) {
        const notWaited = { waited: false, timedOut: false, rolledBack: false };
        return { ...base, ...notWaited, state: 'IN_PROGRESS', durationMs: elapsed() };
    }
    const followed = await follow(settings, ctx, {
        deploymentId,
        taskDefinitionArn: prepared.chosen.arn
    });
    if (followed.rollout.state === 'COMPLETED') {
        const written = await writeRecord(ctx, prepared.serviceArn, prepared.record, {
            deployed: prepared.chosen.arn,
            before: prepared.taskDefinition,
            beforeWasSteady: prepared.steady
        });
        const completed = { waited: true, timedOut: false, rolledBack: false };
        const record = { before: prepared.record, ...written };
        return { ...base, ...completed, state: 'COMPLETED', record, durationMs: elapsed() };
    }
    const diagnosis = await diagnose(settings, ctx, prepared.chosen.arn, followed);
    return { ...base, ...diagnosis, waited: true, durationMs: elapsed() };
}
/** Everything before the service changes: its state, the record, the task definition to deploy. */
async function prepare(settings, ctx) {
    const service = await inspectService(settings, ctx);
    const serviceArn = service.serviceArn;
    const steady = isSteady(service);
    ctx.runner.info(`Service ${settings.cluster}/${settings.service} runs ${revisionName(service.taskDefinition)} (${steady ? 'steady' : 'not steady: a rollout is under way or stuck'})`);
    warnAboutCircuitBreaker(settings, service, ctx.runner);
    const record = await readRecord(settings, serviceArn, ctx);
    const chosen = await chooseTaskDefinition(settings, service, record, ctx);
    return {
        serviceArn,
        ...(service.taskDefinition ? { taskDefinition: service.taskDefinition } : {}),
        steady,
        circuitBreaker: service.deploymentConfiguration?.deploymentCircuitBreaker?.enable === true,
        record,
        chosen
    };
}
/** Follows the rollout; losing track of it (AWS errors) says that the service was updated. */
async function follow(settings, ctx, target) {
    try {
        return await followRollout(ctx.api, {
            cluster: settings.cluster,
            service: settings.service,
            target,
            timeoutMs: settings.timeoutMs,
            pollMs: ctx.pollMs,
            clock: ctx.clock,
            onProgress: (line) => ctx.runner.untrusted(line, 'Rollout in progress: ')
        });
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`The service was updated (deployment ${target.deploymentId ?? '(no id)'} of ${revisionName(target.taskDefinitionArn)}), but its rollout could not be followed: ${(0,errors/* errorMessage */.gJ)(error)} See ${consoleUrl(settings)}`);
    }
}
/** A failed or timed-out rollout: why, in ECS's words, the stopped tasks' and the events'. */
async function diagnose(settings, ctx, taskDefinitionArn, followed) {
    const { rollout } = followed;
    const stopped = await stoppedTasks(settings, taskDefinitionArn, ctx);
    const events = eventsSince(followed.service, rollout.ours?.createdAt);
    if (rollout.state !== 'FAILED') {
        const state = 'IN_PROGRESS';
        return {
            state,
            timedOut: true,
            rolledBack: false,
            reason: progressOf(rollout),
            ...stopped,
            events
        };
    }
    const runsAfter = rollout.primary?.taskDefinition;
    return {
        state: 'FAILED',
        timedOut: false,
        rolledBack: rollout.rolledBack,
        reason: rollout.reason,
        ...(runsAfter && runsAfter !== taskDefinitionArn ? { serviceRunsAfter: runsAfter } : {}),
        ...stopped,
        events
    };
}
function progressOf(rollout) {
    return rollout.state === 'IN_PROGRESS' ? rollout.waitingFor : rollout.state;
}
/** The service must exist, be ACTIVE and use rolling (ECS) deployments. */
async function inspectService(settings, ctx) {
    const service = await describe(settings, ctx.api);
    if (service.status !== 'ACTIVE') {
        throw new errors/* InputError */.dz(INPUTS.service, settings.service, `an ACTIVE service in cluster \`${settings.cluster}\`; it is ${service.status ?? 'in an unknown state'}`);
    }
    const controller = service.deploymentController?.type ?? 'ECS';
    if (controller !== 'ECS') {
        throw new errors/* InputError */.dz(INPUTS.service, settings.service, `a service with rolling (\`ECS\`) deployments; it uses the ${controller} deployment controller (for CodeDeploy blue/green, use aws-actions/amazon-ecs-deploy-task-definition with its codedeploy-* inputs)`);
    }
    if (!service.serviceArn)
        throw new Error('ECS DescribeServices returned a service without an ARN');
    return service;
}
/** DescribeServices, with "not found" turned into an error about the input that named it. */
async function describe(settings, api) {
    try {
        return await api.describeService(settings.cluster, settings.service);
    }
    catch (error) {
        throw notFoundAsInputError(settings, error);
    }
}
function notFoundAsInputError(settings, error) {
    if (!(error instanceof EcsNotFoundError))
        return error;
    return error.resource === 'cluster'
        ? new errors/* InputError */.dz(INPUTS.cluster, settings.cluster, `an existing ECS cluster in ${settings.region} (${error.said})`)
        : new errors/* InputError */.dz(INPUTS.service, settings.service, `an existing service in cluster \`${settings.cluster}\` (${settings.region}) (${error.said})`);
}
function warnAboutCircuitBreaker(settings, service, runner) {
    const breaker = service.deploymentConfiguration?.deploymentCircuitBreaker;
    if (!settings.wait || breaker?.enable)
        return;
    runner.notice(`The deployment circuit breaker is off for ${settings.cluster}/${settings.service}: a rollout whose tasks keep failing never fails by itself, so this step waits up to ${settings.timeoutMs / 60_000} minutes (wait-for-minutes). Turn it on (deploymentConfiguration.deploymentCircuitBreaker: enable, rollback) to fail fast and roll back.`, { title: 'ECS circuit breaker off' });
}
/** The stable-revision record; unreadable is a warning, except for a rollback that needs it. */
async function readRecord(settings, serviceArn, ctx) {
    try {
        return readStableRecord(await ctx.api.listTags(serviceArn));
    }
    catch (error) {
        if (settings.source.kind === 'rollback') {
            throw new errors/* ConfigurationError */.j1(`Cannot read the stable-revision record on ${serviceArn} for \`${INPUTS.rollbackTo}: previous\`: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
        ctx.runner.warning(`Cannot read the stable-revision record on the service (${(0,errors/* errorMessage */.gJ)(error)}); this deploy will still be recorded if it completes.`);
        return {};
    }
}
async function chooseTaskDefinition(settings, service, record, ctx) {
    const source = settings.source;
    if (source.kind === 'rollback')
        return chooseRollback(settings, service, record, ctx.runner);
    if (source.kind === 'file') {
        logPrepared(ctx.runner, source.path, source.prepared);
        const definition = source.rendered?.definition ?? source.prepared.definition;
        const image = source.rendered && {
            container: source.rendered.container,
            ...(source.rendered.previousImage ? { before: source.rendered.previousImage } : {}),
            after: settings.image?.reference
        };
        return register(definition, `the file ${source.path}`, image, ctx);
    }
    const current = service.taskDefinition;
    if (settings.image === undefined) {
        return { arn: current, how: 'the current task definition, restarted (force-new-deployment)' };
    }
    return renderCurrent(settings, settings.image, current, ctx);
}
function chooseRollback(settings, service, record, runner) {
    const target = rollbackTarget(record, service.taskDefinition);
    if ('error' in target) {
        throw new errors/* InputError */.dz(INPUTS.rollbackTo, 'previous', `a recorded stable revision, but ${target.error}`);
    }
    runner.info(`Rolling back to ${revisionName(target.taskDefinition)}: ${target.why}`);
    return { arn: target.taskDefinition, how: `rollback to ${target.why}` };
}
/** The service's current task definition with the new image, registered as a new revision. */
async function renderCurrent(settings, image, current, ctx) {
    const described = await ctx.api.describeTaskDefinition(current);
    const prepared = prepareTaskDefinition({
        taskDefinition: described.definition,
        tags: described.tags
    });
    if ('error' in prepared) {
        throw new errors/* ConfigurationError */.j1(`ECS returned an unusable task definition ${current}: expected ${prepared.error}`);
    }
    const rendered = renderImage(prepared.definition, image.container, image.reference);
    if ('error' in rendered) {
        throw new errors/* InputError */.dz(INPUTS.container, image.container ?? '', `${rendered.error} (in ${revisionName(current)}, the service's current task definition)`);
    }
    return register(rendered.definition, `${revisionName(current)} with the new image`, {
        container: rendered.container,
        ...(rendered.previousImage ? { before: rendered.previousImage } : {}),
        after: image.reference
    }, ctx);
}
function logPrepared(runner, path, prepared) {
    if (prepared.unwrapped)
        runner.info(`${path}: using its \`taskDefinition\` (and \`tags\`)`);
    if (prepared.stripped.length > 0) {
        runner.info(`${path}: left out ${prepared.stripped.join(', ')} (read-only fields DescribeTaskDefinition returns; RegisterTaskDefinition does not take them)`);
    }
    for (const field of prepared.unknown) {
        runner.warning(`${path}: \`${field}\` is not a RegisterTaskDefinition field and is ignored (a typo?)`, { title: 'Unknown task definition field', file: path });
    }
}
async function register(definition, how, image, ctx) {
    let registered;
    try {
        registered = await ctx.api.registerTaskDefinition(definition);
    }
    catch (error) {
        ctx.runner.debug(`The task definition sent (environment values not shown):\n${JSON.stringify(redactEnvironment(definition), null, 2)}`);
        throw error;
    }
    const images = image ? ` (${image.container}: ${image.before ?? 'none'} → ${image.after})` : '';
    ctx.runner.info(`Registered ${revisionName(registered.arn)} from ${how}${images}`);
    return { arn: registered.arn, how, registered, ...(image ? { image } : {}) };
}
async function updateService(settings, chosen, ctx) {
    try {
        return await ctx.api.updateService({
            cluster: settings.cluster,
            service: settings.service,
            taskDefinition: chosen.arn,
            forceNewDeployment: settings.forceNewDeployment,
            ...(settings.desiredCount === undefined ? {} : { desiredCount: settings.desiredCount })
        });
    }
    catch (error) {
        throw notFoundAsInputError(settings, error);
    }
}
/** Records a completed rollout on the service; a failure to record is a warning, not a failure. */
async function writeRecord(ctx, serviceArn, record, transition) {
    const next = nextStableRecord(record, transition);
    const tags = stableRecordTags(next);
    try {
        if ('error' in tags)
            throw new Error(tags.error);
        await ctx.api.tagResource(serviceArn, tags.tags);
        return { written: next };
    }
    catch (error) {
        const message = (0,errors/* errorMessage */.gJ)(error);
        ctx.runner.warning(`The rollout completed, but the stable revision could not be recorded on the service (${message}); \`${INPUTS.rollbackTo}: previous\` will not know about it.`, { title: 'Stable revision not recorded' });
        return { error: message };
    }
}
/** Why the new task definition's tasks stopped; a failure to find out does not hide the failure. */
async function stoppedTasks(settings, taskDefinitionArn, ctx) {
    try {
        const tasks = await ctx.api.stoppedTasks(settings.cluster, settings.service);
        return { stopped: groupStoppedTasks(tasks, taskDefinitionArn) };
    }
    catch (error) {
        return { stopped: [], stoppedError: (0,errors/* errorMessage */.gJ)(error) };
    }
}
function consoleUrl(settings) {
    const host = settings.region.startsWith('cn-') ? 'console.amazonaws.cn' : 'console.aws.amazon.com';
    const cluster = encodeURIComponent(resourceName(settings.cluster));
    const service = encodeURIComponent(resourceName(settings.service));
    return `https://${host}/ecs/v2/clusters/${cluster}/services/${service}/deployments?region=${settings.region}`;
}
/** The ECS rollout as a RolloutOutcome (with ECS's own account of it, for its outputs and summary). */
const ecsTarget = {
    name: 'ecs',
    async deploy({ settings, ctx }) {
        const ecs = await deploy(settings, ctx);
        const before = ecs.before && revisionName(ecs.before);
        const chosen = revisionName(ecs.chosen.arn);
        const common = {
            unit: `${settings.cluster}/${settings.service}`,
            before,
            durationMs: ecs.durationMs,
            ecs
        };
        if (ecs.state === 'COMPLETED')
            return { ...common, status: 'deployed', after: chosen };
        if (!ecs.waited)
            return { ...common, status: 'started', after: chosen };
        if (ecs.rolledBack)
            return {
                ...common,
                status: 'rolled-back',
                attempted: chosen,
                after: ecs.serviceRunsAfter && revisionName(ecs.serviceRunsAfter),
                message: ecs.reason
            };
        return { ...common, status: 'failed', after: chosen, message: ecs.reason };
    }
};

// EXTERNAL MODULE: ./src/lib/markdown.ts
var markdown = __webpack_require__(33862);
;// CONCATENATED MODULE: ./src/actions/ecs-deploy/report.ts
/** What `ecs-deploy` tells the user: the failure message, the job summary, the dry run. */




const where = (settings) => `${settings.cluster}/${settings.service}`;
/** The headline of a failed or timed-out rollout. */
function headline(settings, outcome) {
    const what = `The rollout of ${revisionName(outcome.chosen.arn)} to ${where(settings)}`;
    if (outcome.timedOut) {
        const breaker = outcome.circuitBreaker
            ? ''
            : ' The circuit breaker is off, so ECS keeps trying on its own.';
        return `${what} did not complete within ${settings.timeoutMs / 60_000} minutes (wait-for-minutes): still IN_PROGRESS, ${outcome.reason}.${breaker}`;
    }
    if (outcome.rolledBack) {
        return `${what} FAILED and ECS rolled the service back to ${revisionName(outcome.serviceRunsAfter)}: ${outcome.reason}`;
    }
    return `${what} FAILED: ${outcome.reason}`;
}
/** The headline, then why the tasks stopped and what the service said. */
function failureMessage(settings, outcome) {
    const lines = [headline(settings, outcome)];
    if (outcome.stopped.length > 0) {
        lines.push(`Stopped tasks of ${revisionName(outcome.chosen.arn)}:`);
        for (const g of outcome.stopped)
            lines.push(`  ${g.count}× ${g.reason} (task ${g.example})`);
    }
    else if (outcome.stoppedError) {
        lines.push(`(The stopped tasks could not be listed: ${outcome.stoppedError})`);
    }
    if (outcome.events.length > 0) {
        lines.push('Service events:', ...outcome.events.map((e) => `  ${e}`));
    }
    return lines.join('\n');
}
function rolloutCell(settings, outcome) {
    if (!outcome.waited)
        return 'IN_PROGRESS (not waited for: wait-for-service-stability is false)';
    if (outcome.timedOut) {
        return `IN_PROGRESS after ${settings.timeoutMs / 60_000} minutes (timed out): ${outcome.reason}`;
    }
    if (outcome.state === 'COMPLETED')
        return 'COMPLETED';
    const back = outcome.rolledBack
        ? ` — rolled back by ECS to ${revisionName(outcome.serviceRunsAfter)}`
        : '';
    return `FAILED${back}: ${outcome.reason}`;
}
function recordCell(outcome) {
    const { written, error } = outcome.record;
    if (error)
        return `not recorded: ${error}`;
    if (written)
        return { raw: describeRecord(written) };
    return outcome.waited
        ? 'unchanged (only completed rollouts are recorded)'
        : 'unchanged (the rollout was not waited for)';
}
function describeRecord(record) {
    const previous = record.previous ? `; before it: ${(0,markdown/* code */.aY)(revisionName(record.previous))}` : '';
    return `last stable: ${(0,markdown/* code */.aY)(revisionName(record.last))}${previous}`;
}
function renderSummary(settings, outcome) {
    const { chosen } = outcome;
    const rows = [
        ['Cluster / service', { raw: (0,markdown/* code */.aY)(where(settings)) }],
        [
            'Task definition',
            { raw: `${(0,markdown/* code */.aY)(revisionName(outcome.before))} → ${(0,markdown/* code */.aY)(revisionName(chosen.arn))}` }
        ],
        ['Source', chosen.how]
    ];
    if (chosen.image) {
        rows.push([
            { raw: `Image (${(0,markdown/* code */.aY)(chosen.image.container)})` },
            { raw: `${(0,markdown/* code */.aY)(chosen.image.before ?? 'none')} → ${(0,markdown/* code */.aY)(chosen.image.after)}` }
        ]);
    }
    rows.push(['Deployment', { raw: (0,markdown/* code */.aY)(outcome.deploymentId ?? '') }], ['Rollout', rolloutCell(settings, outcome)], ['Duration', (0,duration/* formatDuration */.a)(outcome.durationMs)], ['Stable revision record', recordCell(outcome)]);
    let body = (0,markdown/* table */.tp)(['', ''], rows);
    if (outcome.stopped.length > 0) {
        body +=
            `\n\n**Stopped tasks of ${(0,markdown/* code */.aY)(revisionName(chosen.arn))}**\n\n` +
                (0,markdown/* table */.tp)(['Tasks', 'Reason', 'Example task'], outcome.stopped.map((g) => [String(g.count), g.reason, { raw: (0,markdown/* code */.aY)(g.example) }]));
    }
    if (outcome.events.length > 0)
        body += `\n\n**Service events**\n\n${(0,markdown/* pre */.AS)(outcome.events.join('\n'))}`;
    return (0,markdown/* summary */.z)(`ECS deploy: ${where(settings)}`, body);
}
/** The dry run: what would be registered and deployed; nothing is sent to AWS. */
function renderDryRun(settings) {
    const source = settings.source;
    const rows = [
        ['Cluster / service', { raw: (0,markdown/* code */.aY)(where(settings)) }],
        ['Region', settings.region]
    ];
    let log = `Dry run: nothing is sent to AWS. Service ${where(settings)} in ${settings.region}.`;
    let definition;
    if (source.kind === 'file') {
        definition = source.rendered?.definition ?? source.prepared.definition;
        rows.push(['Would register', { raw: `${(0,markdown/* code */.aY)(definition.family)} from ${(0,markdown/* code */.aY)(source.path)}` }]);
    }
    else if (source.kind === 'current') {
        rows.push([
            'Would register',
            settings.image
                ? "the service's current task definition with the new image"
                : 'nothing: the current task definition, restarted'
        ]);
    }
    else {
        rows.push(['Would deploy', 'the recorded stable revision (rollback-to: previous)']);
    }
    if (settings.image) {
        rows.push([
            { raw: `Image (${(0,markdown/* code */.aY)(settings.image.container ?? 'the only container')})` },
            { raw: (0,markdown/* code */.aY)(settings.image.reference) }
        ]);
    }
    rows.push([
        'Then',
        settings.wait ? `wait up to ${settings.timeoutMs / 60_000} minutes for the rollout` : 'not wait'
    ]);
    if (definition) {
        const images = Object.entries(containerImages(definition))
            .map(([name, image]) => `${name}=${image}`)
            .join(', ');
        log += `\nWould register family ${definition.family} (${images}; environment values not shown):\n${JSON.stringify(redactEnvironment(definition), null, 2)}`;
    }
    return {
        log,
        summary: (0,markdown/* summary */.z)(`ECS deploy (dry run): ${where(settings)}`, (0,markdown/* table */.tp)(['', ''], rows))
    };
}

;// CONCATENATED MODULE: ./src/actions/ecs-deploy/main.ts
/**
 * Action `ecs-deploy`: a new task definition revision (from a file, or the service's current one
 * with a new image) registered and rolled out to an ECS service, followed by its deployment id
 * until ECS says COMPLETED or FAILED. A rollout the circuit breaker rolled back is a failure,
 * reported with the stopped tasks' reasons. Each completed rollout is recorded on the service's
 * tags, so `rollback-to: previous` goes back to the last stable revision.
 */












const defaultEcs = (region, runner, clock) => ecsApi({ region, sleep: clock.sleep, onRetry: (message) => runner.untrusted(message) });
async function run(deps = {}) {
    const runner = deps.runner ?? (0,lib_runner/* githubRunner */.O)();
    await (0,action/* runAction */.C)(runner, async () => {
        const workspace = deps.workspace ?? runner.env.GITHUB_WORKSPACE ?? process.cwd();
        const inputs = new lib_inputs/* InputReader */.i_(runner.getInput, runner.setSecret);
        const settings = await readSettings(inputs, runner.env, workspace);
        noticeUntaggedImage(runner, settings);
        if (settings.dryRun) {
            const dryRun = renderDryRun(settings);
            runner.info(dryRun.log);
            runner.appendSummary(dryRun.summary);
            return;
        }
        const clock = deps.clock ?? lib_clock/* realClock */.d;
        const api = (deps.ecs ?? defaultEcs)(settings.region, runner, clock);
        const rollout = await ecsTarget.deploy({
            settings,
            ctx: { api, runner, clock, pollMs: deps.pollMs ?? 15_000 }
        });
        const outcome = rollout.ecs;
        setOutputs(runner, outcome);
        runner.appendSummary(renderSummary(settings, outcome));
        if (rollout.status === 'failed' || rollout.status === 'rolled-back') {
            throw new errors/* ConfigurationError */.j1(failureMessage(settings, outcome));
        }
        runner.info(outcome.waited
            ? `Rollout of ${revisionName(outcome.chosen.arn)} COMPLETED in ${(0,duration/* formatDuration */.a)(outcome.durationMs)}`
            : `Rollout of ${revisionName(outcome.chosen.arn)} started; not waiting for it (wait-for-service-stability: false)`);
    });
}
/** Set before a failure is reported too, so later steps (`if: failure()`) can tell what happened. */
function setOutputs(runner, outcome) {
    runner.setOutput('task-definition-arn', outcome.chosen.arn);
    runner.setOutput('previous-task-definition-arn', outcome.before ?? '');
    runner.setOutput('deployment-id', outcome.deploymentId ?? '');
    runner.setOutput('rollout-state', outcome.state);
    runner.setOutput('rolled-back', String(outcome.rolledBack));
}
function noticeUntaggedImage(runner, settings) {
    if (!settings.image?.untagged)
        return;
    runner.notice(`Input '${INPUTS.image}' is ${JSON.stringify(settings.image.reference)}: without a tag or digest ECS pulls \`latest\`, and a rollback to an older revision cannot bring the older image back. Deploy a unique tag (e.g. the version) or a digest.`, { title: 'Image without a tag' });
}


/***/ }),

/***/ 15507:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zv: () => (/* binding */ resolveRegion)
/* harmony export */ });
/* unused harmony exports regionPartition, isRegion, REGION_EXPECTED */
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97268);
/**
 * AWS regions: the one rule every action that talks to AWS checks its region with. A region
 * belongs to a partition, and each partition names its regions by its own pattern (the
 * `regionRegex` of the AWS SDKs' partitions table); new regions of a partition fit its pattern
 * before any SDK lists them, so the patterns decide, not a list of today's regions.
 */

/**
 * In the SDKs' order; the specific patterns (`us-gov-`, `us-iso-`) come before nothing that
 * could also match them: `aws`'s pattern has one word between prefix and number, so
 * `us-gov-west-1` is not an `aws` region.
 */
const PARTITIONS = [
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
];
/** The partition a region belongs to; undefined when the text is no region of any partition. */
function regionPartition(region) {
    const found = PARTITIONS.find((p) => p.pattern.test(region));
    return found && { id: found.id, dnsSuffix: found.dnsSuffix };
}
function isRegion(text) {
    return regionPartition(text) !== undefined;
}
const REGION_EXPECTED = 'an AWS region such as `eu-west-1` (default: AWS_REGION or AWS_DEFAULT_REGION, as aws-actions/configure-aws-credentials sets them)';
/**
 * The region from the action's input, else from AWS_REGION or AWS_DEFAULT_REGION (empty
 * variables count as unset); an InputError naming `input` when it is no region.
 */
function resolveRegion(input, given, env) {
    const region = given ?? (env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim());
    if (region === undefined || !isRegion(region)) {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, region ?? '', REGION_EXPECTED);
    }
    return region;
}


/***/ }),

/***/ 58003:
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

/***/ 86153:
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

/***/ 9773:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   awsCall: () => (/* binding */ awsCall),
/* harmony export */   awsRetryDecision: () => (/* binding */ awsRetryDecision),
/* harmony export */   awsSaid: () => (/* binding */ awsSaid),
/* harmony export */   explainAwsError: () => (/* binding */ explainAwsError)
/* harmony export */ });
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97268);
/* harmony import */ var _lib_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(61737);
/**
 * What every AWS call of ours shares: our retries (the SDK clients run with `maxAttempts: 1`, so
 * throttling is handled one way and tests drive it with a fake clock), which failures are worth
 * another attempt, and the messages a user can act on for the errors every service answers alike
 * (expired, invalid or missing credentials, access denied).
 */


const RETRYABLE = new Set([
    'ThrottlingException',
    'ThrottledException',
    'Throttling',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'ServerException',
    'ServiceUnavailable',
    'ServiceUnavailableException',
    'InternalFailure',
    'RequestTimeout',
    'RequestTimeoutException',
    'TimeoutError'
]);
const NETWORK = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNREFUSED']);
function awsRetryDecision(error) {
    const e = (error ?? {});
    const status = e.$metadata?.httpStatusCode;
    return (RETRYABLE.has(e.name ?? '') ||
        e.$retryable !== undefined ||
        (status !== undefined && (status === 429 || status >= 500)) ||
        NETWORK.has(e.code ?? ''));
}
/** `Name: message`, as AWS said it. */
function awsSaid(error) {
    const e = (error ?? {});
    return `${e.name ?? 'Error'}: ${e.message ?? String(error)}`;
}
/** One SDK call with our retries; `label` names it in retry messages (`ECR GetAuthorizationToken`). */
function awsCall(label, send, options) {
    return (0,_lib_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L5)(send, {
        attempts: options.attempts,
        baseDelayMs: 1000,
        maxDelayMs: 20_000,
        sleep: options.sleep ?? _lib_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .realSleep */ .uk,
        retryable: awsRetryDecision,
        onRetry: (error, attempt, delayMs) => options.onRetry?.(`${label}: ${awsSaid(error)}; attempt ${attempt + 1} of ${options.attempts} in ${delayMs} ms`)
    });
}
/**
 * What the user reads for a failed call: what AWS said and what to do. `permission` completes
 * "The role or user needs …" for an access denial. Service-specific errors are the caller's.
 */
function explainAwsError(service, operation, error, attempts, permission) {
    const e = (error ?? {});
    const said = awsSaid(error);
    switch (e.name ?? 'Error') {
        case 'ExpiredTokenException':
        case 'ExpiredToken':
        case 'RequestExpired':
            return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`AWS refused ${operation}: the credentials have expired (${said}). Refresh them right before this step (aws-actions/configure-aws-credentials, or new AWS_* variables on CircleCI).`);
        case 'UnrecognizedClientException':
        case 'InvalidClientTokenId':
        case 'InvalidSignatureException':
        case 'SignatureDoesNotMatch':
        case 'IncompleteSignature':
        case 'MissingAuthenticationTokenException':
            return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`AWS refused ${operation}: the credentials are not valid (${said}). Check the access key, secret and session token.`);
        case 'AccessDeniedException':
        case 'AccessDenied':
            return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`AWS denied ${operation} (${said}). The role or user needs ${permission}.`);
        case 'CredentialsProviderError':
            return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`No AWS credentials found (${e.message}). Configure them before this step: aws-actions/configure-aws-credentials (access keys or an OIDC role), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) on CircleCI.`);
    }
    if (awsRetryDecision(error)) {
        return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${service} ${operation} still failed after ${attempts} attempts (${said}).`);
    }
    return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${service} ${operation} failed (${said}).`);
}


/***/ }),

/***/ 35577:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ runAction)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97268);
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

/***/ 84517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ realClock),
/* harmony export */   i: () => (/* binding */ instantClock)
/* harmony export */ });
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61737);
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

/***/ 82543:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
/** Durations for humans, the same in job summaries, logs and Slack messages. Pure. */
/** `42s`, `3m 12s`, `3m`, `1h 4m`, `2h`; a negative duration (clocks apart) is `0s`. */
function formatDuration(ms) {
    const total = Math.max(0, Math.round(ms / 1000));
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    if (h > 0)
        return m > 0 ? `${h}h ${m}m` : `${h}h`;
    if (m > 0)
        return s > 0 ? `${m}m ${s}s` : `${m}m`;
    return `${s}s`;
}


/***/ }),

/***/ 97268:
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

/***/ 51662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   i_: () => (/* binding */ InputReader),
/* harmony export */   q$: () => (/* binding */ isHttpUrl),
/* harmony export */   ry: () => (/* binding */ splitList)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97268);
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

/***/ 33862:
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

/***/ 43962:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ pollUntil)
/* harmony export */ });
/* unused harmony export backoffWaits */
/** The waits a backoff gives, one per call: initial, initial×factor, … up to max. */
function backoffWaits(interval) {
    const b = typeof interval === 'number' ? { initialMs: interval, maxMs: interval } : interval;
    const factor = b.factor ?? 2;
    let next = Math.min(b.initialMs, b.maxMs);
    return () => {
        const wait = next;
        next = Math.min(b.maxMs, next * factor);
        return wait;
    };
}
/**
 * Observes until `done`, or until `timeoutMs` has passed; returns the last observation either
 * way (`settled` tells which). Errors thrown by `observe` propagate: a poll is no retry.
 */
async function pollUntil(observe, options) {
    const { clock } = options;
    const started = clock.now();
    const deadline = started + options.timeoutMs;
    const nextWait = backoffWaits(options.interval);
    if (options.delayFirst)
        await clock.sleep(Math.min(nextWait(), options.timeoutMs));
    for (let attempt = 1;; attempt++) {
        const value = await observe(attempt);
        const elapsedMs = clock.now() - started;
        if (options.done(value, attempt))
            return { settled: true, value, attempts: attempt, elapsedMs };
        const left = deadline - clock.now();
        if (left <= 0)
            return { settled: false, value, attempts: attempt, elapsedMs };
        await clock.sleep(Math.min(nextWait(), left));
    }
}


/***/ }),

/***/ 61737:
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

/***/ 39445:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ githubRunner)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62398);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(40881);
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
