/**
 * Tools for driving the demo city page in headless Chromium the way a keyboard user does (Tab,
 * Shift+Tab, Space, Enter and arrow keys; typing into fields), and for checking it with axe.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../support/strapi.ts';

/** What has focus, looking through shadow roots. */
export type Focused = {
  /** Tag of the element with focus. */
  tag: string;
  id: string;
  name: string | null;
  type: string | null;
  /** Its accessible text: label, `aria-label` or content, trimmed. */
  text: string;
  /** Tag of the widget whose shadow root holds it (or null on the page itself). */
  host: string | null;
  /** Its `data-*` attributes. */
  data: Record<string, string | undefined>;
};

/** The focused element, inside the innermost shadow root. */
export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element)
      return { tag: '', id: '', name: null, type: null, text: '', host: null, data: {} };
    const root = element.getRootNode();
    const labels = (element as HTMLInputElement).labels;
    const text =
      (labels && labels.length > 0 ? labels[0]!.textContent : null) ??
      element.getAttribute('aria-label') ??
      element.textContent ??
      '';
    return {
      tag: element.localName,
      id: element.id,
      name: element.getAttribute('name'),
      type: element.getAttribute('type'),
      text: text.replace(/\s+/g, ' ').trim(),
      host: root instanceof ShadowRoot ? root.host.localName : null,
      data: { ...(element as HTMLElement).dataset },
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches, and fails with the path taken
 * when it does not within `limit` presses: the flow is not reachable with the keyboard.
 */
export async function tabTo(
  page: Page,
  what: string,
  matches: (element: Focused) => boolean,
  options: { backwards?: boolean; limit?: number } = {}
): Promise<Focused> {
  const trail: string[] = [];
  const limit = options.limit ?? 150;
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    const element = await focused(page);
    if (matches(element)) return element;
    trail.push(
      `${element.host ?? 'page'}>${element.tag}#${element.id}(${element.text.slice(0, 30)})`
    );
  }
  assert.fail(`Could not reach ${what} with the keyboard. Tab went through:\n${trail.join('\n')}`);
}

/** Waits until the focused element matches (after a step change moved focus). */
export async function waitForFocus(
  page: Page,
  what: string,
  matches: (element: Focused) => boolean,
  timeoutMs = 10_000
): Promise<Focused> {
  const deadline = Date.now() + timeoutMs;
  let last: Focused | undefined;
  while (Date.now() < deadline) {
    last = await focused(page);
    if (matches(last)) return last;
    await page.waitForTimeout(50);
  }
  assert.fail(`Focus did not move to ${what}; it is on ${JSON.stringify(last)}`);
}

const widgetsRequire = createRequire(path.join(repoRoot, 'widgets', 'package.json'));
const axeSource = fs.readFileSync(widgetsRequire.resolve('axe-core/axe.min.js'), 'utf8');

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
};

/**
 * Runs axe over the whole page (it looks into shadow roots) and fails on any violation of WCAG
 * 2.1 A/AA or axe's best practices. The script is evaluated through the DevTools protocol, so the
 * page's Content-Security-Policy stays as it is.
 */
export async function assertAccessible(page: Page, step: string) {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(...args: unknown[]): Promise<unknown> } }).axe;
    const results = (await axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      resultTypes: ['violations'],
    })) as { violations: unknown[] };
    return results.violations;
  });
  const found = (violations as AxeViolation[]).map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n` +
      violation.nodes
        .slice(0, 3)
        .map((node) => `  ${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`)
        .join('\n')
  );
  assert.deepEqual(found, [], `axe found problems ${step}`);
}
