/**
 * GitHub's rate limits as deploy-tag meets them: the primary limit is one clear error naming it and its reset
 * (never retried, never "not found" or a missing permission); a secondary limit is waited out as `retry-after`
 * asks when that fits the budget, else the same kind of clear error.
 */
import { describe, expect, it } from '@jest/globals';
import { Octokit } from '@octokit/core';
import nock from 'nock';
import { deployTag } from '../src/deploy-tag.js';
import { RateLimitError } from '../src/rate-limit.js';
import { clock, gh, read, run, seedTags, slept, useGitHub } from './fixture.js';
import { COMMITS, OWNER, REPO } from './github-server.js';

useGitHub();

describe('the primary rate limit', () => {
  it('stops a lookup with one error naming the limit and its reset, without retrying', async () => {
    await seedTags([['1.2601.1', COMMITS[0] ?? '']]);
    slept.length = 0;
    const used = gh.github.rateLimitUsed(OWNER, REPO);
    gh.github.setRateLimit(used);
    const error = await run({ version: '1.2601.1', lookup: 'true' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(String(error)).toMatch(
      /primary rate limit is spent \(\d+ requests per hour, resource core\) .* in octo-org\/octo-app: it resets at \d{4}-\d\d-\d\dT.*Z \(in \d+ min\)/,
    );
    expect(String(error)).not.toMatch(/not found|permissions:/i);
    // Refused once: no retry spent more of the hour.
    expect(gh.sim.calls.filter((call) => call.status === 403)).toHaveLength(1);
    expect(slept).toEqual([]);
  });
});

describe('secondary rate limits', () => {
  const API = 'https://api.github.com';
  const lookup = () => {
    const inputs = read({ version: '1.2601.1', lookup: 'true' });
    const waits: number[] = [];
    const github = new Octokit({ auth: 'ghs_token', baseUrl: API });
    const result = deployTag(inputs, { github, clock, sleep: async (ms) => void waits.push(ms) });
    return { result, waits };
  };
  const secondary = (retryAfter?: string) =>
    nock(API)
      .get(`/repos/${OWNER}/${REPO}/git/matching-refs/tags%2Fecs-deploy-1.2601.1`)
      .query(true)
      .reply(
        403,
        {
          message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url:
            'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        },
        retryAfter === undefined ? {} : { 'retry-after': retryAfter },
      );

  it('waits retry-after out when it fits the budget, then goes on', async () => {
    nock.disableNetConnect();
    secondary('3');
    nock(API).get(`/repos/${OWNER}/${REPO}/git/matching-refs/tags%2Fecs-deploy-1.2601.1`).query(true).reply(200, []);
    const { result, waits } = lookup();
    await expect(result).resolves.toMatchObject({ found: false });
    expect(waits).toEqual([3000]);
  });

  it('fails with a clear error when GitHub asks for a longer wait than the budget', async () => {
    nock.disableNetConnect();
    secondary('600');
    const { result, waits } = lookup();
    await expect(result).rejects.toThrow(
      /secondary rate limit stopped the request to list the tags ecs-deploy-1\.2601\.1\* in octo-org\/octo-app: it asked to wait 600 s/,
    );
    expect(waits).toEqual([]);
  });

  it('waits a minute when no retry-after is given, as GitHub documents, and only once', async () => {
    nock.disableNetConnect();
    secondary();
    secondary();
    const { result, waits } = lookup();
    await expect(result).rejects.toBeInstanceOf(RateLimitError);
    expect(waits).toEqual([60_000]);
  });
});
