// Accessibility checks for the e2e specs: axe-core (from web/node_modules, pinned in
// web/package.json) injected into the page and run with the WCAG 2.0/2.1 A and AA rules.
// `audit(page, label)` fails on any critical or serious violation; `shot()` in browser.mjs
// calls it, so every page and dialog a spec screenshots is checked. Rules that need a
// person's judgement are listed in DISABLED_RULES with the reason (and in docs/accessibility.md).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const require = createRequire(fileURLToPath(new URL('../../../web/package.json', import.meta.url)));
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const BLOCKING = new Set(['critical', 'serious']);

/** Rules turned off, each with the reason a person checked instead (docs/accessibility.md). */
export const DISABLED_RULES = {};

/**
 * Waits (at most 3 s each) for Vue's enter/leave transitions to end, then for CSS transitions and
 * animations that are not Vue's (a toast's fade, a popper closing, a ranking row sliding into
 * place); endless ones (spinners) do not count.
 */
export async function settleMotion(page) {
  await page
    .waitForFunction(() => !document.querySelector('[class*="-enter-active"], [class*="-leave-active"]'), null, { timeout: 3000 })
    .catch(() => {});
  await page
    .waitForFunction(
      () => !document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity),
      null,
      { timeout: 3000 },
    )
    .catch(() => {});
}

/**
 * Runs axe on the whole document; returns its violations (every impact). Waits first for Vue's
 * enter/leave transitions to end: a message fading out is half transparent for 0.3 s and would
 * be measured at a contrast no one reads it at.
 */
export async function runAxe(page) {
  const violations = await runAxeOnce(page);
  // A node caught in motion while axe ran (a toast that began to fade out during the run — its
  // transition class stands on an ancestor, not on the text axe names) was measured at a contrast no
  // one reads it at: a page with violations is checked once more after motion has settled. A real
  // violation stands in both runs.
  return violations.length ? runAxeOnce(page) : violations;
}

async function runAxeOnce(page) {
  await settleMotion(page);
  // Evaluated through the DevTools protocol rather than an inline <script>: the server's
  // Content-Security-Policy (script-src 'self') rightly refuses inline scripts, and stays on in tests.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ([tags, disabled]) => {
      const rules = Object.fromEntries(disabled.map((id) => [id, { enabled: false }]));
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), impact: n.impact, summary: n.failureSummary, html: n.html })),
      }));
    },
    [WCAG_TAGS, Object.keys(DISABLED_RULES)],
  );
}

/** The critical and serious violations of `violations`, one line per rule (for a failure message). */
export function describeBlocking(violations) {
  return violations
    .filter((v) => BLOCKING.has(v.impact))
    .map(
      (v) =>
        `${v.impact} ${v.id} (${v.help}) × ${v.nodes.length}: ` +
        v.nodes
          .slice(0, 3)
          .map((n) => `${n.target} ${String(n.html ?? '').slice(0, 120)} — ${String(n.summary ?? '').replace(/\s+/g, ' ').slice(0, 200)}`)
          .join(' | '),
    );
}

/** Fails when the page as it is now has a critical or serious WCAG A/AA violation. */
export async function audit(page, label) {
  const lines = describeBlocking(await runAxe(page));
  if (lines.length) {
    const error = new Error(`accessibility (${label}, ${page.viewportSize()?.width}px, ${page.url()}):\n  ${lines.join('\n  ')}`);
    error.name = 'AccessibilityError';
    throw error;
  }
}

/**
 * The focus ring of the focused element as the page draws it: its outline (or, for Element Plus
 * fields, the outline of the field's wrapper), and the contrast of its colour against the
 * background behind it (WCAG 1.4.11 asks >= 3:1). Null when nothing is focused. Read after two
 * frames: what the screen shows once the focus has moved. Under reduced motion (styles.css) an
 * instant change becomes a 0.01 ms transition, and in the frame the Tab lands the outline still has
 * its value from before (a primary button's white 3 px ring reads as contrast 1 against its red).
 */
export async function focusRing(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const ringHolder = el.closest('.el-input__wrapper, .el-select__wrapper, .el-textarea__inner') ?? el;
    const style = getComputedStyle(ringHolder);
    const parse = (c) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const lum = ({ r, g, b }) => {
      const lin = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    // The background the ring is drawn on: the first opaque background around the element.
    let bg = { r: 255, g: 255, b: 255, a: 1 };
    for (let node = ringHolder.parentElement; node; node = node.parentElement) {
      const c = parse(getComputedStyle(node).backgroundColor);
      if (c && c.a > 0.5) {
        bg = c;
        break;
      }
    }
    const ring = parse(style.outlineColor);
    const width = parseFloat(style.outlineWidth) || 0;
    const drawn = style.outlineStyle !== 'none' && width > 0 && ring && ring.a > 0;
    const [hi, lo] = drawn ? [lum(ring), lum(bg)].sort((x, y) => y - x) : [1, 1];
    const label = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || el.tagName).trim().slice(0, 40);
    return { label, tag: el.tagName.toLowerCase(), width, style: style.outlineStyle, contrast: drawn ? (hi + 0.05) / (lo + 0.05) : 0 };
  });
}
