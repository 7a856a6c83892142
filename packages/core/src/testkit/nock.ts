import { afterAll, afterEach } from '@jest/globals';
import type nockModule from 'nock';

/**
 * Undoes nock after a test file. nock patches node:http (shared by every test file a Jest worker runs), so a
 * file that disabled net connect and left nock active would make the next file's calls to its own local
 * servers fail in that worker.
 */
export function isolateNock(nock: typeof nockModule): void {
  afterEach(() => nock.cleanAll());
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
    nock.restore();
  });
}
