export const id = 557;
export const ids = [557];
export const modules = {

/***/ 76557:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   githubApi: () => (/* binding */ githubApi)
/* harmony export */ });
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97268);

async function githubApi(options) {
    const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 92413));
    const octokit = getOctokit(options.token, { baseUrl: options.apiUrl ?? 'https://api.github.com' });
    const [owner = '', repo = ''] = options.repository.split('/');
    const explain = (what, error) => {
        const e = error;
        const hint = e.status === 401
            ? 'the token is not valid'
            : e.status === 403 || e.status === 404
                ? 'the token cannot see it (reading teams needs a token with read:org, e.g. a GitHub App or a PAT; GITHUB_TOKEN cannot)'
                : (e.message ?? String(error));
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`GitHub refused to ${what} (${e.status ?? 'no status'}): ${hint}`);
    };
    return {
        async isTeamMember(org, team, login) {
            try {
                const res = await octokit.rest.teams.getMembershipForUserInOrg({
                    org,
                    team_slug: team,
                    username: login
                });
                return res.data.state === 'active';
            }
            catch (error) {
                if (error.status === 404) {
                    // 404 is both "not a member" and "no such team / cannot see it": tell them apart.
                    try {
                        await octokit.rest.teams.getByName({ org, team_slug: team });
                    }
                    catch (inner) {
                        explain(`read the team ${org}/${team}`, inner);
                    }
                    return false;
                }
                return explain(`read the membership of ${login} in ${org}/${team}`, error);
            }
        },
        async createIssue(title, body) {
            try {
                const res = await octokit.rest.issues.create({ owner, repo, title, body });
                return { number: res.data.number, url: res.data.html_url };
            }
            catch (error) {
                return explain('open the approval issue (the job needs `issues: write`)', error);
            }
        },
        async comments(issue, since) {
            const res = await octokit.rest.issues.listComments({
                owner,
                repo,
                issue_number: issue,
                since,
                per_page: 100
            });
            return res.data.map((c) => ({
                id: c.id,
                login: c.user?.login ?? '',
                body: c.body ?? '',
                createdAt: c.created_at
            }));
        },
        async comment(issue, body) {
            await octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body });
        },
        async closeIssue(issue, reason) {
            await octokit.rest.issues.update({
                owner,
                repo,
                issue_number: issue,
                state: 'closed',
                state_reason: reason
            });
        },
        async deployments(environment) {
            try {
                const res = await octokit.rest.repos.listDeployments({
                    owner,
                    repo,
                    environment,
                    per_page: 30
                });
                return await Promise.all(res.data.map(async (d) => {
                    const statuses = await octokit.rest.repos.listDeploymentStatuses({
                        owner,
                        repo,
                        deployment_id: d.id,
                        per_page: 1
                    });
                    const payload = typeof d.payload === 'string'
                        ? safeJson(d.payload)
                        : d.payload;
                    return {
                        id: d.id,
                        environment: d.environment,
                        createdAt: d.created_at,
                        payload: payload ?? {},
                        state: statuses.data[0]?.state
                    };
                }));
            }
            catch (error) {
                return explain(`list the deployments to ${environment} (the job needs \`deployments: read\`)`, error);
            }
        },
        async createDeployment(input) {
            try {
                const res = await octokit.rest.repos.createDeployment({
                    owner,
                    repo,
                    ref: input.ref,
                    environment: input.environment,
                    description: input.description,
                    payload: input.payload,
                    production_environment: input.production,
                    auto_merge: false,
                    required_contexts: []
                });
                if (!('id' in res.data))
                    throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`GitHub did not create the deployment: ${JSON.stringify(res.data)}`);
                return res.data.id;
            }
            catch (error) {
                if (error instanceof _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1)
                    throw error;
                return explain(`create a deployment to ${input.environment} (the job needs \`deployments: write\`)`, error);
            }
        },
        async deploymentStatus(id, state, input) {
            try {
                await octokit.rest.repos.createDeploymentStatus({
                    owner,
                    repo,
                    deployment_id: id,
                    state,
                    environment_url: input.environmentUrl,
                    log_url: input.logUrl,
                    description: input.description?.slice(0, 140),
                    auto_inactive: state === 'success'
                });
            }
            catch (error) {
                explain(`set deployment ${id} to ${state}`, error);
            }
        }
    };
}
function safeJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}


/***/ })

};
