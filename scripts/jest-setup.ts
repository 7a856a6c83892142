import { afterAll, afterEach } from '@jest/globals';

// nock intercepts below node:http, which every test file a Jest worker runs shares. A file that loaded nock
// and left it active (or with net connect disabled) would break the next file's calls to its own local
// servers in that worker, so nock is undone after any file that activated it, and its interceptors are
// cleared after each test. Activating nock replaces this file's global fetch, which is how it is noticed
// without loading nock everywhere.
const pristineFetch = globalThis.fetch;

async function loadedNock() {
  return globalThis.fetch === pristineFetch ? undefined : (await import('nock')).default;
}

afterEach(async () => {
  (await loadedNock())?.cleanAll();
});

afterAll(async () => {
  const nock = await loadedNock();
  if (!nock) return;
  nock.cleanAll();
  nock.enableNetConnect();
  nock.restore();
});
