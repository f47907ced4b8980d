export const id = 32;
export const ids = [32];
export const modules = {

/***/ 93032:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registryDigest: () => (/* binding */ registryDigest)
/* harmony export */ });
function registryDigest(env, login) {
    return async (image, tag) => {
        const { RegistryClient } = await __webpack_require__.e(/* import() */ 497).then(__webpack_require__.bind(__webpack_require__, 93497));
        const { lookupDockerCredentials } = await __webpack_require__.e(/* import() */ 701).then(__webpack_require__.bind(__webpack_require__, 76701));
        const client = new RegistryClient({
            registry: image.registry,
            credentials: async () => login
                ? { credentials: login, from: "the 'registry-username' and 'registry-password' inputs" }
                : lookupDockerCredentials(image.registry, env)
        });
        return (await client.headManifest(image.repository, tag))?.digest;
    };
}


/***/ })

};
