/**
 * `pnpm demo`: runs the actions' bundles locally, exactly as the GitHub runner would, and prints what a user
 * would see. For now: headver computes this build's version.
 */
import path from 'node:path';
import { runBundle } from '@ecs-actions/core/testkit';

const root = path.resolve(import.meta.dirname, '..');

async function main(): Promise<void> {
  console.log('== headver: the version of this build (head 0, build 135, this week in UTC)');
  const headver = await runBundle({
    bundle: path.join(root, 'actions', 'headver', 'dist', 'index.js'),
    inputs: { head: '0', build: '135', timezone: 'UTC' },
  });
  process.stdout.write(headver.stdout);
  if (headver.exitCode !== 0) throw new Error(`headver failed:\n${headver.log}`);
  console.log(`\nversion:   ${headver.outputs.version}`);
  console.log(`image tag: ${headver.outputs['image-tag']}`);
  console.log(`\nstep summary:\n${headver.summary}`);
}

await main();
