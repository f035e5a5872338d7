import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DocentPage } from './support/docent-page';
import { makePdf } from './support/make-pdf';
import { writeHubModels } from './support/model-host';
import { recordNetwork } from './support/network-record';
import { serveStatic } from './support/static-server';

const DIST = process.env.DOCENT_E2E_DIST ?? 'dist';
const ALMANAC = [
  'Westmere Harbor Almanac. The harbor opened in 1871 and still serves the fishing fleet.',
  'The lighthouse keeper of Westmere is Ada Lindqvist. Her cat, named Marmalade, sleeps on the lantern gallery every afternoon.',
];

/** A folder as a person would export their own chat model: the generated tiny chat model, without generation settings. */
function ownModelFolder(name: string, leaveOut: string[] = []) {
  const generated = writeHubModels();
  const parent = mkdtempSync(join(tmpdir(), 'docent-own-'));
  const folder = join(parent, name);
  cpSync(join(generated, 'docent-hub/tiny-chat'), folder, { recursive: true, filter: (source) => !['generation_config.json', ...leaveOut].some((file) => source.endsWith(file)) });
  rmSync(generated, { recursive: true, force: true });
  return { folder, dispose: () => rmSync(parent, { recursive: true, force: true }) };
}

const chatStatus = (page: Page) => page.getByRole('status').filter({ hasText: 'Chat model' });

test("a chat model from this computer: a folder missing a file is refused naming it; a whole one is kept, answers, and answers offline after a reload", async ({
  page,
  context,
}) => {
  const site = await serveStatic(DIST, { isolation: true });
  const network = recordNetwork(context);
  const broken = ownModelFolder('my-chat', ['tokenizer.json']);
  const own = ownModelFolder('my-chat');
  const docent = new DocentPage(page);
  try {
    await page.goto(`${site.url}?embedder=docent-test/tiny-embedder&generator=none`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await docent.addFiles([{ name: 'almanac.pdf', mimeType: 'application/pdf', buffer: await makePdf(ALMANAC) }]);
    await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready: 2 pages/);

    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    const picker = settings.getByLabel(/Use a model from this computer/);
    await picker.setInputFiles(broken.folder);
    await expect(settings.getByRole('alert', { name: 'Problems with the model folder' })).toHaveText('my-chat: tokenizer.json is missing.');
    await expect(chatStatus(page)).toContainText('none');

    await picker.setInputFiles(own.folder);
    await expect(settings.getByRole('combobox', { name: 'Chat model' })).toHaveValue('local/my-chat');
    await expect(settings.getByRole('listitem', { name: 'Chat model: my-chat (from this computer) (local/my-chat)' })).toContainText('available offline');
    await expect(settings.getByRole('alert')).toHaveCount(0);
    await settings.getByRole('button', { name: 'Close' }).click();

    await docent.ask("What is the name of the lighthouse keeper's cat?");
    await expect(docent.answer).toContainText('Based on your documents, this is covered in');
    await expect(docent.citation('almanac.pdf, p. 2')).toBeVisible();
    await expect(chatStatus(page)).toContainText('my-chat (from this computer)');

    // Offline, the site gone: the page, the library and the own model all come from the browser.
    await context.setOffline(true);
    await site.stop();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Docent', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'New chat' }).click();
    await docent.ask("What is the name of the lighthouse keeper's cat?");
    await expect(docent.citation('almanac.pdf, p. 2')).toBeVisible();
    await expect(chatStatus(page)).toContainText(/my-chat \(from this computer\).*ready/);
    // The own model never went to a model host: no request left the site at any time.
    expect(network.foreign(new URL(site.url).origin)).toEqual([]);
  } finally {
    await site.stop();
    broken.dispose();
    own.dispose();
  }
});
