/** The seed's task definition (fixtures/seed-task-definition.json), and it with another image in every container. */
import { readFileSync } from 'node:fs';

export const seed = JSON.parse(
  readFileSync(new URL('fixtures/seed-task-definition.json', import.meta.url), 'utf8'),
) as Record<string, unknown> & { containerDefinitions: Record<string, unknown>[] };

export const withImage = (image: string) => ({
  ...seed,
  containerDefinitions: seed.containerDefinitions.map((c) => ({ ...c, image })),
});
