export const id = 32;
export const ids = [32];
export const modules = {

/***/ 9032:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pauseOutputs: () => (/* binding */ pauseOutputs)
/* harmony export */ });
function pauseOutputs(result) {
    const { pause } = result;
    return {
        'service-deployment-arn': result.serviceDeploymentArn ?? pause?.serviceDeploymentArn,
        'pause-hook-id': pause?.hookId,
        'pause-stage': pause?.stage,
        'pause-expires-at': pause?.expiresAt?.toISOString(),
        'pause-timeout-action': pause?.timeoutAction,
    };
}


/***/ })

};
