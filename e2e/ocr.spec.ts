import { expect, test, type Page } from '@playwright/test';
import { DocentPage, TEST_MODELS } from './support/docent-page';
import { makeScannedPdf, renderScans, type ScanSpec } from './support/make-scan';
import { recordNetwork } from './support/network-record';
import { serveStatic } from './support/static-server';
import { recordTextHistory } from './support/text-history';

const FIRST = 'The lighthouse keeper at Westmere recorded a violent storm on the ninth of March, and the lamp stayed lit all night.';
const SECOND = 'The harbour master ordered four hundred barrels of tar to mend the old pier before the herring season.';

/** Page images drawn in a blank page of the browser, before Docent opens there. */
async function scans(page: Page, specs: ScanSpec[]) {
  await page.goto('about:blank');
  return renderScans(page, specs);
}

test('a scanned PDF is read with OCR, found, cited, and its passage boxed on the page image', async ({ page }) => {
  const [first, second] = await scans(page, [
    { paragraphs: [FIRST], font: 'serif', size: 14, dpi: 150 },
    { paragraphs: ['Harbour works', SECOND], font: 'sans-serif', size: 13, dpi: 150 },
  ]);
  const pdf = await makeScannedPdf([first.png, second.png]);
  const network = recordNetwork(page.context());
  const progress = await recordTextHistory(page, { state: '[aria-label="Documents"] li .document__state' });
  const docent = new DocentPage(page);
  await docent.open();
  await docent.dropFiles([{ name: 'scan.pdf', mimeType: 'application/pdf', buffer: pdf }]);
  await expect(docent.document('scan.pdf')).toHaveAccessibleName(/Ready: 2 pages.*All pages read by OCR/, { timeout: 120_000 });
  expect(await progress('state')).toEqual(expect.arrayContaining(['Indexing: reading page 1 of 2 with OCR (1 of 2 scanned pages)', 'Indexing: reading page 2 of 2 with OCR (2 of 2 scanned pages)']));

  await docent.ask('How many barrels of tar did the harbour master order?');
  const citation = docent.citation('scan.pdf, p. 2');
  await expect(citation).toBeVisible();
  await expect(docent.conversation.getByRole('article').last().getByRole('region', { name: 'Sources' }).getByRole('listitem').filter({ hasText: 'scan.pdf, p. 2' })).toContainText('read by OCR');
  await citation.click();
  const viewer = page.getByRole('dialog', { name: 'scan.pdf — page 2 of 2, read by OCR' });
  const image = viewer.getByRole('img', { name: /^Page 2 of scan\.pdf/ });
  await expect(image).toBeVisible();
  await expect(viewer).toContainText('Read by OCR');
  await expect(viewer).toContainText('barrels of tar');
  // The text stands in the top fifth of the page, across most of its width: so do the boxes around the passage.
  const sheet = (await image.boundingBox())!;
  const boxes = await Promise.all((await viewer.getByTestId('passage-highlight').all()).map(async (box) => (await box.boundingBox())!));
  expect(Math.max(...boxes.map((box) => box.y + box.height)) - sheet.y).toBeLessThan(sheet.height * 0.2);
  expect(Math.max(...boxes.map((box) => box.x + box.width)) - Math.min(...boxes.map((box) => box.x))).toBeGreaterThan(sheet.width * 0.5);

  // Every file of the OCR engine came from the site itself: never a CDN.
  expect(network.foreign(new URL(page.url()).origin)).toEqual([]);
  expect(network.urls.some((url) => url.endsWith('/ocr/lang/eng.traineddata'))).toBe(true);
});

test('an image file (PNG, JPEG) becomes a document read by OCR', async ({ page }) => {
  const [note] = await scans(page, [{ paragraphs: ['Pantry notes', 'The blue jar on the top shelf holds saffron from Valencia.'], font: 'sans-serif', size: 16, dpi: 150 }]);
  const jpeg = await page.evaluate(async (png) => {
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(png), (c) => c.charCodeAt(0))], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 })).arrayBuffer());
    return btoa(String.fromCharCode(...bytes));
  }, note.png.toString('base64'));
  const docent = new DocentPage(page);
  await docent.open();
  await docent.addFiles([
    { name: 'pantry.png', mimeType: 'image/png', buffer: note.png },
    { name: 'pantry-copy.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpeg, 'base64') },
  ]);
  await expect(docent.document('pantry.png')).toHaveAccessibleName(/Ready: 1 page.*Read by OCR/, { timeout: 90_000 });
  await expect(docent.document('pantry-copy.jpg')).toHaveAccessibleName(/Ready: 1 page.*Read by OCR/, { timeout: 90_000 });
  await docent.ask('What does the blue jar hold?');
  await docent.citation('pantry.png').or(docent.citation('pantry-copy.jpg')).first().click();
  const viewer = page.getByRole('dialog', { name: /^pantry(-copy)?\.(png|jpg) — page 1 of 1, read by OCR$/ });
  await expect(viewer.getByRole('img', { name: /^Page 1 of pantry/ })).toBeVisible();
  await expect(viewer).toContainText('saffron');
  await expect(viewer.getByTestId('passage-highlight').first()).toBeVisible();
});

test('reading with OCR can be cancelled, and the next file is read', async ({ page }) => {
  const specs = Array.from({ length: 6 }, (_, i): ScanSpec => ({ paragraphs: [`Page ${i + 1}. ${FIRST} ${SECOND}`], size: 12, dpi: 150 }));
  const images = await scans(page, [...specs, { paragraphs: [SECOND], size: 14, dpi: 150 }]);
  const docent = new DocentPage(page);
  await docent.open();
  await docent.addFiles([{ name: 'long-scan.pdf', mimeType: 'application/pdf', buffer: await makeScannedPdf(images.slice(0, 6).map((image) => image.png)) }]);
  await expect(docent.document('long-scan.pdf')).toHaveAccessibleName(/with OCR/, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Cancel long-scan.pdf' }).click();
  await expect(docent.document('long-scan.pdf')).toHaveCount(0);

  await docent.addFiles([{ name: 'short-scan.pdf', mimeType: 'application/pdf', buffer: await makeScannedPdf([images[6].png]) }]);
  await expect(docent.document('short-scan.pdf')).toHaveAccessibleName(/Ready: 1 page/, { timeout: 90_000 });
  await expect(docent.document('long-scan.pdf')).toHaveCount(0);
  // Nothing of the cancelled file was kept: a question its pages alone answer finds nothing in it.
  await docent.ask('What stayed lit all night?');
  await expect(docent.answer.getByRole('link', { name: /long-scan/ })).toHaveCount(0);
});

test('pages OCR cannot read are reported and the others kept; a damaged image fails with its reason', async ({ page }) => {
  const [text] = await scans(page, [{ paragraphs: [SECOND], size: 14, dpi: 150 }]);
  const docent = new DocentPage(page);
  await docent.open();
  await docent.addFiles([
    { name: 'partly-blank.pdf', mimeType: 'application/pdf', buffer: await makeScannedPdf([text.png, null]) },
    { name: 'damaged.png', mimeType: 'image/png', buffer: Buffer.concat([text.png.subarray(0, 64), Buffer.alloc(256, 7)]) },
  ]);
  await expect(docent.document('partly-blank.pdf')).toHaveAccessibleName(/Ready: 2 pages.*No text found on page 2, even with OCR.*Page 1 read by OCR/, { timeout: 90_000 });
  await expect(docent.document('damaged.png')).toHaveAccessibleName(/Failed: This image could not be read with OCR/);
  await docent.ask('How many barrels of tar were ordered?');
  await expect(docent.citation('partly-blank.pdf, p. 1')).toBeVisible();
});

test('offline after the first visit, with the site gone, a scanned PDF is still read with OCR', async ({ page, context }) => {
  const [scan] = await scans(page, [{ paragraphs: [SECOND], font: 'serif', size: 14, dpi: 150 }]);
  const site = await serveStatic(process.env.DOCENT_E2E_DIST ?? 'dist', { isolation: true });
  const docent = new DocentPage(page);
  try {
    await page.goto(`${site.url}${TEST_MODELS}`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    await site.stop();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Docent', level: 1 })).toBeVisible();
    await docent.addFiles([{ name: 'offline-scan.pdf', mimeType: 'application/pdf', buffer: await makeScannedPdf([scan.png]) }]);
    await expect(docent.document('offline-scan.pdf')).toHaveAccessibleName(/Ready: 1 page.*Read by OCR/, { timeout: 90_000 });
    await docent.ask('How many barrels of tar were ordered?');
    await expect(docent.citation('offline-scan.pdf, p. 1')).toBeVisible();
  } finally {
    await site.stop();
  }
});

test('another language, turned on in Settings, is fetched from the site with its size, kept, and read offline', async ({ page, context }) => {
  const french = "L'été dernier, le maître d'école a reçu trois caisses de livres pour la bibliothèque du village.";
  const [scan] = await scans(page, [{ paragraphs: [french], font: 'serif', size: 14, dpi: 150 }]);
  const site = await serveStatic(process.env.DOCENT_E2E_DIST ?? 'dist', { isolation: true });
  const docent = new DocentPage(page);
  try {
    await page.goto(`${site.url}${TEST_MODELS}`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    const languages = settings.getByRole('list', { name: 'Languages read in scans' });
    await languages.getByRole('checkbox', { name: /^French \(\d+ KB\)$/ }).check();
    await expect(languages.getByRole('listitem').filter({ hasText: 'French' })).toContainText('kept for offline use');
    expect(site.requests.some((url) => url.endsWith('ocr/lang/fra.traineddata'))).toBe(true);
    await page.keyboard.press('Escape');

    await context.setOffline(true);
    await site.stop();
    await page.reload();
    await docent.addFiles([{ name: 'lettre.pdf', mimeType: 'application/pdf', buffer: await makeScannedPdf([scan.png]) }]);
    await expect(docent.document('lettre.pdf')).toHaveAccessibleName(/Ready: 1 page.*Read by OCR/, { timeout: 90_000 });
    await docent.ask('Combien de caisses de livres le maître a-t-il reçu ?');
    await docent.citation('lettre.pdf, p. 1').click();
    await expect(page.getByRole('dialog', { name: 'lettre.pdf — page 1 of 1, read by OCR' })).toContainText(/maître d.école a reçu trois caisses/);
  } finally {
    await site.stop();
  }
});
