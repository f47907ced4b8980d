export const id = 147;
export const ids = [147];
export const modules = {

/***/ 10147:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  INPUTS: () => (/* binding */ INPUTS),
  readSettings: () => (/* binding */ readSettings),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/core/message/facts.ts
var message_facts = __webpack_require__(93812);
// EXTERNAL MODULE: ./src/core/json.ts
var json = __webpack_require__(86153);
// EXTERNAL MODULE: ./src/core/slack/limits.ts
var limits = __webpack_require__(454);
;// CONCATENATED MODULE: ./src/core/slack/block-kit.ts
/**
 * Structural checks of a message against the Block Kit reference, for the block types a CI
 * message uses: what Slack would answer `invalid_blocks` or `invalid_attachments` for. Custom
 * payloads are checked before sending so the warning names the place (`blocks[2].text`) instead
 * of Slack's bare error code. Block types not listed here are left to Slack.
 */


function blockKitProblems(message) {
    const problems = [];
    const problem = (path, text) => problems.push(`${path}: ${text}`);
    const textObject = (value, path, max, only) => {
        if (!(0,json/* isPlainObject */.Q)(value))
            return problem(path, 'expected a text object ({ type, text })');
        if (value.type !== 'plain_text' && value.type !== 'mrkdwn')
            return problem(`${path}.type`, 'expected `plain_text` or `mrkdwn`');
        if (only && value.type !== only)
            problem(`${path}.type`, `expected \`${only}\``);
        if (typeof value.text !== 'string' || value.text === '')
            return problem(`${path}.text`, 'expected non-empty text');
        if (value.text.length > max)
            problem(`${path}.text`, `longer than ${max} characters`);
    };
    const list = (value, path, max, min = 1) => {
        if (!Array.isArray(value)) {
            problem(path, 'expected a list');
            return [];
        }
        if (value.length < min)
            problem(path, `expected at least ${min} item${min > 1 ? 's' : ''}`);
        if (value.length > max)
            problem(path, `more than ${max} items`);
        return value;
    };
    const button = (el, path) => {
        textObject(el.text, `${path}.text`, limits/* LIMITS */.b.buttonText, 'plain_text');
        if (el.url !== undefined && (typeof el.url !== 'string' || !/^https?:\/\//.test(el.url)))
            problem(`${path}.url`, 'expected an http(s) URL');
        if (typeof el.url === 'string' && el.url.length > 3000)
            problem(`${path}.url`, 'longer than 3000 characters');
        if (el.style !== undefined && el.style !== 'primary' && el.style !== 'danger')
            problem(`${path}.style`, 'expected `primary` or `danger`');
    };
    const block = (b, path) => {
        if (!(0,json/* isPlainObject */.Q)(b) || typeof b.type !== 'string')
            return problem(path, 'expected a block ({ type, … })');
        switch (b.type) {
            case 'header':
                return textObject(b.text, `${path}.text`, limits/* LIMITS */.b.headerText, 'plain_text');
            case 'section':
                if (b.text === undefined && b.fields === undefined)
                    return problem(path, 'expected `text` or `fields`');
                if (b.text !== undefined)
                    textObject(b.text, `${path}.text`, limits/* LIMITS */.b.sectionText);
                if (b.fields !== undefined)
                    list(b.fields, `${path}.fields`, limits/* LIMITS */.b.sectionFields).forEach((f, i) => textObject(f, `${path}.fields[${i}]`, limits/* LIMITS */.b.fieldText));
                if ((0,json/* isPlainObject */.Q)(b.accessory) && b.accessory.type === 'button')
                    button(b.accessory, `${path}.accessory`);
                return;
            case 'context':
                return list(b.elements, `${path}.elements`, limits/* LIMITS */.b.contextElements).forEach((e, i) => {
                    if ((0,json/* isPlainObject */.Q)(e) && e.type === 'image')
                        return;
                    textObject(e, `${path}.elements[${i}]`, limits/* LIMITS */.b.contextText);
                });
            case 'actions':
                return list(b.elements, `${path}.elements`, limits/* LIMITS */.b.actionsElements).forEach((e, i) => {
                    if ((0,json/* isPlainObject */.Q)(e) && e.type === 'button')
                        button(e, `${path}.elements[${i}]`);
                });
            case 'divider':
                return;
            case 'image':
                if (typeof b.image_url !== 'string' && !(0,json/* isPlainObject */.Q)(b.slack_file))
                    problem(`${path}.image_url`, 'expected a URL');
                if (typeof b.alt_text !== 'string' || b.alt_text === '')
                    problem(`${path}.alt_text`, 'expected text');
                return;
        }
    };
    if (!(0,json/* isPlainObject */.Q)(message))
        return ['message: expected an object'];
    let count = 0;
    const blocks = (value, path) => {
        if (value === undefined)
            return;
        const items = list(value, path, limits/* LIMITS */.b.blocks, 0);
        count += items.length;
        items.forEach((b, i) => block(b, `${path}[${i}]`));
    };
    if (message.text !== undefined && typeof message.text !== 'string')
        problem('text', 'expected text');
    if (typeof message.text === 'string' && message.text.length > limits/* LIMITS */.b.text)
        problem('text', `longer than ${limits/* LIMITS */.b.text} characters`);
    blocks(message.blocks, 'blocks');
    if (message.attachments !== undefined)
        list(message.attachments, 'attachments', 100, 0).forEach((a, i) => {
            if (!(0,json/* isPlainObject */.Q)(a))
                return problem(`attachments[${i}]`, 'expected an object');
            if (a.color !== undefined &&
                (typeof a.color !== 'string' || !/^(#[0-9A-Fa-f]{6}|good|warning|danger)$/.test(a.color)))
                problem(`attachments[${i}].color`, 'expected #RRGGBB, `good`, `warning` or `danger`');
            blocks(a.blocks, `attachments[${i}].blocks`);
        });
    if (count > limits/* LIMITS */.b.blocks)
        problem('blocks', `${count} blocks in all: more than ${limits/* LIMITS */.b.blocks}`);
    return problems;
}

;// CONCATENATED MODULE: ./src/core/slack/hints.ts
/** What to do about Slack's error codes, in the words of this action's inputs. */
const HINTS = {
    not_authed: "no token reached Slack: check input 'token'",
    invalid_auth: "Slack does not accept the token: check input 'token' (a bot token, xoxb-…)",
    account_inactive: "the token's app or user was deactivated: check input 'token'",
    token_revoked: "the token was revoked: check input 'token'",
    missing_scope: 'the app lacks the `chat:write` scope: add it and reinstall the app',
    channel_not_found: "check input 'channel'; for a private channel, invite the app first; `update-ts` needs the channel ID (the `channel` output of the step that posted)",
    not_in_channel: 'invite the app to the channel (`/invite @app`) or give it `chat:write.public`',
    is_archived: "the channel is archived: check input 'channel'",
    message_not_found: "no message with that ts in that channel: check 'update-ts' and 'channel' (the `ts` and `channel` outputs of the step that posted)",
    cant_update_message: 'only messages posted by this app (with this token) can be updated',
    edit_window_closed: 'the message is too old to be updated',
    invalid_blocks: 'Slack refused the blocks: check the payload against the Block Kit reference',
    invalid_attachments: 'Slack refused the attachments: check the payload',
    no_text: 'the payload has nothing to show: give `text`, `blocks` or `attachments`',
    msg_too_long: 'the message text is too long',
    msg_blocks_too_long: 'the blocks hold too much text in all: shorten the payload',
    invalid_payload: 'Slack could not read the payload',
    invalid_token: "the webhook was revoked or its URL is wrong: check input 'webhook-url'",
    no_service: "the webhook was removed or its URL is wrong: check input 'webhook-url'",
    action_prohibited: 'a workspace admin restricted posting to this channel'
};
function hintFor(slackError) {
    return slackError === undefined ? undefined : HINTS[slackError];
}

// EXTERNAL MODULE: ./src/core/message/text.ts
var message_text = __webpack_require__(46540);
// EXTERNAL MODULE: ./src/core/slack/mrkdwn.ts
var mrkdwn = __webpack_require__(81755);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(97268);
// EXTERNAL MODULE: ./src/core/slack/status.ts
var slack_status = __webpack_require__(19492);
;// CONCATENATED MODULE: ./src/core/slack/placeholders.ts




const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;
/** Every name a payload can use (besides `env.NAME`), with its value ('' when unknown). */
function placeholderValues(facts, extras = {}) {
    const style = extras.status ? slack_status/* STATUS_STYLE */.D[extras.status] : undefined;
    return {
        status: extras.status ?? '',
        status_emoji: style?.emoji ?? '',
        color: style?.color ?? '',
        title: extras.title ?? '',
        text: extras.text ?? '',
        mention: extras.mention ?? '',
        project: facts.project ?? '',
        repository: facts.repository ?? '',
        repository_url: facts.repositoryUrl ?? '',
        branch: facts.branch ?? '',
        tag: facts.tag ?? '',
        ref: facts.tag ?? facts.branch ?? '',
        sha: facts.sha ?? '',
        short_sha: facts.sha ? (0,message_facts/* shortSha */.Fu)(facts.sha) : '',
        commit_url: (0,message_facts/* commitUrl */.Bg)(facts) ?? '',
        commit_message: facts.commitMessage ? (0,message_facts/* firstLine */.TM)(facts.commitMessage) : '',
        author: facts.author ?? '',
        actor: facts.actor ?? '',
        run_url: facts.runUrl ?? '',
        run_number: facts.buildNumber ?? '',
        event_name: facts.eventName ?? '',
        pull_request: facts.pullRequest ? String(facts.pullRequest.number) : '',
        pull_request_url: facts.pullRequest?.url ?? '',
        version: facts.version ?? '',
        environment: facts.environment ?? '',
        url: facts.url ?? '',
        duration: facts.duration ?? ''
    };
}
/** Keys whose values Slack reads as URLs: raw values there (escaping would break `&` in queries). */
const isUrlKey = (key) => key !== undefined && /(^url$|_url$|_link$)/.test(key);
/** A copy of the payload with its placeholders filled; unknown names are a ConfigurationError. */
function fillPlaceholders(payload, options) {
    const unknown = new Set();
    const lookup = (name) => {
        if (name.startsWith('env.'))
            return options.env[name.slice(4)] ?? '';
        return Object.hasOwn(options.values, name) ? options.values[name] : undefined;
    };
    const fillString = (text, raw) => text.replace(PLACEHOLDER, (whole, name) => {
        const value = lookup(name);
        if (value === undefined) {
            unknown.add(name);
            return whole;
        }
        return raw ? value : (0,mrkdwn/* escapeMrkdwn */.fO)(value);
    });
    const walk = (node, key, parent) => {
        if (typeof node === 'string') {
            const raw = isUrlKey(key) || (key === 'text' && parent?.type === 'plain_text');
            return fillString(node, raw);
        }
        if (Array.isArray(node))
            return node.map((item) => walk(item, key, parent));
        if (typeof node === 'object' && node !== null) {
            const object = node;
            return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, walk(v, k, object)]));
        }
        return node;
    };
    const filled = walk(payload, undefined, undefined);
    if (unknown.size > 0) {
        const names = [...unknown].map((n) => `{{ ${n} }}`).join(', ');
        const known = Object.keys(options.values).join(', ');
        throw new errors/* ConfigurationError */.j1(`${options.source}: unknown placeholder ${names}: expected one of ${known}, or env.NAME.`);
    }
    return filled;
}

;// CONCATENATED MODULE: ./src/core/slack/render.ts
/**
 * A message as a reader would see it, as plain text: for the job summary and the log, so the
 * workflow shows what was sent without anyone opening Slack.
 */


const textOf = (v) => (0,json/* isPlainObject */.Q)(v) && typeof v.text === 'string' ? (0,mrkdwn/* unescapeMrkdwn */.yk)(v.text) : '';
function blockLines(b) {
    if (!(0,json/* isPlainObject */.Q)(b))
        return [];
    switch (b.type) {
        case 'header':
            return [textOf(b.text)];
        case 'section': {
            const lines = b.text ? [textOf(b.text)] : [];
            if (Array.isArray(b.fields))
                for (const f of b.fields)
                    lines.push(textOf(f).replace(/^\*([^*\n]+)\*\n/, '$1: '));
            return lines;
        }
        case 'context':
            return [Array.isArray(b.elements) ? b.elements.map(textOf).filter(Boolean).join(' ') : ''];
        case 'actions':
            return Array.isArray(b.elements)
                ? b.elements
                    .filter(json/* isPlainObject */.Q)
                    .map((e) => `[${textOf(e.text)}]${typeof e.url === 'string' ? ` ${e.url}` : ''}`)
                : [];
        case 'divider':
            return ['---'];
        case 'markdown':
            return typeof b.text === 'string' ? [b.text] : [];
        default:
            return [`(${String(b.type)} block)`];
    }
}
function renderText(message) {
    if (!(0,json/* isPlainObject */.Q)(message))
        return '';
    const lines = [];
    const blocks = (value) => {
        if (Array.isArray(value))
            for (const b of value)
                lines.push(...blockLines(b));
    };
    blocks(message.blocks);
    if (!Array.isArray(message.blocks) && typeof message.text === 'string')
        lines.push((0,mrkdwn/* unescapeMrkdwn */.yk)(message.text));
    if (Array.isArray(message.attachments)) {
        for (const a of message.attachments) {
            if (!(0,json/* isPlainObject */.Q)(a))
                continue;
            for (const key of ['pretext', 'title', 'text'])
                if (typeof a[key] === 'string')
                    lines.push((0,mrkdwn/* unescapeMrkdwn */.yk)(a[key]));
            blocks(a.blocks);
        }
    }
    return lines.filter((l) => l !== '').join('\n');
}

// EXTERNAL MODULE: ./src/core/message/status.ts
var message_status = __webpack_require__(82041);
// EXTERNAL MODULE: ./src/core/slack/templates.ts + 1 modules
var templates = __webpack_require__(64625);
// EXTERNAL MODULE: ./src/core/message/time.ts
var time = __webpack_require__(34950);
// EXTERNAL MODULE: ./src/io/files.ts
var files = __webpack_require__(33839);
// EXTERNAL MODULE: ./src/io/slack.ts
var slack = __webpack_require__(81152);
// EXTERNAL MODULE: ./src/lib/action.ts
var action = __webpack_require__(35577);
// EXTERNAL MODULE: ./src/lib/inputs.ts
var inputs = __webpack_require__(51662);
// EXTERNAL MODULE: ./src/lib/markdown.ts
var markdown = __webpack_require__(33862);
// EXTERNAL MODULE: ./src/lib/runner.ts
var lib_runner = __webpack_require__(39445);
// EXTERNAL MODULE: ./src/actions/slack-notify/context.ts
var context = __webpack_require__(13249);
;// CONCATENATED MODULE: ./src/actions/slack-notify/main.ts
/** Action `slack-notify`: a Block Kit message per pipeline state, posted or updated in place. */



















const INPUTS = {
    webhookUrl: 'webhook-url',
    token: 'token',
    channel: 'channel',
    apiUrl: 'api-url',
    status: 'status',
    title: 'title',
    text: 'text',
    fields: 'fields',
    mention: 'mention',
    mentionOn: 'mention-on',
    payload: 'payload',
    payloadFile: 'payload-file',
    updateTs: 'update-ts',
    threadTs: 'thread-ts',
    version: 'version',
    environment: 'environment',
    url: 'url',
    duration: 'duration',
    startedAt: 'started-at',
    failOnError: 'fail-on-error',
    retries: 'retries'
};
const DEFAULT_API_URL = 'https://slack.com/api/';
/** The YAML parser loads only when there is YAML (fields, a payload) to parse. */
const loadPayloadParsers = () => Promise.all(/* import() */[__webpack_require__.e(243), __webpack_require__.e(514)]).then(__webpack_require__.bind(__webpack_require__, 18514));
const STATUS_LIST = `one of ${message_status/* STATUSES */.f.map((s) => `\`${s}\``).join(', ')} (or GitHub's \`success\`, \`failure\`)`;
const TS_EXPECTED = 'a Slack message ts such as `1712345678.123456` (the `ts` output of the step that posted)';
async function readSettings(inputs) {
    const transport = readTransport(inputs);
    const payloadText = inputs.optional(INPUTS.payload);
    const payloadFile = inputs.optional(INPUTS.payloadFile);
    if (payloadText !== undefined && payloadFile !== undefined) {
        throw new errors/* ConfigurationError */.j1(`Inputs '${INPUTS.payload}' and '${INPUTS.payloadFile}' are both set: expected one of them.`);
    }
    const custom = payloadText !== undefined || payloadFile !== undefined;
    const status = readStatus(inputs, INPUTS.status, !custom);
    const updateTs = readTs(inputs, INPUTS.updateTs);
    if (updateTs !== undefined && transport?.kind === 'webhook') {
        throw new errors/* ConfigurationError */.j1(`Input '${INPUTS.updateTs}' needs '${INPUTS.token}' and '${INPUTS.channel}': an incoming webhook cannot update a message.`);
    }
    const fieldsText = inputs.optional(INPUTS.fields);
    const startedText = inputs.optional(INPUTS.startedAt);
    const startedAt = startedText === undefined ? undefined : (0,time/* parseStartTime */.L)(startedText);
    if (startedText !== undefined && startedAt === undefined) {
        throw new errors/* InputError */.dz(INPUTS.startedAt, startedText, 'an ISO 8601 time (`2026-11-22T15:04:05Z`) or Unix time in seconds (`date +%s`)');
    }
    return {
        transport,
        channel: inputs.optional(INPUTS.channel),
        status,
        title: inputs.optional(INPUTS.title),
        text: inputs.optional(INPUTS.text),
        fields: fieldsText === undefined
            ? []
            : await (await loadPayloadParsers()).parseFields(fieldsText, `input '${INPUTS.fields}'`),
        mentions: inputs.list(INPUTS.mention).map((m) => {
            const mention = (0,mrkdwn/* normalizeMention */.gc)(m);
            if (mention === undefined) {
                throw new errors/* InputError */.dz(INPUTS.mention, m, '`@here`, `@channel`, a user ID (`U…` or `<@U…>`) or a user group ID (`S…` or `<!subteam^S…>`): Slack only pings IDs');
            }
            return mention;
        }),
        mentionOn: readMentionOn(inputs),
        payload: payloadFile !== undefined
            ? { file: payloadFile }
            : payloadText !== undefined
                ? { text: payloadText, source: `input '${INPUTS.payload}'` }
                : undefined,
        updateTs,
        threadTs: readTs(inputs, INPUTS.threadTs),
        version: inputs.optional(INPUTS.version),
        environment: inputs.optional(INPUTS.environment),
        url: inputs.url(INPUTS.url),
        duration: inputs.optional(INPUTS.duration),
        startedAt,
        failOnError: inputs.boolean(INPUTS.failOnError, false),
        retries: inputs.integer(INPUTS.retries, { min: 0, max: 10 }) ?? 2
    };
}
function readTransport(inputs) {
    const webhookUrl = inputs.secret(INPUTS.webhookUrl)?.trim();
    const token = inputs.secret(INPUTS.token)?.trim();
    if (webhookUrl !== undefined && token !== undefined) {
        throw new errors/* ConfigurationError */.j1(`Inputs '${INPUTS.webhookUrl}' and '${INPUTS.token}' are both set: expected one (a webhook, or a token with a channel).`);
    }
    if (webhookUrl !== undefined) {
        // Never in the message: the URL is the secret.
        if (!/^https?:\/\/[^\s/]+\/\S+$/.test(webhookUrl)) {
            throw new errors/* ConfigurationError */.j1(`Input '${INPUTS.webhookUrl}' is not a webhook URL (https://hooks.slack.com/services/…); its value is a secret and not shown.`);
        }
        return { kind: 'webhook', url: webhookUrl };
    }
    if (token !== undefined) {
        const apiUrl = inputs.url(INPUTS.apiUrl) ?? DEFAULT_API_URL;
        return { kind: 'api', token, apiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/` };
    }
    return undefined;
}
function readStatus(inputs, name, required) {
    const value = inputs.optional(name);
    if (value === undefined) {
        if (required)
            throw new errors/* InputError */.dz(name, '', `${STATUS_LIST}, or a custom '${INPUTS.payload}'`);
        return undefined;
    }
    const status = (0,message_status/* parseStatus */.i$)(value);
    if (status === undefined)
        throw new errors/* InputError */.dz(name, value, STATUS_LIST);
    return status;
}
function readMentionOn(inputs) {
    const items = inputs.list(INPUTS.mentionOn);
    if (items.length === 0 || items.includes('always'))
        return 'always';
    return items.map((item) => {
        const status = (0,message_status/* parseStatus */.i$)(item);
        if (status === undefined)
            throw new errors/* InputError */.dz(INPUTS.mentionOn, item, `${STATUS_LIST} or \`always\``);
        return status;
    });
}
function readTs(inputs, name) {
    const value = inputs.optional(name);
    if (value !== undefined && !/^\d+\.\d+$/.test(value))
        throw new errors/* InputError */.dz(name, value, TS_EXPECTED);
    return value;
}
async function run(deps = {}) {
    const runner = deps.runner ?? (0,lib_runner/* githubRunner */.O)();
    const readFile = deps.readFile ?? files/* readOptionalFile */.p;
    const now = deps.now ?? Date.now;
    const send = deps.send ?? slack/* sendToSlack */.Ig;
    await (0,action/* runAction */.C)(runner, async () => {
        const settings = await readSettings(new inputs/* InputReader */.i_(runner.getInput, maskSecret(runner)));
        const facts = (0,message_facts/* withFactInputs */.cW)(await (0,context/* readBuildFacts */.Cl)(runner.env, { readFile, readCommit: deps.readCommit ?? (0,context/* gitCommit */.om)() }), settings, now());
        const { message, custom } = await composeMessage(settings, facts, runner.env, readFile);
        const { message: limited, truncated } = (0,limits/* enforceLimits */.z)(message);
        if (truncated.length > 0)
            runner.info(`Cut to Slack's limits: ${truncated.join('; ')}`);
        if (custom) {
            const problems = blockKitProblems(limited);
            if (problems.length > 0)
                runner.warning(`The payload may be refused by Slack: ${problems.slice(0, 10).join('; ')}`);
        }
        const request = {
            message: limited,
            channel: settings.channel,
            updateTs: settings.updateTs,
            threadTs: settings.threadTs
        };
        const outcome = await deliver(runner, settings, request, send, deps.sleep);
        const ts = outcome.delivery?.ts ?? '';
        runner.setOutput('ok', String(outcome.delivery !== undefined));
        runner.setOutput('ts', ts);
        runner.setOutput('channel', outcome.delivery?.channel ?? '');
        runner.setOutput('thread-ts', settings.threadTs ?? ts);
        runner.appendSummary(renderSummary(settings, limited, outcome, truncated));
        if (outcome.delivery)
            runner.info(describeDelivery(outcome.delivery));
        else if (settings.failOnError)
            runner.setFailed(outcome.problem ?? 'not sent');
        else
            runner.warning(`${outcome.problem} The step stays green ('${INPUTS.failOnError}' is false).`);
    });
}
/** A webhook URL's last path segment: the part that is the key. */
const webhookKey = (url) => /^https?:\/\/.+\/([^/\s]{6,})\/?$/.exec(url.trim())?.[1];
/** Masks a secret and, for a webhook URL, its key on its own too. */
function maskSecret(runner) {
    return (value) => {
        runner.setSecret(value);
        const key = webhookKey(value);
        if (key)
            runner.setSecret(key);
    };
}
function appliesTo(settings) {
    const { mentionOn, status } = settings;
    if (mentionOn === 'always' || status === undefined || mentionOn.includes(status))
        return settings.mentions;
    return [];
}
async function composeMessage(settings, facts, env, readFile) {
    const mentions = appliesTo(settings);
    if (settings.payload === undefined) {
        const status = settings.status; // readSettings requires it without a payload
        const message = (0,templates/* buildTemplate */.Z)(facts, {
            status,
            title: settings.title,
            text: settings.text,
            fields: settings.fields,
            mentions
        });
        return { message, custom: false };
    }
    const { text, source } = await payloadSource(settings.payload, readFile);
    const values = placeholderValues(facts, {
        status: settings.status,
        title: settings.title,
        text: settings.text,
        mention: mentions.join(' ')
    });
    const { checkPayloadContent, parsePayload } = await loadPayloadParsers();
    const filled = fillPlaceholders(parsePayload(text, source), {
        values,
        env: placeholderEnv(env, settings),
        source
    });
    const message = checkPayloadContent(filled, source);
    if (message.text === undefined) {
        // The notification (and screen readers) need a text; the first line shown is the best one.
        const first = renderText(message).split('\n')[0];
        if (first)
            message.text = (0,message_text/* truncate */.xv)(first, 150);
    }
    return { message, custom: true };
}
async function payloadSource(payload, readFile) {
    if ('text' in payload)
        return payload;
    const text = await readFile(payload.file);
    if (text === undefined) {
        throw new errors/* ConfigurationError */.j1(`Input '${INPUTS.payloadFile}' is ${JSON.stringify(payload.file)}: no such file.`);
    }
    return { text, source: payload.file };
}
/** `{{ env.NAME }}`: the environment, minus what holds this step's inputs and the runner's tokens. */
function placeholderEnv(env, settings) {
    const t = settings.transport;
    const secrets = t === undefined ? [] : t.kind === 'webhook' ? [t.url] : [t.token];
    return Object.fromEntries(Object.entries(env).filter(([name, value]) => !/^(INPUT_|ACTIONS_)/.test(name) &&
        !secrets.some((s) => value !== undefined && value.includes(s))));
}
async function deliver(runner, settings, request, send, sleep) {
    const transport = settings.transport;
    if (transport === undefined) {
        return {
            problem: `Slack notification not sent: neither '${INPUTS.webhookUrl}' nor '${INPUTS.token}' is set (secrets are not passed to workflows of pull requests from forks).`
        };
    }
    if (transport.kind === 'api' &&
        request.channel === undefined &&
        typeof request.message.channel !== 'string') {
        throw new errors/* ConfigurationError */.j1(`Input '${INPUTS.channel}' is empty: expected a channel ID or #name to post to with '${INPUTS.token}' (or a \`channel\` in the payload).`);
    }
    const total = settings.retries + 1;
    try {
        return {
            delivery: await send(transport, request, {
                retries: settings.retries,
                secrets: transport.kind === 'webhook'
                    ? [transport.url, webhookKey(transport.url) ?? transport.url]
                    : [transport.token],
                sleep,
                // The SDK logs every request: worth it only when the user asked for debug logs.
                debug: runner.isDebug ? (message) => runner.debug(message) : undefined,
                // The detail is the server's answer: printed as untrusted text.
                onRetry: (failure, attempt, delayMs) => runner.untrusted(`${failure.detail}; trying again in ${seconds(delayMs)} (attempt ${attempt + 1} of ${total}).`)
            })
        };
    }
    catch (error) {
        if (!(error instanceof slack/* SlackDeliveryError */.l$))
            throw error;
        const hint = hintFor(error.failure.slackError);
        const tries = error.attempts === 1 ? '' : ` after ${error.attempts} attempts`;
        return {
            problem: `Slack notification not delivered${tries}: ${error.failure.detail}${hint ? ` — ${hint}` : ''}.`
        };
    }
}
const seconds = (ms) => `${Math.round(ms / 100) / 10} s`;
function describeDelivery(d) {
    if (d.method === 'webhook')
        return 'Slack notification sent with the incoming webhook.';
    const verb = d.method === 'chat.update' ? 'updated' : 'posted';
    return `Slack message ${verb} in ${d.channel ?? '?'} (ts ${d.ts ?? '?'}).`;
}
function renderSummary(settings, message, outcome, truncated) {
    const d = outcome.delivery;
    const via = settings.transport?.kind === 'webhook'
        ? 'incoming webhook'
        : settings.updateTs
            ? 'chat.update'
            : 'chat.postMessage';
    const rows = [
        ['Status', settings.status ?? 'custom payload'],
        ['Sent with', settings.transport === undefined ? '—' : via],
        [
            'Channel',
            d?.channel ??
                settings.channel ??
                (settings.transport?.kind === 'webhook' ? "the webhook's" : '—')
        ],
        ['Result', d ? (d.ts ? `delivered, ts ${d.ts}` : 'delivered') : (outcome.problem ?? 'not sent')]
    ];
    if (truncated.length > 0)
        rows.push(['Cut to limits', truncated.join('; ')]);
    return (0,markdown/* summary */.z)('Slack notification', `${(0,markdown/* table */.tp)(['', ''], rows)}\n\n${(0,markdown/* pre */.AS)(renderText(message))}`);
}


/***/ })

};
