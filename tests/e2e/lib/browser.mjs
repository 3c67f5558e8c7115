// Shared browser helpers for the e2e specs: Debian's chromium through playwright-core
// (resolved from web/node_modules, so there is one lockfile), login, screenshots. Every
// screenshot is also an accessibility check (lib/a11y.mjs): a page or dialog a spec shows fails
// the spec when axe finds a critical or serious WCAG 2.1 A/AA violation on it.
import { createRequire } from 'node:module';
import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { audit, settleMotion } from './a11y.mjs';

const require = createRequire(fileURLToPath(new URL('../../../web/package.json', import.meta.url)));
const { chromium } = require('playwright-core');

export const BASE_URL = process.env.LINGYAN_URL ?? 'http://127.0.0.1:8080';
export const PASSWORD = process.env.LINGYAN_PASSWORD ?? 'lingyan-demo';
export const SHOT_DIR = process.env.SCREENSHOT_DIR ?? fileURLToPath(new URL('../../../test-output/screenshots', import.meta.url));
mkdirSync(SHOT_DIR, { recursive: true });

// Debian's headless shell (chromium-headless-shell: the same Blink without the desktop browser around
// it) when installed: a fifth less CPU for the same specs than the full chromium in headless mode.
const CHROMIUM = process.env.CHROMIUM ?? ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path));

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
  });
}

// The browsers ask for reduced motion (the app honours it: styles.css ends transitions at once,
// use-echarts draws charts without animating): the pages' end states are what the specs check, and
// drawing every dialog's fade and every chart's growth frame by frame was a fifth of the browser's
// CPU (one role's accessibility sweep: 80–82 s of CPU with motion, 63–66 s without).
export const CONTEXT_OPTIONS = { acceptDownloads: true, locale: 'zh-CN', reducedMotion: 'reduce' };

export async function newPage(browser, { width = 1366, height = 768 } = {}) {
  const context = await browser.newContext({ ...CONTEXT_OPTIONS, viewport: { width, height } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.errors = errors;
  return page;
}

/** Saves a screenshot of the page as it is, then checks it with axe (fails on critical/serious). */
export async function shot(page, name) {
  await page.waitForTimeout(300); // let transitions start
  await settleMotion(page);
  // Charts are drawn whole at once: every context asks for reduced motion (CONTEXT_OPTIONS).
  await page.screenshot({ path: join(SHOT_DIR, `${name}.png`) });
  await audit(page, name);
}

/** Logs in through the form; returns the /me user. */
export async function login(page, username, { screenshot } = {}) {
  await page.goto(`${BASE_URL}/login`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(PASSWORD);
  if (screenshot) await shot(page, screenshot);
  await page.locator('[data-test="login-submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.locator('[data-test="user-name"]').waitFor();
  return api(page, '/me');
}

// Inside the viewport horizontally (a phone must not have to scroll sideways to reach it).
export async function insideViewport(page, locator) {
  const box = await locator.boundingBox();
  const width = page.viewportSize().width;
  return box !== null && box.x >= 0 && box.x + box.width <= width;
}

/** GET an API path with the page's session cookie. */
export async function api(page, path) {
  const response = await page.request.get(`${BASE_URL}/api/v1${path}`);
  if (!response.ok()) throw new Error(`GET ${path} → ${response.status()}`);
  return response.json();
}

/** Waits for the page to stop loading: network idle, no loading mask, transitions done. */
export async function settle(page) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.locator('.el-loading-mask:visible').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
  await page.waitForTimeout(300);
}

/**
 * Opens `path` inside the running app, as a click on a link would (Vue Router's push; the same path
 * is no navigation). A fresh load (page.goto) parses and starts the whole app again — about a second
 * of CPU here, more than an axe run on the page — so the specs load a page only where a load is what
 * they mean (the first page, a reload, a session's end). Before the app runs, it loads `path`.
 */
export async function visit(page, path) {
  const pushed = await page.evaluate(async (target) => {
    const router = document.querySelector('#app')?.__vue_app__?.config.globalProperties.$router;
    if (!router) return false;
    await router.push(target);
    return true;
  }, path);
  if (!pushed) await page.goto(`${BASE_URL}${path}`);
}

/** The server's day (China time), YYYY-MM-DD: what the demo's dates are relative to. */
export function serverToday() {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** The year before the server's: the cycle of the demo's finished campaigns. */
export function lastYear() {
  return String(Number(serverToday().slice(0, 4)) - 1);
}

/** Records a click-to-render time (printed, and appended to test-output/timings.txt). */
export function timing(what, ms) {
  const line = `timing: ${what}: ${ms} ms`;
  console.log(line);
  appendFileSync(join(SHOT_DIR, '..', 'timings.txt'), `${new Date().toISOString()} ${BASE_URL} ${line}\n`);
}

/**
 * Clicks `selector` inside the page and returns the milliseconds until `doneExpr` (a JS
 * expression evaluated in the page) is true: a click-to-render time without test-driver overhead.
 */
export async function clickToRender(page, selector, doneExpr) {
  return page.evaluate(
    async ([sel, expr]) => {
      const done = new Function(`return (${expr});`);
      const t0 = performance.now();
      document.querySelector(sel).click();
      await new Promise((resolve, reject) => {
        const limit = t0 + 10_000;
        const check = () => {
          if (done()) resolve();
          else if (performance.now() > limit) reject(new Error(`not rendered: ${expr}`));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
      return Math.round(performance.now() - t0);
    },
    [selector, doneExpr],
  );
}

/**
 * A real JPEG drawn by the browser's canvas (a photo of a 640×480 scene: a coloured square on a
 * background), as setInputFiles takes it.
 */
export async function canvasPhoto(page, name, { background = '#4a7', square = '#c33' } = {}) {
  const base64 = await page.evaluate(
    ([bg, fg]) => {
      const canvas = document.createElement('canvas');
      canvas.width = 640;
      canvas.height = 480;
      const g = canvas.getContext('2d');
      g.fillStyle = bg;
      g.fillRect(0, 0, 640, 480);
      g.fillStyle = fg;
      g.fillRect(200, 120, 240, 240);
      return canvas.toDataURL('image/jpeg', 0.85).split(',')[1];
    },
    [background, square],
  );
  return { name, mimeType: 'image/jpeg', buffer: Buffer.from(base64, 'base64') };
}

/** Console errors (failed requests included) beside the page errors newPage records. */
export function watchConsole(page) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  return errors;
}
