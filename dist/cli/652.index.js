export const id = 652;
export const ids = [652];
export const modules = {

/***/ 6456:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  INPUTS: () => (/* binding */ INPUTS),
  readSettings: () => (/* binding */ readSettings),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/core/registry/auth.ts
var auth = __webpack_require__(9709);
// EXTERNAL MODULE: ./src/core/docker-reference.ts
var docker_reference = __webpack_require__(8003);
;// CONCATENATED MODULE: ./src/core/registry/promotion.ts
/**
 * The promotion plan: which repositories receive the source manifest under which tags, and how
 * their blobs get there. Within the source repository nothing moves but the manifest; another
 * repository of the same registry mounts the blobs (no bytes travel); another registry gets
 * them copied, registry to registry, never through a Docker daemon.
 */


/** Why a reference cannot be a promotion or push target, or undefined when it can. */
function targetProblem(ref) {
    if (ref.digest)
        return 'a reference with a tag and no digest (a digest cannot be assigned)';
    if (!ref.tag)
        return 'a reference with a tag, e.g. `ghcr.io/acme/shop:1.4.2`';
    return undefined;
}
function planPromotion(source, targets) {
    const steps = [];
    for (const target of targets) {
        const problem = targetProblem(target);
        if (problem)
            throw new Error(`${(0,docker_reference/* formatReference */.FH)(target)}: expected ${problem}`);
        let step = steps.find((s) => s.registry === target.registry && s.repository === target.repository);
        if (!step) {
            step = {
                registry: target.registry,
                repository: target.repository,
                transfer: transferFor(source, target),
                tags: []
            };
            steps.push(step);
        }
        if (!step.tags.includes(target.tag))
            step.tags.push(target.tag);
    }
    return { source, steps, scopes: scopesFor(source, steps) };
}
function transferFor(source, target) {
    if (source.registry !== target.registry)
        return 'copy';
    return source.repository === target.repository ? 'none' : 'mount';
}
function scopesFor(source, steps) {
    const scopes = {
        [source.registry]: [(0,auth/* repositoryScope */.F7)(source.repository, ['pull'])]
    };
    for (const step of steps) {
        const list = (scopes[step.registry] ??= []);
        list.push((0,auth/* repositoryScope */.F7)(step.repository, ['pull', 'push']));
    }
    return Object.fromEntries(Object.entries(scopes).map(([r, s]) => [r, (0,auth/* mergeScopes */.OL)(s)]));
}
function stepReferences(step) {
    return step.tags.map((tag) => ({ registry: step.registry, repository: step.repository, tag }));
}

// EXTERNAL MODULE: ./src/io/docker-cli.ts
var docker_cli = __webpack_require__(8249);
// EXTERNAL MODULE: ./src/io/docker-config.ts + 1 modules
var docker_config = __webpack_require__(6701);
// EXTERNAL MODULE: ./src/io/registry.ts
var io_registry = __webpack_require__(3497);
// EXTERNAL MODULE: ./src/lib/action.ts
var action = __webpack_require__(5577);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/lib/inputs.ts
var inputs = __webpack_require__(1662);
// EXTERNAL MODULE: ./src/lib/markdown.ts
var markdown = __webpack_require__(3862);
// EXTERNAL MODULE: ./src/lib/runner.ts
var lib_runner = __webpack_require__(9445);
// EXTERNAL MODULE: ./src/core/registry/ecr.ts
var ecr = __webpack_require__(4181);
// EXTERNAL MODULE: ./src/core/registry/errors.ts
var registry_errors = __webpack_require__(5408);
// EXTERNAL MODULE: ./src/core/registry/manifest.ts
var registry_manifest = __webpack_require__(3782);
// EXTERNAL MODULE: ./src/core/registry/reference.ts
var reference = __webpack_require__(7882);
;// CONCATENATED MODULE: ./src/actions/image-push/promote.ts
/**
 * Promotion, as planned by src/core/registry/promotion.ts: the source manifest fetched once with
 * every manifest type accepted, the blobs (and an index's child manifests) made present in each
 * target repository, then the same bytes PUT under each tag and the tag checked with a HEAD.
 */







async function promote(plan, sourceText, clientFor, runner, onResult) {
    const source = plan.source;
    const fetched = await fetchSource(plan, sourceText, clientFor);
    const manifest = parseSource(fetched, sourceText);
    const platforms = (0,registry_manifest/* platformsOf */.Wt)(manifest);
    runner.info(`${(0,docker_reference/* formatReference */.FH)(source)} is ${fetched.digest}` +
        (platforms.length ? ` (index of ${platforms.join(', ')})` : ''));
    for (const step of plan.steps) {
        const target = clientFor(step.registry);
        await withAuthMessages(async () => {
            // What each tag points at now, asked while the blobs move (round trips dominate).
            const before = new Map(step.tags.map((tag) => [tag, settle(target.headManifest(step.repository, tag))]));
            if (step.transfer !== 'none') {
                const from = { client: clientFor(source.registry), repository: source.repository };
                const counts = await ensureContent(manifest, from, target, step, 0);
                runner.info(describeTransfer(step, source.repository, source.registry, counts));
            }
            const outcomes = await Promise.all(step.tags.map(async (tag) => settle(putTag(target, step, tag, fetched, manifest, await unwrap(before.get(tag))))));
            // Reported in the order given; the first failure (if any) after what succeeded.
            for (const [i, tag] of step.tags.entries()) {
                const outcome = outcomes[i];
                if ('error' in outcome)
                    continue;
                const reference = (0,docker_reference/* formatReference */.FH)({
                    registry: step.registry,
                    repository: step.repository,
                    tag
                });
                runner.info(`${outcome.value === 'promoted' ? 'Promoted' : 'Already there'}: ${reference}@${fetched.digest}`);
                onResult({
                    reference,
                    digest: fetched.digest,
                    outcome: outcome.value,
                    ...(platforms.length ? { platforms } : {})
                });
            }
            const failed = outcomes.find((o) => 'error' in o);
            if (failed && 'error' in failed)
                throw failed.error;
        });
    }
}
/** A promise that never rejects (started early, awaited later, never unhandled). */
function settle(promise) {
    return promise.then((value) => ({ value }), (error) => ({ error }));
}
async function unwrap(settled) {
    const result = await settled;
    if ('error' in result)
        throw result.error;
    return result.value;
}
async function fetchSource(plan, sourceText, clientFor) {
    const source = plan.source;
    let fetched;
    try {
        fetched = await withAuthMessages(() => clientFor(source.registry).getManifest(source.repository, (0,reference/* manifestReference */.Tn)(source)));
    }
    catch (error) {
        if (error instanceof io_registry/* RegistryError */.gl && error.status === 404) {
            throw new errors/* InputError */.dz('source', sourceText, `an image that exists: ${source.registry} has no ${(0,docker_reference/* formatReference */.FH)(source)} (404 ${(0,registry_errors/* describeRegistryErrors */.q)(error.errors) || 'not found'})`);
        }
        throw error;
    }
    if (source.digest && fetched.digest !== source.digest && !source.digest.startsWith('sha512:')) {
        throw new errors/* ConfigurationError */.j1(`${source.registry} answered ${(0,docker_reference/* formatReference */.FH)(source)} with a manifest whose digest is ${fetched.digest}.`);
    }
    const header = fetched.headerDigest;
    if (header?.startsWith('sha256:') && header !== fetched.digest) {
        throw new errors/* ConfigurationError */.j1(`${source.registry} says ${(0,docker_reference/* formatReference */.FH)(source)} is ${header}, but its bytes hash to ${fetched.digest}.`);
    }
    return fetched;
}
function parseSource(fetched, sourceText) {
    try {
        return (0,registry_manifest/* parseManifest */.Ng)(fetched.text, fetched.mediaType);
    }
    catch (error) {
        if (error instanceof registry_manifest/* ManifestError */.Sh)
            throw new errors/* InputError */.dz('source', sourceText, `an image whose manifest can be copied: ${error.message}`);
        throw error;
    }
}
/** PUT under the tag unless it already points at the digest; then check it does. */
async function putTag(target, step, tag, fetched, manifest, before) {
    const reference = (0,docker_reference/* formatReference */.FH)({ registry: step.registry, repository: step.repository, tag });
    if (before?.digest === fetched.digest)
        return 'unchanged';
    try {
        await target.putManifest(step.repository, tag, fetched.bytes, fetched.mediaType ?? manifest.mediaType);
    }
    catch (error) {
        if (error instanceof io_registry/* RegistryError */.gl && (0,ecr/* isImmutableTagRefusal */.PE)(error.status, error.errors)) {
            throw new errors/* ConfigurationError */.j1(`Cannot promote to ${reference}: the tag '${tag}' already exists in ${step.repository}` +
                (before?.digest ? ` (as ${before.digest})` : '') +
                ` and ${step.registry} keeps tags immutable (${error.status} ${(0,registry_errors/* describeRegistryErrors */.q)(error.errors)}). ` +
                'Promote under a tag that does not exist yet.');
        }
        throw error;
    }
    const after = await resolvedDigest(target, step.repository, tag);
    if (after !== fetched.digest) {
        throw new errors/* ConfigurationError */.j1(`Promotion to ${reference} did not hold: the tag resolves to ${after ?? 'nothing'}, expected ${fetched.digest}.`);
    }
    return 'promoted';
}
/** The digest a tag resolves to: HEAD's header, else (a registry that omits it) the bytes' hash. */
async function resolvedDigest(target, repository, tag) {
    const head = await target.headManifest(repository, tag);
    if (!head)
        return undefined;
    return head.digest ?? (await target.getManifest(repository, tag)).digest;
}
/**
 * Makes the manifest's blobs present in the target repository (mounted or copied), and for an
 * index, each child manifest with its blobs, pushed by digest before the index refers to it.
 */
async function ensureContent(manifest, from, target, step, depth) {
    const counts = { blobs: 0, bytes: 0, manifests: 0 };
    if (manifest.kind === 'image') {
        await mapLimit((0,registry_manifest/* blobsOf */.OR)(manifest), 4, async (blob) => {
            if (await transferBlob(blob, from, target, step)) {
                counts.blobs++;
                counts.bytes += blob.size;
            }
        });
        return counts;
    }
    if (depth > 1)
        throw new errors/* ConfigurationError */.j1('The source index nests indexes more than two deep.');
    for (const child of manifest.manifests) {
        if (await target.headManifest(step.repository, child.digest))
            continue;
        const fetched = await from.client.getManifest(from.repository, child.digest);
        if (fetched.digest !== child.digest) {
            throw new errors/* ConfigurationError */.j1(`The source index lists ${child.digest}, but the registry answered a manifest that hashes to ${fetched.digest}.`);
        }
        const inner = await ensureContent((0,registry_manifest/* parseManifest */.Ng)(fetched.text, fetched.mediaType), from, target, step, depth + 1);
        await target.putManifest(step.repository, child.digest, fetched.bytes, fetched.mediaType ?? child.mediaType);
        counts.blobs += inner.blobs;
        counts.bytes += inner.bytes;
        counts.manifests += inner.manifests + 1;
    }
    return counts;
}
/** True when the blob had to be moved (mounted or copied), false when it was already there. */
async function transferBlob(blob, from, target, step) {
    if (step.transfer === 'mount') {
        if (await target.mountBlob(step.repository, blob.digest, from.repository))
            return true;
    }
    else if (await target.blobExists(step.repository, blob.digest)) {
        return false;
    }
    await target.copyBlobFrom(from.client, from.repository, step.repository, blob);
    return true;
}
function describeTransfer(step, sourceRepository, sourceRegistry, counts) {
    const manifests = counts.manifests ? ` and ${counts.manifests} platform manifests` : '';
    if (step.transfer === 'mount') {
        return `Mounted ${counts.blobs} blobs${manifests} from ${sourceRepository} into ${step.repository} (no bytes copied)`;
    }
    const mb = (counts.bytes / 1e6).toFixed(1);
    return `Copied ${counts.blobs} missing blobs (${mb} MB)${manifests} from ${sourceRegistry}/${sourceRepository} to ${step.registry}/${step.repository}`;
}
/** Registry auth failures are the user's to fix: their message says with which credentials. */
async function withAuthMessages(body) {
    try {
        return await body();
    }
    catch (error) {
        if (error instanceof io_registry/* RegistryAuthError */.w4)
            throw new errors/* ConfigurationError */.j1(error.message);
        if (error instanceof io_registry/* RegistryError */.gl && error.status === 403) {
            throw new errors/* ConfigurationError */.j1(`Access denied: ${error.message}`);
        }
        throw error;
    }
}
async function mapLimit(items, limit, body) {
    let next = 0;
    const worker = async () => {
        while (next < items.length)
            await body(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/actions/image-push/push.ts
/**
 * Push mode: the local image tagged and pushed under each reference with the Docker CLI. With
 * `username`/`password`, Docker logs in inside a throwaway config directory (a copy of the
 * user's), so no credential outlives the step and the user's own login is never touched.
 */








async function pushImage(image, targets, login, deps) {
    if ((await deps.docker.imageId(image)) === undefined) {
        const engine = deps.runner.env.DOCKER_HOST ?? 'the default Docker engine';
        throw new errors/* InputError */.dz('image', image, `an image that exists locally; ${engine} has none by that name`);
    }
    if (!login)
        return pushAll(image, targets, deps.docker, deps);
    const configDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(deps.runner.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'gantry-docker-config-'));
    try {
        const docker = await loggedInDocker(configDir, targets, login, deps.runner);
        await pushAll(image, targets, docker, deps);
    }
    finally {
        await (0,promises_.rm)(configDir, { recursive: true, force: true });
    }
}
async function pushAll(image, targets, docker, deps) {
    let first;
    for (const target of targets) {
        const reference = (0,docker_reference/* formatReference */.FH)(target);
        await deps.runner.group(`docker push ${reference}`, async () => {
            await docker.tag(image, reference);
            const { digest } = await pushOne(docker, reference, target);
            if (!digest)
                throw new errors/* ConfigurationError */.j1(`docker push ${reference} printed no digest.`);
            if (first !== undefined && digest !== first) {
                deps.runner.warning(`${reference} got digest ${digest}, the first push got ${first}.`);
            }
            first ??= digest;
            deps.onResult({ reference, digest, outcome: 'pushed' });
        });
    }
}
async function pushOne(docker, reference, target) {
    try {
        return await docker.push(reference);
    }
    catch (error) {
        if (!(error instanceof docker_cli/* DockerCliError */.b1))
            throw error;
        const immutable = (0,ecr/* isImmutableTagRefusal */.PE)(400, [{ message: error.stderr }]);
        throw new errors/* ConfigurationError */.j1(immutable
            ? `Cannot push ${reference}: the tag '${target.tag}' already exists in ${target.repository} and ${target.registry} keeps tags immutable. Push under a tag that does not exist yet.`
            : `Could not push ${reference}: ${error.message}`);
    }
}
/** A copy of the user's config in which Docker logs in; helpers for those registries dropped. */
async function loggedInDocker(configDir, targets, login, runner) {
    const registries = [...new Set(targets.map((t) => t.registry))];
    const { config } = await (0,docker_config/* readDockerConfig */.TO)((0,docker_config/* dockerConfigDir */.kG)(runner.env));
    const credHelpers = Object.fromEntries(Object.entries(config.credHelpers ?? {}).filter(([host]) => !registries.includes(host)));
    const copy = { ...config, credHelpers };
    delete copy.credsStore; // the login below must land in this file, not in a shared store
    await (0,docker_config/* writeDockerConfig */._D)(configDir, copy);
    const docker = (0,docker_cli/* dockerCli */.RK)({ env: runner.env, configDir, onLine: (line) => runner.untrusted(line) });
    for (const registry of registries) {
        try {
            await docker.login(registry, login.username, login.password);
        }
        catch (error) {
            if (error instanceof docker_cli/* DockerCliError */.b1) {
                throw new errors/* ConfigurationError */.j1(`Could not log in to ${registry} with the 'username' and 'password' inputs: ${error.message}`);
            }
            throw error;
        }
    }
    return docker;
}

;// CONCATENATED MODULE: ./src/actions/image-push/main.ts
/**
 * Action `image-push`. Push: a local image tagged and pushed under every reference in `tags`
 * (Docker CLI). Promote: an existing remote image (`source`) put under every reference in
 * `tags` through the registry API, with no pull and no daemon, its digest unchanged and checked.
 */












const INPUTS = {
    image: 'image',
    source: 'source',
    tags: 'tags',
    username: 'username',
    password: 'password'
};
/** A local image as `docker tag` takes it; never an option (`-…`), never whitespace. */
const LOCAL_IMAGE = /^[A-Za-z0-9][A-Za-z0-9._/:@-]*$/;
function readSettings(inputs) {
    const image = inputs.optional(INPUTS.image);
    const sourceText = inputs.optional(INPUTS.source);
    const targets = readTargets(inputs);
    const login = readLogin(inputs);
    if (image !== undefined && sourceText !== undefined) {
        throw new errors/* InputError */.dz(INPUTS.source, sourceText, 'no value when `image` is given (`image` pushes a local image, `source` promotes a remote one)');
    }
    if (image !== undefined) {
        if (!LOCAL_IMAGE.test(image)) {
            throw new errors/* InputError */.dz(INPUTS.image, image, 'a local image such as `shop:build` or an image ID');
        }
        return { mode: 'push', image, targets, ...(login ? { login } : {}) };
    }
    if (sourceText === undefined) {
        throw new errors/* InputError */.dz(INPUTS.image, '', 'a local image to push, or else `source`: a remote image to promote');
    }
    const parsed = (0,docker_reference/* parseImageReference */.o_)(sourceText, { foldCase: true });
    if ('error' in parsed)
        throw new errors/* InputError */.dz(INPUTS.source, sourceText, parsed.error);
    return {
        mode: 'promote',
        source: parsed.reference,
        sourceText,
        targets,
        ...(login ? { login } : {})
    };
}
function readTargets(inputs) {
    const texts = inputs.list(INPUTS.tags);
    if (texts.length === 0) {
        throw new errors/* InputError */.dz(INPUTS.tags, '', 'full image references such as `ghcr.io/acme/shop:1.4.2`, one per line or comma-separated');
    }
    return texts.map((text) => {
        const parsed = (0,docker_reference/* parseImageReference */.o_)(text, { foldCase: true });
        if ('error' in parsed)
            throw new errors/* InputError */.dz(INPUTS.tags, text, parsed.error);
        const problem = targetProblem(parsed.reference);
        if (problem)
            throw new errors/* InputError */.dz(INPUTS.tags, text, problem);
        return parsed.reference;
    });
}
function readLogin(inputs) {
    const username = inputs.optional(INPUTS.username);
    const password = inputs.secret(INPUTS.password);
    if (username !== undefined && password === undefined) {
        throw new errors/* InputError */.dz(INPUTS.password, '', 'the password or token of `username`');
    }
    if (password !== undefined && username === undefined) {
        throw new errors/* InputError */.dz(INPUTS.username, '', 'the user name that goes with `password`');
    }
    return username !== undefined && password !== undefined ? { username, password } : undefined;
}
async function run(deps = {}) {
    const runner = deps.runner ?? (0,lib_runner/* githubRunner */.O)();
    await (0,action/* runAction */.C)(runner, async () => {
        const settings = readSettings(new inputs/* InputReader */.i_(runner.getInput, runner.setSecret));
        const results = [];
        const onResult = (result) => results.push(result);
        try {
            if (settings.mode === 'push') {
                const docker = (0,docker_cli/* dockerCli */.RK)({ env: runner.env, onLine: (line) => runner.untrusted(line) });
                await pushImage(settings.image, settings.targets, settings.login, {
                    runner,
                    docker,
                    ...deps.push,
                    onResult
                });
            }
            else {
                const plan = planPromotion(settings.source, settings.targets);
                const clients = registryClients(settings, plan.scopes, runner, deps.registryOptions ?? {});
                await promote(plan, settings.sourceText, clients, runner, onResult);
            }
        }
        catch (error) {
            // What was done before the failure is still worth a record.
            if (results.length > 0)
                runner.appendSummary(renderSummary(settings, results, false));
            throw error;
        }
        const digest = results[0]?.digest ?? '';
        runner.setOutput('digest', digest);
        runner.setOutput('pushed', results.map((r) => r.reference).join('\n'));
        runner.appendSummary(renderSummary(settings, results, true));
    });
}
/** One client per registry; credentials looked up only when a registry challenges us. */
function registryClients(settings, scopes, runner, options) {
    const targetRegistries = new Set(settings.targets.map((t) => t.registry));
    const helpers = (0,docker_config/* credentialHelpers */.rl)(runner.env);
    const clients = new Map();
    const credentialsFor = async (registry) => {
        // The inputs are for the registries the tags name: a source elsewhere never receives them.
        if (settings.login && targetRegistries.has(registry)) {
            return { credentials: settings.login, from: "the 'username' and 'password' inputs" };
        }
        const found = await (0,docker_config.lookupDockerCredentials)(registry, runner.env, helpers);
        if (found.credentials)
            maskCredentials(runner, found.credentials);
        return found;
    };
    return (registry) => {
        let client = clients.get(registry);
        if (!client) {
            client = new io_registry.RegistryClient({
                registry,
                scopes: scopes[registry] ?? [],
                credentials: () => credentialsFor(registry),
                debug: (message) => runner.debug(message),
                onRetry: (message) => runner.untrusted(message),
                ...options
            });
            clients.set(registry, client);
        }
        return client;
    };
}
function maskCredentials(runner, credentials) {
    runner.setSecret('identityToken' in credentials ? credentials.identityToken : credentials.password);
}
function renderSummary(settings, results, complete) {
    const source = settings.mode === 'push'
        ? `Pushed local image ${(0,markdown/* code */.aY)(settings.image)}`
        : `Promoted ${(0,markdown/* code */.aY)((0,docker_reference/* formatReference */.FH)(settings.source))} without pulling it`;
    const rows = results.map((r) => [{ raw: (0,markdown/* code */.aY)(r.reference) }, { raw: (0,markdown/* code */.aY)(r.digest) }, r.outcome]);
    const platforms = results.find((r) => r.platforms?.length)?.platforms;
    return (0,markdown/* summary */.z)(settings.mode === 'push' ? 'Image push' : 'Image promotion', `${source}${complete ? '' : ' (stopped by an error)'}.\n\n` +
        (0,markdown/* table */.tp)(['Reference', 'Digest', 'Result'], rows) +
        (platforms ? `\n\nPlatforms: ${platforms.map(markdown/* code */.aY).join(', ')}` : ''));
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

/***/ 4181:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bs: () => (/* binding */ decodeAuthorizationToken),
/* harmony export */   F1: () => (/* binding */ untaggedExpiryPolicy),
/* harmony export */   JA: () => (/* binding */ outputSuffix),
/* harmony export */   JG: () => (/* binding */ isAccountId),
/* harmony export */   PE: () => (/* binding */ isImmutableTagRefusal),
/* harmony export */   U$: () => (/* binding */ registryHost),
/* harmony export */   en: () => (/* binding */ isRepositoryName)
/* harmony export */ });
/* harmony import */ var _auth_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9709);
/**
 * Amazon ECR facts as data: account IDs as ECR accepts them (regions: `../aws-region.ts`), its authorization token
 * (base64 `AWS:<password>`), the registry host, the output names amazon-ecr-login users know,
 * the untagged-image lifecycle policy, and how a PUT refusal for an immutable tag reads.
 */

const ACCOUNT_ID = /^\d{12}$/;
function isAccountId(text) {
    return ACCOUNT_ID.test(text);
}
/** `https://123456789012.dkr.ecr.eu-west-1.amazonaws.com` → the host Docker logs in to. */
function registryHost(proxyEndpoint) {
    return proxyEndpoint.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '');
}
/** GetAuthorizationToken's `authorizationToken`: base64 of `AWS:<password>`. */
function decodeAuthorizationToken(token) {
    const decoded = (0,_auth_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeBase64 */ .y4)(token);
    const colon = decoded?.indexOf(':') ?? -1;
    if (decoded === undefined || colon <= 0 || colon === decoded.length - 1)
        return undefined;
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
/**
 * The suffix of amazon-ecr-login's per-registry outputs:
 * `123456789012.dkr.ecr.us-east-1.amazonaws.com` → `123456789012_dkr_ecr_us_east_1_amazonaws_com`.
 */
function outputSuffix(registry) {
    return registry.replace(/[^A-Za-z0-9]/g, '_');
}
/** Repository names as ECR takes them (`team/app`): lowercase components, 2 to 256 characters. */
const REPOSITORY = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
function isRepositoryName(text) {
    return text.length >= 2 && text.length <= 256 && REPOSITORY.test(text);
}
/** Expires untagged images (old layers of moved tags) after `days`; tagged ones stay. */
function untaggedExpiryPolicy(days) {
    return JSON.stringify({
        rules: [
            {
                rulePriority: 1,
                description: `Expire untagged images ${days} days after push`,
                selection: {
                    tagStatus: 'untagged',
                    countType: 'sinceImagePushed',
                    countUnit: 'days',
                    countNumber: days
                },
                action: { type: 'expire' }
            }
        ]
    });
}
/**
 * ECR refuses to move an immutable tag with 400 and
 * `{"errors":[{"code":"TAG_INVALID","message":"The image tag 'v1' already exists in the 'app'
 * repository and cannot be overwritten because the repository is immutable."}]}` (newer: "…
 * because the tag is immutable."). Other registries say "immutable" in some other code.
 */
function isImmutableTagRefusal(status, errors) {
    if (status !== 400 && status !== 403 && status !== 409)
        return false;
    return errors.some((e) => /immutable/i.test(e.message ?? '') &&
        (e.code === undefined || ['TAG_INVALID', 'MANIFEST_INVALID', 'DENIED'].includes(e.code)));
}


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
