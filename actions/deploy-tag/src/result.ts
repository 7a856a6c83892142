/** What the action reports, in both modes. */
import type { TargetOutput } from './application-lookup.js';

/** One deploy tag as the outputs name it: its version, commit and (when it ran at the place) its record there. */
export interface DeployRecordOutput {
  tag: string;
  version: string;
  sha: string;
  image?: string;
  imageDigest?: string;
  taskDefinitionArn?: string;
  /** Who deployed it and where (format 2 records; region and account from an ARN for older ones). */
  actor?: string;
  triggeringActor?: string;
  region?: string;
  account?: string;
  /** When it was deployed there. */
  time?: string;
}

export interface DeployTagResult {
  mode: 'create' | 'lookup' | 'list' | 'deployment' | 'history';
  /**
   * created: a new tag; moved: an existing tag now points at sha; recorded: this deploy was added to the tag that
   * already pointed at sha; kept: the tag already recorded this run's deploy (a re-run); looked-up: lookup mode;
   * deployment-started / deployment-failed: deployment mode (the GitHub Deployment created in_progress / set failure).
   */
  action:
    | 'created'
    | 'moved'
    | 'recorded'
    | 'kept'
    | 'looked-up'
    | 'listed'
    | 'history'
    | 'deployment-started'
    | 'deployment-failed';
  tag: string;
  sha: string;
  version: string;
  created: boolean;
  /** Lookup mode: whether the deploy tag exists (a version given with `lookup: true` may have none yet). */
  found?: boolean;
  /** Lookup mode: the tag records no deploys (lightweight, or made before deploy records). */
  legacy?: boolean;
  /** Lookup mode: the version ran at the place looked up (its record there gives image and task definition). */
  deployedHere?: boolean;
  image?: string;
  imageDigest?: string;
  taskDefinitionArn?: string;
  /** Lookup mode: who deployed the version at the place, and where (see DeployRecordOutput). */
  actor?: string;
  triggeringActor?: string;
  region?: string;
  account?: string;
  /** The commit the tag pointed at before a move. */
  movedFrom?: string;
  /** What ran at the place before this deploy (create mode), or the rollback target (version previous). */
  previous?: DeployRecordOutput;
  /** version previous: what runs at the place now, the deploy a rollback goes back from. */
  latest?: DeployRecordOutput;
  /** The annotated tag message written (create mode). */
  message?: string;
  deploymentId?: number;
  /** List mode: every task definition ARN the deploy tags record, newest deploy first, each once. */
  taskDefinitionArns?: string[];
  /** History mode: the newest deploys of each place, newest place first (see PlaceDeploys). */
  history?: PlaceDeploys[];
  /** History mode: places left out beyond the most shown. */
  placesLeftOut?: number;
  /** Lookup mode, an application deploy (format 3 records): every target it recorded (see TargetOutput). */
  targets?: TargetOutput[];
  /** Where the sha came from (create mode). */
  shaSource?: string;
}

/** One place (environment, cluster, service, region) and its newest deploys, newest first. */
export interface PlaceDeploys {
  environment: string;
  cluster: string;
  service: string;
  region?: string;
  account?: string;
  /** How many deploys the records hold there in all (more than `deploys` when cut to history-count). */
  total: number;
  deploys: HistoryDeploy[];
}

/**
 * One deploy. Records are written only after a deploy succeeded, so each recorded one ended deployed; `change` says
 * what it did to the place: its first deploy, a newer version, back to an older one (a rollback), the same again.
 * `failed`: a deploy whose GitHub Deployment ended in failure (no record; what ran before kept running or was
 * rolled back to).
 */
export interface HistoryDeploy {
  version: string;
  tag: string;
  sha: string;
  time: string;
  change: 'first' | 'newer' | 'rollback' | 'redeploy' | 'failed';
  /** It is what runs at the place now (the place's newest deploy). */
  current: boolean;
  actor?: string;
  triggeringActor?: string;
  image?: string;
  taskDefinitionArn?: string;
  run?: string;
}
