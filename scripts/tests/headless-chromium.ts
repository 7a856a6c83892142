/**
 * Headless Chromium for the tests that look at pages as a person would (the demo report): Debian's `chromium`
 * (installed by scripts/bootstrap.sh), or Google Chrome where a machine has that instead (GitHub's Ubuntu runners),
 * or the browser ECS_ACTIONS_CHROMIUM names. A test that cannot start one fails, naming what it looked for.
 */
import { execFileSync } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

const CANDIDATES = ['chromium', 'google-chrome', 'chromium-browser'];
const SET_UP = 'run scripts/bootstrap.sh as root (it installs Debian\'s "chromium"), or set ECS_ACTIONS_CHROMIUM';

function chromiumPath(): string {
  const named = process.env.ECS_ACTIONS_CHROMIUM;
  if (named) return named;
  for (const name of CANDIDATES) {
    try {
      return execFileSync('sh', ['-c', 'command -v "$1"', 'sh', name], { encoding: 'utf8' }).trim();
    } catch {
      // not on PATH: try the next name
    }
  }
  throw new Error(
    `No Chromium found (looked for ${CANDIDATES.join(', ')} on PATH and ECS_ACTIONS_CHROMIUM): ` +
      `${SET_UP} to a Chromium or Chrome binary.`,
  );
}

/** Starts the browser (the one found on this machine unless `executable` names one); rejects when it cannot. */
export async function launchChromium(executable = chromiumPath()): Promise<Browser> {
  try {
    await access(executable, constants.X_OK);
  } catch {
    throw new Error(`Chromium at ${executable} cannot be run: ${SET_UP} to a Chromium or Chrome binary.`);
  }
  return puppeteer.launch({
    executablePath: executable,
    headless: true,
    // The tests run as root (they start their own dockerd), where Chromium's sandbox cannot start; pages here are
    // our own files, with everything from outside sanitized and no network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    timeout: 30_000,
  });
}

/** What a page tried and said while it was open: requests other than its own file, CSP refusals, errors. */
export interface PageWatch {
  requests: string[];
  violations: string[];
  errors: string[];
}

/**
 * A page that may load only `file://` URLs and `data:` (every other request is refused and recorded), and that
 * records its console errors, uncaught exceptions and Content-Security-Policy violations.
 */
export async function watchedPage(browser: Browser): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser.newPage();
  const watch: PageWatch = { requests: [], violations: [], errors: [] };
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('file:') || url.startsWith('data:')) return void request.continue();
    watch.requests.push(url);
    void request.abort();
  });
  page.on('pageerror', (error) => watch.errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(message.text());
  });
  await page.exposeFunction('reportViolation', (text: string) => watch.violations.push(text));
  // Page-side code as text: this project's TypeScript has no DOM types.
  await page.evaluateOnNewDocument(`document.addEventListener('securitypolicyviolation', (event) =>
    reportViolation(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ': ' + event.sample));`);
  return { page, watch };
}
