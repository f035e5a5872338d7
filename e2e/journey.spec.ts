import { expect, test } from '@playwright/test';
import { DocentPage, readyOnDevice } from './support/docent-page';
import { makePdf } from './support/make-pdf';
import { recordNetwork } from './support/network-record';
import { recordTextHistory } from './support/text-history';

const PAGES = [
  'Westmere Harbor Almanac. This almanac describes the town of Westmere, its harbor and its people. The harbor opened in 1871 and still serves the fishing fleet.',
  'The lighthouse keeper of Westmere is Ada Lindqvist. Her cat, named Marmalade, sleeps on the lantern gallery of the lighthouse every afternoon.',
  'Mackerel and herring quotas are set every spring by the regional fisheries council, which meets in the old customs house.',
];

test('drop a PDF, watch it index, ask, get a streamed answer citing the page; reload and ask again without re-embedding', { tag: '@webgpu' }, async ({ page, context, baseURL }) => {
  const network = recordNetwork(context);
  const history = await recordTextHistory(page, { library: '[aria-label="Documents"]', conversation: '[role="log"]' });
  const docent = new DocentPage(page);
  await docent.open();

  await docent.dropFiles([{ name: 'journey.pdf', mimeType: 'application/pdf', buffer: await makePdf(PAGES) }]);
  await expect(docent.document('journey.pdf')).toHaveAccessibleName(/Ready: 3 pages, 3 passages/);
  const progress = await history('library');
  expect(progress.some((text) => text.includes('reading page 2 of 3'))).toBe(true);
  expect(progress.some((text) => /embedded \d of 3 passages/.test(text))).toBe(true);

  await docent.ask("What is the name of the lighthouse keeper's cat?");
  const citation = docent.citation('journey.pdf, p. 2');
  await expect(citation).toBeVisible();
  const answer = 'Based on your documents, this is covered in';
  const streamed = await history('conversation');
  expect(streamed.some((text) => text.includes('Based on your') && !text.includes(answer))).toBe(true);

  await citation.click();
  const viewer = page.getByRole('dialog', { name: 'journey.pdf — page 2 of 3' });
  const pageImage = viewer.getByRole('img', { name: /^Page 2 of journey\.pdf/ });
  await expect(pageImage).toBeVisible();
  await expect(viewer).toContainText('Marmalade');
  // The passage is printed at the top of its page (from y = 780 of 842 points): so is its highlight.
  const [sheet, highlight] = await Promise.all([pageImage.boundingBox(), viewer.getByTestId('passage-highlight').first().boundingBox()]);
  expect((highlight!.y - sheet!.y) / sheet!.height).toBeLessThan(0.15);
  expect(highlight!.width).toBeGreaterThan(sheet!.width * 0.3);
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  await expect(citation).toBeFocused();
  expect(await docent.passagesEmbedded()).toBe(3);

  await page.reload();
  await expect(docent.document('journey.pdf')).toHaveAccessibleName(/Ready: 3 pages, 3 passages/);
  // Its search model is in the browser: it loads with the library, before any question.
  await expect(page.getByRole('status').filter({ hasText: 'Search model' })).toContainText(readyOnDevice());
  await docent.ask('Who is the keeper of the lighthouse?');
  await expect(docent.citation('journey.pdf, p. 2')).toBeVisible();
  expect(await docent.passagesEmbedded()).toBe(0);

  // The record sees the workers' requests (the models were fetched), and none left the page's origin.
  expect(network.urls.some((url) => url.includes('/models/docent-test/tiny-embedder/onnx/model.onnx'))).toBe(true);
  expect(network.foreign(new URL(baseURL!).origin)).toEqual([]);
});

test('a broken file in a drop fails with a reason, and the good file beside it is indexed', { tag: '@webgpu' }, async ({ page }) => {
  const docent = new DocentPage(page);
  await docent.open();
  await docent.addFiles([
    { name: 'good.pdf', mimeType: 'application/pdf', buffer: await makePdf(PAGES) },
    { name: 'broken.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\nthis is not really a pdf\n%%EOF') },
    { name: 'animation.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a not a document') },
  ]);
  await expect(docent.document('broken.pdf')).toHaveAccessibleName(/Failed: This file is damaged or is not a PDF/);
  await expect(docent.document('animation.gif')).toHaveAccessibleName(/Failed: Files of this type are not supported/);
  await expect(docent.document('good.pdf')).toHaveAccessibleName(/Ready: 3 pages/);
  await docent.ask('When did the harbor open?');
  await expect(docent.citation('good.pdf, p. 1')).toBeVisible();
});

test('a chat model that cannot be downloaded is named with the reason, and the passages still answer', { tag: '@webgpu' }, async ({ page, context }) => {
  await context.route('https://huggingface.co/**', (route) => route.abort('internetdisconnected'));
  const docent = new DocentPage(page);
  await docent.open('?embedder=docent-test/tiny-embedder&generator=docent-test/not-downloaded-chat');
  await docent.addFiles([{ name: 'almanac.pdf', mimeType: 'application/pdf', buffer: await makePdf(PAGES) }]);
  await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready/);
  await docent.ask("What is the name of the lighthouse keeper's cat?");
  await expect(docent.conversation.getByRole('alert')).toContainText('docent-test/not-downloaded-chat could not be downloaded');
  await expect(page.getByRole('status').filter({ hasText: 'Chat model' })).toContainText('could not be downloaded');
  // The key sentence still answers, cited, without the chat model.
  await expect(docent.answer).toContainText('Her cat, named Marmalade');
  await expect(docent.citation('almanac.pdf, p. 2').first()).toBeVisible();
});

test('a document with dozens of identical pages is indexed and searchable (Voy panics on 33 identical vectors)', { tag: '@webgpu' }, async ({ page }) => {
  const docent = new DocentPage(page);
  await docent.open();
  const blank = Array.from({ length: 39 }, () => 'This page is intentionally left blank.');
  await docent.addFiles([{ name: 'blanks.pdf', mimeType: 'application/pdf', buffer: await makePdf([...blank, PAGES[1]]) }]);
  await expect(docent.document('blanks.pdf')).toHaveAccessibleName(/Ready: 40 pages, 40 passages/);
  await docent.ask("What is the name of the lighthouse keeper's cat?");
  await expect(docent.citation('blanks.pdf, p. 40')).toBeVisible();
});
