import { expect, test } from '@playwright/test';
import { DocentPage } from './support/docent-page';
import { makePdf } from './support/make-pdf';

const storedDocuments = (docent: DocentPage) =>
  docent.page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('docent');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('documents').objectStore('documents').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );

test('two tabs share one library: each sees the other\'s changes, and a file dropped into both is stored once', async ({ context }) => {
  const first = new DocentPage(await context.newPage());
  const second = new DocentPage(await context.newPage());
  await first.open();
  await second.open();

  await first.addFiles([{ name: 'almanac.pdf', mimeType: 'application/pdf', buffer: await makePdf(['Her cat, named Marmalade, sleeps on the lantern gallery.']) }]);
  await expect(first.document('almanac.pdf')).toHaveAccessibleName(/Ready/);
  await expect(second.document('almanac.pdf')).toHaveAccessibleName(/Ready/);
  await second.ask('What is the cat named?');
  await expect(second.citation('almanac.pdf, p. 1')).toBeVisible();

  const shared = { name: 'missions.pdf', mimeType: 'application/pdf', buffer: await makePdf(['The Borealis satellite was launched in 2021.']) };
  await Promise.all([first.addFiles([shared]), second.addFiles([shared])]);
  await expect(first.document('missions.pdf')).toHaveAccessibleName(/Ready/);
  await expect(second.document('missions.pdf')).toHaveAccessibleName(/Ready/);
  expect(await storedDocuments(first)).toBe(2);
  // Each file was read and embedded by one tab only (one passage each), the other took it up from storage.
  expect((await first.passagesEmbedded()) + (await second.passagesEmbedded())).toBe(2);
  await expect(first.library.getByRole('listitem')).toHaveCount(2);
  await expect(second.library.getByRole('listitem')).toHaveCount(2);

  second.page.once('dialog', (dialog) => void dialog.accept());
  await second.page.getByRole('button', { name: 'Remove almanac.pdf' }).click();
  await expect(first.document('almanac.pdf')).toHaveCount(0);
  await first.ask('What is the cat named?');
  await expect(first.answer).not.toContainText('almanac.pdf');
});
