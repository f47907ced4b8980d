export const id = 605;
export const ids = [605];
export const modules = {

/***/ 38605:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  INPUTS: () => (/* reexport */ ssh_deploy_settings/* INPUTS */.mc),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/core/hosts.ts
var core_hosts = __webpack_require__(93848);
// EXTERNAL MODULE: ./src/deploy/engine.ts
var engine = __webpack_require__(40417);
// EXTERNAL MODULE: ./src/deploy/outcome.ts
var outcome = __webpack_require__(84535);
// EXTERNAL MODULE: ./src/deploy/step.ts
var deploy_step = __webpack_require__(99497);
;// CONCATENATED MODULE: ./src/deploy/runners/scripted.ts
/**
 * A runner that answers each step by its name from a script of answers: the tests' host (a step
 * with no answer fails the test loudly), and, with a healthy host's answers, the dry run's
 * (printing.ts). It records every step it was given, in order.
 */

function answerFor(answers, step, call) {
    const key = step.name in answers
        ? step.name
        : (Object.keys(answers)
            .filter((k) => step.name.startsWith(`${k} `))
            .sort((a, b) => b.length - a.length)[0] ?? ('*' in answers ? '*' : undefined));
    if (key === undefined)
        throw new Error(`The scripted host has no answer for the step "${step.name}"`);
    const entry = answers[key];
    const picked = typeof entry === 'function'
        ? entry(step, call)
        : Array.isArray(entry)
            ? entry[Math.min(call, entry.length - 1)]
            : entry;
    return typeof picked === 'string' ? { stdout: picked } : picked;
}
function scriptedRunner(answers, options = {}) {
    const calls = new Map();
    let batches = 0;
    let lost = false;
    const runner = {
        where: options.where ?? 'scripted host',
        ran: [],
        closed: false,
        async close() {
            runner.closed = true;
        },
        async run(steps, runOptions = {}) {
            const batch = batches++;
            const results = [];
            for (const step of steps) {
                if (lost)
                    throw new deploy_step/* ConnectionLostError */.N9(`Connection to ${runner.where} lost: (scripted)`);
                runner.ran.push({ ...step, batch });
                options.onStep?.(step, batch);
                const call = calls.get(step.name) ?? 0;
                calls.set(step.name, call + 1);
                const answer = answerFor(answers, step, call);
                lost ||= answer.lost === true;
                if (lost)
                    throw new deploy_step/* ConnectionLostError */.N9(`Connection to ${runner.where} lost: (scripted)`);
                const result = {
                    code: answer.timedOutAfterMs !== undefined
                        ? null
                        : answer.code === undefined
                            ? 0
                            : answer.code,
                    stdout: answer.stdout ?? '',
                    stderr: answer.stderr ?? '',
                    ...(answer.timedOutAfterMs !== undefined
                        ? { timedOutAfterMs: answer.timedOutAfterMs }
                        : {})
                };
                for (const stream of ['stdout', 'stderr'])
                    for (const line of result[stream]
                        .split('\n')
                        .filter((l, i, all) => l || i < all.length - 1))
                        runOptions.onLine?.(step, line, stream);
                results.push(result);
                if (result.code !== 0 && !step.mayFail)
                    break;
            }
            return results;
        }
    };
    return runner;
}

;// CONCATENATED MODULE: ./src/deploy/runners/printing.ts

function describeStep(step) {
    const stdin = step.stdin === undefined
        ? ''
        : step.secretStdin
            ? '  <<< (secret on stdin)'
            : `  <<< (${Buffer.byteLength(step.stdin)} bytes on stdin)`;
    return `# ${step.name}\n${step.script}${stdin}`;
}
function printingRunner(where, rehearsal, print) {
    let shown = -1;
    return scriptedRunner(rehearsal, {
        where,
        onStep: (step, batch) => {
            if (batch !== shown)
                print(`— round trip ${batch + 1} —`);
            shown = batch;
            print(describeStep(step));
        }
    });
}

// EXTERNAL MODULE: ./src/io/ssh.ts
var ssh = __webpack_require__(34318);
// EXTERNAL MODULE: ./src/deploy/runners/shell.ts + 1 modules
var runners_shell = __webpack_require__(45909);
;// CONCATENATED MODULE: ./src/deploy/runners/ssh.ts
/** Steps over one verified SSH connection (src/io/ssh.ts; it loads ssh2 only to connect). */




/** Connects (host key verified first) and returns a runner; errors name the host. */
async function sshRunner(target, open = ssh/* connectSsh */.LZ) {
    let shell;
    try {
        shell = await open(target);
    }
    catch (error) {
        // A refused host key is no lost connection: it must never be retried.
        if (error instanceof ssh/* HostKeyRefusedError */.GK)
            throw error;
        throw new deploy_step/* ConnectionLostError */.N9(error instanceof Error ? error.message : String(error));
    }
    return (0,runners_shell/* shellRunner */.$)((0,core_hosts/* formatHostSpec */.BB)(target), async (script, options) => {
        try {
            return await shell.exec(script, options);
        }
        catch (error) {
            throw new deploy_step/* ConnectionLostError */.N9(error instanceof Error ? error.message : String(error));
        }
    }, () => shell.close().catch(() => undefined));
}

// EXTERNAL MODULE: ./src/deploy/targets/index.ts + 7 modules
var targets = __webpack_require__(45842);
// EXTERNAL MODULE: ./src/lib/action.ts
var action = __webpack_require__(35577);
// EXTERNAL MODULE: ./src/lib/clock.ts
var lib_clock = __webpack_require__(84517);
// EXTERNAL MODULE: ./src/lib/context.ts
var context = __webpack_require__(31980);
// EXTERNAL MODULE: ./src/lib/inputs.ts
var inputs = __webpack_require__(51662);
// EXTERNAL MODULE: ./src/lib/markdown.ts
var markdown = __webpack_require__(33862);
// EXTERNAL MODULE: ./src/lib/runner.ts
var lib_runner = __webpack_require__(39445);
// EXTERNAL MODULE: ./src/actions/ssh-deploy/settings.ts
var ssh_deploy_settings = __webpack_require__(73853);
// EXTERNAL MODULE: ./src/deploy/targets/git.ts
var targets_git = __webpack_require__(40626);
// EXTERNAL MODULE: ./src/core/deploy/git.ts
var deploy_git = __webpack_require__(26407);
;// CONCATENATED MODULE: ./src/actions/ssh-deploy/main.ts
/**
 * Action `ssh-deploy`: a release to one or many hosts over verified SSH, by the deploy engine
 * (src/deploy): `target: compose` (health-checked, rolled back on failure) or `target: swarm` (a
 * stack through one manager, whose rollout the swarm carries out and Gantry follows). The dry run
 * is the same engine against printing runners and an instant clock.
 */
















async function run(deps = {}) {
    const runner = deps.runner ?? (0,lib_runner/* githubRunner */.O)();
    await (0,action/* runAction */.C)(runner, async () => {
        const workspace = deps.workspace ?? runner.env.GITHUB_WORKSPACE ?? process.cwd();
        const ctx = (0,context/* readCiContext */.OW)(runner.env);
        const settings = (0,ssh_deploy_settings/* readSettings */.sb)(new inputs/* InputReader */.i_(runner.getInput, runner.setSecret), workspace, ctx);
        if (settings.trust === 'insecure') {
            runner.warning(`Host-key checking is OFF ('${ssh_deploy_settings/* INPUTS */.mc.insecure}: true'): a man in the middle could take this deploy, its registry password included.`);
        }
        const git = settings.git && (await gitOptions(settings, settings.git, deps.connect, runner));
        if (settings.blueGreen)
            runner.setSecret(settings.blueGreen.previewToken);
        const target = (0,targets/* hostTarget */.az)(settings.target, {
            app: settings.app,
            stack: settings.stack,
            git,
            blueGreen: settings.blueGreen
        });
        const plan = (0,ssh_deploy_settings/* hostPlanOf */.t0)(settings, { actor: ctx.actor, runUrl: ctx.runUrl });
        if (settings.dryRun)
            return dryRun(runner, settings, target, plan);
        const clock = deps.clock ?? lib_clock/* realClock */.d;
        const job = (spec, index) => {
            const name = (0,core_hosts/* formatHostSpec */.BB)(spec);
            const ssh = sshTarget(settings, spec, index);
            return {
                name,
                plan: hostPlan(plan, spec),
                clock,
                pollMs: deps.pollMs ?? 1000,
                connect: () => sshRunner(ssh, deps.connect),
                // Gantry's lines about a host quote what the host said (errors, a swarm's messages):
                // every line of a host's log is fenced as untrusted (src/lib/untrusted.ts).
                log: (line) => runner.untrusted(line, `[${name}] `)
            };
        };
        const what = settings.rollbackTo ? `rollback to ${settings.rollbackTo}` : settings.version;
        runner.info(target.headline({
            app: settings.app,
            what,
            hosts: settings.hosts.map(core_hosts/* formatHostSpec */.BB),
            maxParallel: settings.maxParallel
        }));
        const outcomes = await (0,engine/* deployHosts */.d)(settings.hosts, {
            maxParallel: settings.maxParallel,
            onHostFailure: settings.onHostFailure,
            name: core_hosts/* formatHostSpec */.BB,
            deploy: (spec, index) => (0,engine/* deployHost */.g)(target, job(spec, index))
        });
        report(runner, reportOf(settings, target, outcomes));
    });
}
/**
 * `target: git`: the commit every host deploys, resolved once from the first host before any
 * host changes (the dry run names it instead); `version` becomes its short form.
 */
async function gitOptions(settings, git, connect, runner) {
    const options = { source: git.source, build: git.build, restart: git.restart, linked: git.linked };
    if (settings.rollbackTo !== undefined || settings.dryRun || deploy_git/* FULL_COMMIT */.eI.test(git.ref))
        return { ...options, commit: deploy_git/* FULL_COMMIT */.eI.test(git.ref) ? git.ref : `<commit of ${git.ref}>` };
    const first = settings.hosts[0];
    const commit = await (0,targets_git/* resolveCommit */.W)(git.source, git.ref, () => sshRunner(sshTarget(settings, first, 0), connect));
    runner.info(`${git.ref} is commit ${commit} (resolved once, from ${(0,core_hosts/* formatHostSpec */.BB)(first)})`);
    settings.version = (0,deploy_git/* shortCommit */.Ax)(commit);
    return { ...options, commit };
}
/** The plan for one host: `{host}` in the health URL is its address (for apps bound to it). */
function hostPlan(plan, spec) {
    const host = spec.host.includes(':') ? `[${spec.host}]` : spec.host;
    return { ...plan, healthUrl: plan.healthUrl?.replaceAll('{host}', host) };
}
function reportOf(settings, target, outcomes) {
    return {
        action: 'ssh-deploy',
        app: settings.app,
        what: settings.rollbackTo ? `rollback to ${settings.rollbackTo}` : settings.version,
        version: settings.version,
        rollbackTo: settings.rollbackTo,
        scope: target.scope,
        rolledBackBy: target.rolledBackBy,
        outcomes
    };
}
function report(runner, report) {
    for (const [name, value] of Object.entries((0,outcome/* hostOutputs */.xR)(report)))
        runner.setOutput(name, value);
    runner.appendSummary((0,outcome/* renderSummary */.Br)(report));
    for (const a of (0,outcome/* failureAnnotations */.rb)(report))
        runner.error(a.message, { title: a.title });
    const said = (0,outcome/* verdict */.WJ)(report);
    if ('failed' in said)
        runner.setFailed(said.failed);
    else
        runner.info(said.ok);
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
/**
 * The real deploy, host by host, against printing runners (each step shown with its exact
 * command, secrets only as "on stdin") that answer as a healthy host keeping `keep-releases`
 * releases would, and an instant clock. Connects nowhere.
 */
async function dryRun(runner, settings, target, plan) {
    const hosts = settings.hosts.map(core_hosts/* formatHostSpec */.BB);
    runner.info(`Dry run: nothing is run. Hosts: ${hosts.join(', ')}`);
    runner.info(target.dryRunNote);
    runner.info(`Each host is played as a healthy one keeping ${settings.keepReleases} release(s) (names below are examples), the lock free; steps in one round trip run as one command.`);
    for (const [index, name] of hosts.entries()) {
        const onePlan = hostPlan(plan, settings.hosts[index]);
        const lines = [];
        const printed = new Set();
        const log = (text) => {
            // The printed step already names it: the log's own `▸ step` line would repeat it.
            if (printed.has(text))
                return;
            lines.push(...text.split('\n').map((l) => `[${name}] ${l}`));
        };
        const print = (text) => {
            const step = /^# (.*)/.exec(text)?.[1];
            if (step)
                printed.add(`▸ ${step}`);
            log(`  ${text.replace(/\n/g, '\n  ')}`);
        };
        await (0,engine/* deployHost */.g)(target, {
            name,
            plan: onePlan,
            clock: (0,lib_clock/* instantClock */.i)(),
            pollMs: 1000,
            releaseId: () => '<release-id>',
            connect: async () => printingRunner(name, target.rehearsal(onePlan), print),
            log
        });
        runner.info(lines.join('\n'));
    }
    runner.setOutput('version', settings.rollbackTo ?? settings.version);
    runner.setOutput('previous-version', '');
    runner.setOutput('hosts-succeeded', '[]');
    runner.setOutput('hosts-failed', '[]');
    runner.setOutput('rolled-back', 'false');
    runner.appendSummary((0,markdown/* summary */.z)(`Deploy ${settings.app} (dry run)`, `Nothing was run. ${settings.hosts.length} host(s): ${hosts.join(', ')}${target.scope ? ` (${target.scope})` : ''}`));
}


/***/ })

};
