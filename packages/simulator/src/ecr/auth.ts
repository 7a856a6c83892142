/** GetAuthorizationToken: the `docker login` credentials, for ECR or for the local registry behind the simulator. */
import { randomBytes } from 'node:crypto';
import { type EcrState, toEpochSeconds } from './model.js';

const TOKEN_VALIDITY_MS = 12 * 60 * 60 * 1000;

/** API_GetAuthorizationToken: one authorizationData, token = base64("AWS:<password>"), valid for 12 hours. */
export function getAuthorizationToken(state: EcrState): unknown {
  const now = state.clock.now();
  const expiresAt = now + TOKEN_VALIDITY_MS;
  let user = 'AWS';
  let password: string;
  let proxyEndpoint = `https://${state.accountId}.dkr.ecr.${state.region}.amazonaws.com`;
  if (state.registry !== undefined) {
    // The local registry's own credentials; its user should be AWS, as ECR's is, but whatever it is, the token
    // must let `docker login` into it.
    user = state.registry.username;
    password = state.registry.password;
    proxyEndpoint = state.registry.url.replace(/\/+$/, '');
  } else {
    // Real ECR passwords are base64 JSON envelopes ({payload, datakey, version, type, expiration}).
    password = Buffer.from(
      JSON.stringify({
        payload: randomBytes(96).toString('base64'),
        datakey: randomBytes(48).toString('base64'),
        version: '2',
        type: 'DATA_KEY',
        expiration: Math.floor(expiresAt / 1000),
      }),
    ).toString('base64');
  }
  return {
    authorizationData: [
      {
        authorizationToken: Buffer.from(`${user}:${password}`).toString('base64'),
        expiresAt: toEpochSeconds(expiresAt),
        proxyEndpoint,
      },
    ],
  };
}
