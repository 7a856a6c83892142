/**
 * The GitHub REST side of the simulator (stub; being implemented).
 */
import type { GitHubApiSide, GitHubRequest, GitHubResponse, SimClock } from '../contract.js';

export type TokenPermission = 'write' | 'read';

export interface SeedRepositoryInput {
  owner: string;
  repo: string;
  /** 40-hex commit shas that exist in the repository. */
  commits?: string[];
}

export interface SeedArtifactInput {
  owner: string;
  repo: string;
  runId: number;
  name: string;
  files: Record<string, string>;
}

export interface TagRef {
  /** Tag name without `refs/tags/`. */
  name: string;
  /** The object the ref points at (a tag object sha for annotated tags). */
  sha: string;
  type: 'tag' | 'commit';
  /** The commit the tag resolves to. */
  commit: string;
  message?: string;
}

export class GitHubSimulator implements GitHubApiSide {
  readonly clock: SimClock;

  constructor(options: { clock: SimClock }) {
    this.clock = options.clock;
  }

  async handle(_request: GitHubRequest): Promise<GitHubResponse | undefined> {
    return undefined;
  }

  seedRepository(_input: SeedRepositoryInput): void {}

  addToken(_token: string, _permission: TokenPermission): void {}

  seedArtifact(_input: SeedArtifactInput): number {
    return 0;
  }

  tags(_owner: string, _repo: string): TagRef[] {
    return [];
  }
}
