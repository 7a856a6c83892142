/**
 * The simulator (its GitHub side) for the unit tests: a fresh simulator per test, so every test starts
 * from the same repository state.
 */
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { Octokit } from '@octokit/core';

export const OWNER = 'octo-org';
export const REPO = 'octo-app';
export const WRITE_TOKEN = 'ghs_deploy_tag_write';
export const READ_TOKEN = 'ghs_deploy_tag_read';
/** Commits of the seeded repository, oldest first. */
export const COMMITS = ['a', 'b', 'c', 'd', 'e', 'f'].map((c) => c.repeat(40));

export interface GitHubFixture {
  readonly sim: Simulator;
  readonly github: Simulator['github'];
  /** Replaces the simulator with a fresh one (same repository, commits and tokens, no tags). */
  reset(): Promise<void>;
  client(token?: string): Octokit;
  close(): Promise<void>;
}

async function start(): Promise<Simulator> {
  const sim = await startSimulator({ githubToken: WRITE_TOKEN });
  sim.github.seedRepository({ owner: OWNER, repo: REPO, commits: COMMITS });
  sim.github.addToken(READ_TOKEN, 'read');
  return sim;
}

export async function startGitHub(): Promise<GitHubFixture> {
  let sim = await start();
  return {
    get sim() {
      return sim;
    },
    get github() {
      return sim.github;
    },
    async reset() {
      await sim.close();
      sim = await start();
    },
    client: (token = WRITE_TOKEN) => new Octokit({ auth: token, baseUrl: sim.url }),
    close: () => sim.close(),
  };
}
