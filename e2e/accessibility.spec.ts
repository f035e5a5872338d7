import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DocentPage } from './support/docent-page';
import { makePdf } from './support/make-pdf';

/** Violations axe-core finds (WCAG 2.1 A and AA rules), as "rule: target" lines, so a failure says where. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

test('the page meets WCAG 2.1 AA as axe-core checks it: empty, answering with sources, and showing a source', async ({ page }) => {
  const docent = new DocentPage(page);
  await docent.open();
  expect(await violations(page)).toEqual([]);

  await docent.addFiles([{ name: 'almanac.pdf', mimeType: 'application/pdf', buffer: await makePdf(['Her cat, named Marmalade, sleeps on the lantern gallery.']) }]);
  await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready/);
  await docent.ask('What is the cat named?');
  await expect(docent.citation('almanac.pdf, p. 1')).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await docent.citation('almanac.pdf, p. 1').click();
  await expect(page.getByRole('dialog', { name: /almanac\.pdf/ }).getByRole('img')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('everything can be done from the keyboard: add a file, ask, open a source, close it', async ({ page }) => {
  const docent = new DocentPage(page);
  await docent.open();
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Add documents').focus();
  await page.keyboard.press('Enter');
  await (await chooser).setFiles([{ name: 'almanac.pdf', mimeType: 'application/pdf', buffer: await makePdf(['Her cat, named Marmalade, sleeps on the lantern gallery.']) }]);
  await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready/);

  await page.getByLabel('Ask a question').focus();
  await page.keyboard.type('What is the cat named?');
  await page.keyboard.press('Enter');
  // The answer complete: while the model writes, its citations are not links yet (the key sentences' are, until then).
  await expect(docent.conversation.getByRole('article').last()).toHaveAttribute('aria-busy', 'false');
  const citation = docent.citation('almanac.pdf, p. 1');
  await expect(citation).toBeVisible();
  await citation.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /almanac\.pdf/ });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(citation).toBeFocused();
});
