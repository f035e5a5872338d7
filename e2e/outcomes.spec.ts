import { expect, test } from '@playwright/test';
import { DocentPage } from './support/docent-page';
import { makePdfClaimingPages, makeEncryptedPdf } from './support/make-hostile-pdfs';
import { makePdf } from './support/make-pdf';

const pdf = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/pdf', buffer });

test('an encrypted PDF asks for its password, says when it is wrong, and opens with the right one', async ({ page }) => {
  const docent = new DocentPage(page);
  await docent.open();
  await docent.addFiles([pdf('vault.pdf', makeEncryptedPdf('The vault code is 4521.', 'swordfish'))]);
  await expect(docent.document('vault.pdf')).toHaveAccessibleName(/Needs its password: this PDF is encrypted/);

  await page.getByLabel('Password for vault.pdf').fill('tuna');
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(docent.document('vault.pdf')).toHaveAccessibleName(/that one is not right/);

  await page.getByLabel('Password for vault.pdf').fill('swordfish');
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(docent.document('vault.pdf')).toHaveAccessibleName(/Ready: 1 page/);
  await docent.ask('What is the vault code?');
  await docent.citation('vault.pdf, p. 1').click();
  await expect(page.getByRole('dialog', { name: 'vault.pdf — page 1 of 1' }).getByRole('img')).toBeVisible();
});

test('every file of a drop gets its own clear outcome, and the readable ones are indexed', async ({ page }) => {
  const docent = new DocentPage(page);
  await docent.open();
  const good = await makePdf(['The lighthouse keeper is Ada Lindqvist.']);
  await docent.addFiles([
    pdf('liar.pdf', makePdfClaimingPages(21_000_000)),
    pdf('huge.pdf', makePdfClaimingPages(6_000, 6_000)),
    pdf('scan.pdf', await makePdf(['', ''])),
    pdf('partly-scanned.pdf', await makePdf(['The harbor opened in 1871.', '', 'Mackerel quotas are set in spring.'])),
    pdf('good.pdf', good),
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from('   \n ') },
  ]);
  // pdf.js sees through a page count that lies (it counts the pages there are); a real tree that large is refused.
  await expect(docent.document('liar.pdf')).toHaveAccessibleName(/Ready: 1 page, 1 passage/);
  await expect(docent.document('huge.pdf')).toHaveAccessibleName(/Failed: This PDF says it has 6,000 pages; Docent reads at most 5,000/);
  await expect(docent.document('scan.pdf')).toHaveAccessibleName(/Failed: No text was found in this PDF, even with OCR: it holds only pictures or drawings/);
  await expect(docent.document('partly-scanned.pdf')).toHaveAccessibleName(/Ready: 3 pages, .* No text found on page 2, even with OCR: pictures or blank pages/);
  await expect(docent.document('empty.txt')).toHaveAccessibleName(/Failed: No text was found in this file\./);
  await expect(docent.document('good.pdf')).toHaveAccessibleName(/Ready: 1 page/);

  // The same file dropped again, under any name, is not added twice, and the drop says so.
  await docent.addFiles([pdf('good-copy.pdf', good), pdf('good.pdf', good)]);
  const duplicates = page.getByRole('status', { name: 'Already in your library' });
  await expect(duplicates.getByRole('listitem')).toHaveText(['good-copy.pdf is already in your library as good.pdf.', 'good.pdf is already in your library.']);
  await expect(docent.library.getByRole('listitem')).toHaveCount(6);
  await duplicates.getByRole('button', { name: 'Dismiss' }).click();
  await expect(duplicates).toHaveCount(0);
});

test('pages whose only text is a filing stamp count as pages without text, OCR or not: a blank court order is no text, a partly blank one warns', async ({ page }) => {
  const docent = new DocentPage(page);
  await docent.open();
  const stamp = (n: number, of: number) => `Case 1:21-cv-01234-ABC Document 12 Filed 03/04/21 Page ${n} of ${of} PageID #: ${100 + n}`;
  await docent.addFiles([
    pdf('order.pdf', await makePdf(['', '', '', '', ''], { stamp })),
    pdf('motion.pdf', await makePdf(['The motion to dismiss is denied.', 'Discovery closes on June 1.', '', '', ''], { stamp })),
  ]);
  // Their blank pages are read with OCR (8 pages in all): all they hold is the stamp, a running line.
  await expect(docent.document('order.pdf')).toHaveAccessibleName(/Failed: No text was found in this PDF, even with OCR: it holds only pictures or drawings/, { timeout: 120_000 });
  await expect(docent.document('motion.pdf')).toHaveAccessibleName(/Ready: 5 pages, \d+ passages?\. No text found on pages 3–5, even with OCR: pictures or blank pages/, { timeout: 120_000 });
});
