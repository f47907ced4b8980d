export const id = 456;
export const ids = [456];
export const modules = {

/***/ 16456:
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
var auth = __webpack_require__(59709);
// EXTERNAL MODULE: ./src/core/docker-reference.ts
var docker_reference = __webpack_require__(58003);
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
var docker_cli = __webpack_require__(28249);
// EXTERNAL MODULE: ./src/io/docker-config.ts + 1 modules
var docker_config = __webpack_require__(76701);
// EXTERNAL MODULE: ./src/io/registry.ts
var io_registry = __webpack_require__(93497);
// EXTERNAL MODULE: ./src/lib/action.ts
var action = __webpack_require__(35577);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(97268);
// EXTERNAL MODULE: ./src/lib/inputs.ts
var inputs = __webpack_require__(51662);
// EXTERNAL MODULE: ./src/lib/markdown.ts
var markdown = __webpack_require__(33862);
// EXTERNAL MODULE: ./src/lib/runner.ts
var lib_runner = __webpack_require__(39445);
// EXTERNAL MODULE: ./src/core/registry/ecr.ts
var ecr = __webpack_require__(24181);
// EXTERNAL MODULE: ./src/core/registry/errors.ts
var registry_errors = __webpack_require__(55408);
// EXTERNAL MODULE: ./src/core/registry/manifest.ts
var registry_manifest = __webpack_require__(33782);
// EXTERNAL MODULE: ./src/core/registry/reference.ts
var reference = __webpack_require__(37882);
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
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
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


/***/ })

};
