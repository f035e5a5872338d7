import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { DocentPage } from './support/docent-page';
import { makePdf } from './support/make-pdf';

const ALMANAC = [
  'Westmere Harbor Almanac. The harbor opened in 1871 and still serves the fishing fleet.',
  'The lighthouse keeper of Westmere is Ada Lindqvist. Her cat, named Marmalade, sleeps on the lantern gallery every afternoon.',
];
const NOTES = '# Ferry notes\n\nThe ferry captain is Tomas Berg, and his parrot, named Pepper, rides on the bridge.';

const almanac = async () => ({ name: 'almanac.pdf', mimeType: 'application/pdf', buffer: await makePdf(ALMANAC) });
const notes = () => ({ name: 'ferry.md', mimeType: 'text/markdown', buffer: Buffer.from(NOTES) });

/** Browsers without the File System Access API (Firefox, Safari): an export is a download the service worker streams. */
async function withoutFilePicker(page: Page) {
  await page.addInitScript(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
}

/** Opens Docent and waits until its service worker controls the page (it streams the export's download). */
async function openControlled(docent: DocentPage) {
  await docent.open();
  await docent.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

async function exportLibrary(page: Page, path: string): Promise<Buffer> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export library' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^docent-library-\d{4}-\d{2}-\d{2}\.docent$/);
  await download.saveAs(path);
  await expect(dialog.getByRole('status')).toContainText(/Exported \d+ documents? and \d+ chats? \([\d.]+ [KM]?B\)/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  return readFileSync(path);
}

async function importInSettings(page: Page, path: string) {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Import library').setInputFiles(path);
}

test('a library exported to one file comes back whole after the browser cleared its storage: the same cited answer, nothing embedded again', async ({
  page,
  context,
}, testInfo) => {
  await withoutFilePicker(page);
  const docent = new DocentPage(page);
  await openControlled(docent);
  await docent.addFiles([await almanac(), notes()]);
  await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready: 2 pages/);
  await expect(docent.document('ferry.md')).toHaveAccessibleName(/Ready/);
  await docent.ask("What is the name of the lighthouse keeper's cat?");
  await expect(docent.citation('almanac.pdf, p. 2')).toBeVisible();
  const answer = await docent.answer.innerText();

  const backup = await exportLibrary(page, testInfo.outputPath('library.docent'));
  expect(backup.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
  expect(gunzipSync(backup).toString('latin1').startsWith('DOCENT LIBRARY BACKUP\n')).toBe(true);

  // The browser clears the site's databases (storage pressure, a partial clear): the library is gone.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(page.url()).origin, storageTypes: 'indexeddb' });
  await page.reload();
  const lost = page.getByRole('region', { name: 'Your library is gone' });
  await expect(lost).toContainText('This browser held a library of 2 documents for Docent, and it is gone');
  await expect(docent.library).toHaveCount(0);

  await lost.getByLabel('Import a backup').setInputFiles(testInfo.outputPath('library.docent'));
  await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready: 2 pages/);
  await expect(docent.document('ferry.md')).toHaveAccessibleName(/Ready/);
  await expect(lost).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Saved chats' }).getByRole('button', { name: "What is the name of the lighthouse keeper's cat?", exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'New chat' }).click();
  await docent.ask("What is the name of the lighthouse keeper's cat?");
  await expect(docent.citation('almanac.pdf, p. 2')).toBeVisible();
  expect(await docent.answer.innerText()).toBe(answer);
  await docent.citation('almanac.pdf, p. 2').click();
  await expect(page.getByRole('dialog', { name: 'almanac.pdf — page 2 of 2' }).getByRole('img')).toBeVisible();
  await page.keyboard.press('Escape');
  await docent.ask('Who is the ferry captain?');
  await expect(docent.citation('ferry.md, “Ferry notes”').first()).toBeVisible();
  // The vectors came with the backup: nothing was embedded again.
  expect(await docent.passagesEmbedded()).toBe(0);
});

test('a backup cut short or changed is refused with one clear message, and the library stays as it was', async ({ page }, testInfo) => {
  await withoutFilePicker(page);
  const docent = new DocentPage(page);
  await openControlled(docent);
  await docent.addFiles([await almanac(), notes()]);
  await expect(docent.document('ferry.md')).toHaveAccessibleName(/Ready/);
  const backup = await exportLibrary(page, testInfo.outputPath('library.docent'));
  page.once('dialog', (confirm) => void confirm.accept());
  await page.getByRole('button', { name: 'Remove ferry.md' }).click();
  await expect(docent.document('ferry.md')).toHaveCount(0);

  const truncated = testInfo.outputPath('truncated.docent');
  writeFileSync(truncated, backup.subarray(0, Math.floor(backup.length * 0.6)));
  // Changed inside: one letter of the almanac's text, the file compressed again so only Docent's own checks can tell.
  const tampered = testInfo.outputPath('tampered.docent');
  writeFileSync(tampered, gzipSync(Buffer.from(gunzipSync(backup).toString('latin1').replace('Marmalade', 'Marmelade'), 'latin1')));

  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await importInSettings(page, truncated);
  await expect(dialog.getByRole('alert')).toHaveText(
    'truncated.docent was not imported. This backup is damaged or incomplete: its compressed data cannot be read (a file changed or cut short while it was saved or copied). Your library is unchanged.',
  );
  await dialog.getByLabel('Import library').setInputFiles(tampered);
  await expect(dialog.getByRole('alert')).toHaveText(
    'tampered.docent was not imported. This backup is damaged: its pages part does not match its checksum. Your library is unchanged.',
  );
  await dialog.getByLabel('Import library').setInputFiles({ name: 'notes.docent', mimeType: 'application/octet-stream', buffer: Buffer.from(NOTES) });
  await expect(dialog.getByRole('alert')).toHaveText('notes.docent was not imported. This file is not a Docent library backup. Your library is unchanged.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(docent.library.getByRole('listitem')).toHaveCount(1);
  await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready: 2 pages/);
  await expect(docent.document('ferry.md')).toHaveCount(0);
});

test('importing into a library that holds some of the documents adds the others and says which were skipped', async ({ page }, testInfo) => {
  await withoutFilePicker(page);
  const docent = new DocentPage(page);
  await openControlled(docent);
  await docent.addFiles([await almanac(), notes()]);
  await expect(docent.document('ferry.md')).toHaveAccessibleName(/Ready/);
  const path = testInfo.outputPath('library.docent');
  await exportLibrary(page, path);
  const embedded = await docent.passagesEmbedded();
  page.once('dialog', (confirm) => void confirm.accept());
  await page.getByRole('button', { name: 'Remove ferry.md' }).click();
  await expect(docent.document('ferry.md')).toHaveCount(0);

  await importInSettings(page, path);
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByRole('status')).toHaveText(
    'Imported 1 document and 0 chats from library.docent. Already in your library, so skipped: almanac.pdf.',
  );
  await expect(docent.document('ferry.md')).toHaveAccessibleName(/Ready/);
  await expect(docent.library.getByRole('listitem')).toHaveCount(2);
  expect(await docent.passagesEmbedded()).toBe(embedded);
});

test('an export to a file the person picked shows its progress and can be cancelled, keeping no file', async ({ page }) => {
  // The File System Access API, as Chromium offers it, with a file whose writes wait for the test.
  await page.addInitScript(() => {
    const state = { written: 0, closed: false, aborted: false, release: () => {} };
    (window as unknown as { savedFile: typeof state }).savedFile = state;
    const gate = new Promise<void>((resolve) => (state.release = resolve));
    (window as unknown as { showSaveFilePicker: unknown }).showSaveFilePicker = async ({ suggestedName }: { suggestedName: string }) => ({
      name: suggestedName,
      createWritable: async () => ({
        write: async (bytes: Uint8Array) => {
          state.written += bytes.length;
          await gate;
        },
        close: async () => void (state.closed = true),
        abort: async () => void (state.aborted = true),
      }),
    });
  });
  const docent = new DocentPage(page);
  await docent.open();
  await docent.addFiles([await almanac(), notes()]);
  await expect(docent.document('ferry.md')).toHaveAccessibleName(/Ready/);

  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('button', { name: 'Export library' }).click();
  await expect(dialog.getByRole('status')).toContainText(/Exporting/);
  await dialog.getByRole('button', { name: 'Cancel export' }).click();
  await page.evaluate(() => (window as unknown as { savedFile: { release(): void } }).savedFile.release());
  await expect(dialog.getByRole('status')).toHaveText('Export cancelled: no backup was saved.');
  expect(await page.evaluate(() => (window as unknown as { savedFile: { aborted: boolean; closed: boolean } }).savedFile)).toMatchObject({ aborted: true, closed: false });
  await expect(dialog.getByRole('button', { name: 'Export library' })).toBeEnabled();
});
