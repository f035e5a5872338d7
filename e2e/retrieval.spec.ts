import { expect, test } from '@playwright/test';
import { DocentPage } from './support/docent-page';
import { makePdf } from './support/make-pdf';

const ALMANAC = ['The lighthouse keeper of Westmere is Ada Lindqvist. Her cat, named Marmalade, sleeps on the lantern gallery.'];
const SHELTER = ['The animal shelter in Eastby houses a ginger cat named Biscuit, adopted in 2020.'];

test('a question can be asked of chosen documents only, and of all again', async ({ page }) => {
  const docent = new DocentPage(page);
  await docent.open();
  await docent.addFiles([
    { name: 'almanac.pdf', mimeType: 'application/pdf', buffer: await makePdf(ALMANAC) },
    { name: 'shelter.pdf', mimeType: 'application/pdf', buffer: await makePdf(SHELTER) },
  ]);
  await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready/);
  await expect(docent.document('shelter.pdf')).toHaveAccessibleName(/Ready/);

  await docent.ask('What is the name of the lighthouse keeper’s cat?');
  await expect(docent.citation('almanac.pdf, p. 1')).toBeVisible();

  await page.getByRole('checkbox', { name: 'Use in answers: almanac.pdf' }).uncheck();
  await docent.ask('What is the name of the lighthouse keeper’s cat?');
  await expect(docent.citation('shelter.pdf, p. 1')).toBeVisible();
  await expect(docent.conversation.getByRole('article').last()).not.toContainText('almanac.pdf');

  await page.getByRole('checkbox', { name: 'Use in answers: almanac.pdf' }).check();
  await docent.ask('What is the name of the lighthouse keeper’s cat?');
  await expect(docent.citation('almanac.pdf, p. 1')).toBeVisible();
});

test('passages are found by their words even when the search model cannot load', async ({ page, context }) => {
  const docent = new DocentPage(page);
  await docent.open();
  await docent.addFiles([{ name: 'almanac.pdf', mimeType: 'application/pdf', buffer: await makePdf(ALMANAC) }]);
  await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready/);

  // Reopen with a search model that is neither in the site's models folder nor reachable on the hub.
  await context.route('https://huggingface.co/**', (route) => route.abort('internetdisconnected'));
  await page.goto('./?embedder=docent-test/unreachable-embedder&generator=none');
  await docent.ask('Marmalade');
  await expect(docent.answer).toContainText('Her cat, named Marmalade');
  await expect(page.getByRole('status').filter({ hasText: 'Search model' })).toContainText('could not be downloaded');
});

test('with no search model reachable, documents are still added and found by their words, then embedded once it loads', async ({ page, context }) => {
  await context.route('https://huggingface.co/**', (route) => route.abort('internetdisconnected'));
  const docent = new DocentPage(page);
  await page.goto('./?embedder=docent-test/unreachable-embedder&generator=none');
  await docent.addFiles([{ name: 'almanac.pdf', mimeType: 'application/pdf', buffer: await makePdf(ALMANAC) }]);
  await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready: 1 page, 1 passage\. Found by its words only/);
  await docent.ask('Marmalade');
  await expect(docent.answer).toContainText('Her cat, named Marmalade');

  // The search model becomes available: the document is embedded in the background, and searched by meaning.
  await page.goto('./?embedder=docent-test/tiny-embedder&generator=none');
  await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/^almanac\.pdf Ready: 1 page, 1 passage$/);
  expect(await docent.passagesEmbedded()).toBe(1);
});
