import type { Page } from '@playwright/test';

/**
 * Records every text an element passes through (streamed answers, progress), so a test can prove intermediate
 * states existed even when they last only milliseconds. Elements are found by accessible role and label.
 */
export async function recordTextHistory(page: Page, selectors: Record<string, string>) {
  await page.addInitScript((watched) => {
    const history: Record<string, string[]> = Object.fromEntries(Object.keys(watched).map((key) => [key, []]));
    (window as unknown as { __textHistory: typeof history }).__textHistory = history;
    const sample = () => {
      for (const [key, selector] of Object.entries(watched)) {
        const text = document.querySelector(selector)?.textContent ?? '';
        if (text && history[key].at(-1) !== text) history[key].push(text);
      }
    };
    new MutationObserver(sample).observe(document, { subtree: true, childList: true, characterData: true });
  }, selectors);
  return (key: string) => page.evaluate((k) => (window as unknown as { __textHistory: Record<string, string[]> }).__textHistory[k], key);
}
