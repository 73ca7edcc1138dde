/**
 * Checks run on the pages the journeys visit: no horizontal overflow at the tested width, the
 * accessibility basics (language, landmarks, one heading 1, every field labelled, every button
 * named, text contrast ≥ 4.5:1), screenshots kept under test/artifacts/browser/.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export const ARTIFACTS = resolve(fileURLToPath(new URL('../../artifacts/browser', import.meta.url)));

export const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

/** document.scrollWidth against the viewport width (should be ≤). */
export function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

/** Save a full-page screenshot as test/artifacts/browser/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Problems found on the page (empty when none): missing `lang`, missing landmarks, not exactly
 * one `<h1>`, unlabelled form fields or buttons, a sideways-scrolling region a keyboard cannot reach,
 * text below a 4.5:1 contrast with its background.
 */
export function accessibilityProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const visible = (element: Element) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id === '' ? '' : `#${element.id}`}${
        element.getAttribute('name') === null ? '' : `[name=${element.getAttribute('name')}]`
      } "${(element.textContent ?? '').trim().slice(0, 40)}"`;

    if (!/^(fr|en)$/.test(document.documentElement.lang))
      problems.push(`html lang="${document.documentElement.lang}"`);
    if (document.querySelectorAll('main').length !== 1) problems.push('not exactly one <main>');
    if (document.querySelector('header, [role=banner]') === null) problems.push('no banner landmark');
    if (document.querySelector('nav') === null) problems.push('no navigation landmark');
    const headings = [...document.querySelectorAll('h1')].filter(visible);
    if (headings.length !== 1) problems.push(`${headings.length} visible <h1>`);
    const first = document.querySelector('a[href], button, input, select, textarea');
    if (first === null || !first.classList.contains('skip-link'))
      problems.push('the skip link is not the first focusable element');

    for (const field of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
      const labelled =
        (field.id !== '' && document.querySelector(`label[for="${CSS.escape(field.id)}"]`) !== null) ||
        field.closest('label') !== null ||
        field.getAttribute('aria-label') !== null ||
        field.getAttribute('aria-labelledby') !== null;
      if (!labelled) problems.push(`unlabelled field ${describe(field)}`);
    }
    for (const button of document.querySelectorAll('button, a[href]')) {
      const name = (button.textContent ?? '').trim() || button.getAttribute('aria-label') || '';
      if (name === '' && visible(button)) problems.push(`unnamed ${describe(button)}`);
    }

    // A region scrolled sideways must be reachable by keyboard: focusable itself or holding
    // something focusable (axe's scrollable-region-focusable).
    for (const element of document.querySelectorAll('body *')) {
      const overflow = getComputedStyle(element).overflowX;
      if (overflow !== 'auto' && overflow !== 'scroll') continue;
      if (element.scrollWidth <= element.clientWidth + 1 || !visible(element)) continue;
      const focusable =
        (element as HTMLElement).tabIndex >= 0 ||
        element.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])') !==
          null;
      if (!focusable) problems.push(`scrolling region not reachable by keyboard ${describe(element)}`);
    }

    // Text contrast (WCAG 2 relative luminance) against the first opaque background behind it.
    const parse = (color: string): [number, number, number, number] | null => {
      const match = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(color);
      return match === null
        ? null
        : [
            Number(match[1]),
            Number(match[2]),
            Number(match[3]),
            match[4] === undefined ? 1 : Number(match[4]),
          ];
    };
    const luminance = ([r, g, b]: readonly number[]) => {
      const channel = (value: number) => {
        const v = value / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r ?? 0) + 0.7152 * channel(g ?? 0) + 0.0722 * channel(b ?? 0);
    };
    const background = (element: Element | null): [number, number, number, number] => {
      for (let node = element; node !== null; node = node.parentElement) {
        const color = parse(getComputedStyle(node).backgroundColor);
        if (color !== null && color[3] >= 0.99) return color;
      }
      return [255, 255, 255, 1];
    };
    const seen = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const element = node.parentElement;
      if (element === null || seen.has(element) || (node.textContent ?? '').trim() === '') continue;
      seen.add(element);
      if (!visible(element) || element.closest('svg, .visually-hidden, noscript, option, :disabled') !== null)
        continue;
      const style = getComputedStyle(element);
      const fg = parse(style.color);
      if (fg === null) continue;
      const bg = background(element);
      const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [number, number];
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      const opacity = Number(style.opacity);
      if (ratio < 4.5 || opacity < 1)
        problems.push(`contrast ${ratio.toFixed(2)}:1 for ${describe(element)}`);
    }
    return problems;
  });
}

/** Navigate with the keyboard: the element focused after pressing Tab `count` times. */
export async function tabTo(page: Page, count: number): Promise<string> {
  for (let i = 0; i < count; i += 1) await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const element = document.activeElement;
    return element === null ? '' : `${element.tagName.toLowerCase()} ${(element.textContent ?? '').trim()}`;
  });
}
