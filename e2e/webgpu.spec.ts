// Runs in the 'webgpu' project only (playwright.config.ts): Chromium with a WebGPU adapter (SwiftShader here).
import { expect, test } from '@playwright/test';
import { DocentPage } from './support/docent-page';
import { makePdf } from './support/make-pdf';

const ALMANAC = [
  'Westmere Harbor Almanac. The harbor opened in 1871 and still serves the fishing fleet.',
  'The lighthouse keeper of Westmere is Ada Lindqvist. Her cat, named Marmalade, sleeps on the lantern gallery every afternoon.',
];

const status = (docent: DocentPage, role: string) => docent.page.getByRole('status').filter({ hasText: role });

async function askAboutTheCat(docent: DocentPage) {
  await docent.dropFiles([{ name: 'almanac.pdf', mimeType: 'application/pdf', buffer: await makePdf(ALMANAC) }]);
  await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready: 2 pages/);
  await docent.ask("What is the name of the lighthouse keeper's cat?");
  await expect(docent.answer).toContainText('Based on your documents, this is covered in');
  await expect(docent.citation('almanac.pdf, p. 2')).toBeVisible();
}

test('a chat model the GPU cannot run moves to the CPU with the reason, and the answer still comes', { tag: '@webgpu' }, async ({ page }) => {
  const docent = new DocentPage(page);
  await docent.open('?embedder=docent-test/tiny-embedder&generator=docent-test/tiny-chat-gpu-fails');
  await askAboutTheCat(docent);
  await expect(status(docent, 'Search model')).toContainText('ready, on GPU');
  await expect(status(docent, 'Chat model')).toContainText(/ready, on CPU\. The GPU could not run it \(.*NoSuchOperator.*\), so it runs on the CPU\./);
});

test('"Run models on the CPU only" keeps both models off the GPU from the next load on, and answers the same', { tag: '@webgpu' }, async ({ page }) => {
  const docent = new DocentPage(page);
  await docent.open();
  await page.getByRole('button', { name: 'Settings' }).click();
  const cpuOnly = page.getByRole('dialog', { name: 'Settings' }).getByRole('checkbox', { name: 'Run models on the CPU only' });
  await expect(cpuOnly).not.toBeChecked();
  // The choice reloads the page, so both models load again where it says.
  await Promise.all([page.waitForEvent('load'), cpuOnly.click()]);
  await expect(page.getByRole('heading', { name: 'Docent', level: 1 })).toBeVisible();
  await askAboutTheCat(docent);
  await expect(status(docent, 'Search model')).toContainText('ready, on CPU');
  await expect(status(docent, 'Chat model')).toContainText('ready, on CPU');
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByRole('checkbox', { name: 'Run models on the CPU only' })).toBeChecked();
});
