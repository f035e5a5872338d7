import { expect, test } from '@playwright/test';
import { DocentPage, readyOnDevice, TEST_MODELS } from './support/docent-page';
import { makePdf } from './support/make-pdf';
import { MODEL_HOST } from './support/model-host';
import { recordNetwork } from './support/network-record';
import { ALL_LEFT_OUT, NOT_IN_DOCUMENTS } from '../src/core/search-scope';

const ALMANAC = [
  'Westmere Harbor Almanac. The harbor opened in 1871 and still serves the fishing fleet.',
  'The lighthouse keeper of Westmere is Ada Lindqvist. Her cat, named Marmalade, sleeps on the lantern gallery every afternoon.',
];

// Two missions, each on its own page; "it" in the follow-up only makes sense with the question before it.
const MISSIONS = [
  'The Aurora telescope cost 40 million euros. That cost was shared by six countries.',
  'The Borealis satellite was launched in 2021 from Kourou. Borealis cost 90 million euros.',
];

const almanacFile = async () => ({ name: 'almanac.pdf', mimeType: 'application/pdf', buffer: await makePdf(ALMANAC) });

test('Stop (or Esc) halts an answer at once and keeps what was written', async ({ page }) => {
  const docent = new DocentPage(page);
  await docent.open('?embedder=docent-test/tiny-embedder&generator=docent-test/tiny-chat-endless');
  await docent.addFiles([await almanacFile()]);
  await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready/);

  await docent.startAsking("What is the name of the keeper's cat?");
  await expect(docent.answer).toContainText('covered in');
  await page.getByRole('button', { name: 'Stop' }).click();
  const turn = docent.conversation.getByRole('article').last();
  await expect(turn).toHaveAttribute('aria-busy', 'false');
  await expect(turn).toContainText('Stopped.');
  const kept = await docent.answer.innerText();
  // Left alone, the endless model writes 384 tokens, 32 rounds of its sentence; a stop lands within a few.
  expect(kept.split('Based on your documents').length - 1).toBeLessThan(6);
  await page.waitForTimeout(300);
  expect(await docent.answer.innerText()).toBe(kept);

  await docent.startAsking('Where does the cat sleep?');
  await expect(docent.answer).toContainText('covered in');
  await page.getByLabel('Ask a question').press('Escape');
  await expect(docent.conversation.getByRole('article').last()).toContainText('Stopped.');
});

test('a conversation survives a reload and can be renamed and deleted', { tag: '@webgpu' }, async ({ page }) => {
  const docent = new DocentPage(page);
  await docent.open();
  await docent.addFiles([await almanacFile()]);
  await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready/);
  await docent.ask("What is the name of the keeper's cat?");

  await page.reload();
  const chats = page.getByRole('list', { name: 'Saved chats' });
  await expect(chats.getByRole('button', { name: "What is the name of the keeper's cat?", exact: true })).toBeVisible();
  await expect(docent.citation('almanac.pdf, p. 2')).toBeVisible();

  await page.getByRole('button', { name: 'New chat' }).click();
  await expect(docent.conversation.getByRole('article')).toHaveCount(0);
  await chats.getByRole('button', { name: "Rename What is the name of the keeper's cat?" }).click();
  await page.getByLabel('Chat name').fill('Cats of Westmere');
  await page.getByRole('button', { name: 'Save name' }).click();
  await chats.getByRole('button', { name: 'Cats of Westmere', exact: true }).click();
  await expect(docent.citation('almanac.pdf, p. 2')).toBeVisible();

  page.once('dialog', (dialog) => void dialog.accept());
  await chats.getByRole('button', { name: 'Delete Cats of Westmere' }).click();
  await expect(page.getByRole('list', { name: 'Saved chats' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Saved chats' })).toHaveCount(0);
});

test('a follow-up question is searched with the conversation', { tag: '@webgpu' }, async ({ page }) => {
  const docent = new DocentPage(page);
  await docent.open();
  await docent.addFiles([{ name: 'missions.pdf', mimeType: 'application/pdf', buffer: await makePdf(MISSIONS) }]);
  await expect(docent.document('missions.pdf')).toHaveAccessibleName(/Ready/);

  // Asked cold, "it" finds the page that talks most about cost.
  await docent.ask('And what did it cost?');
  await expect(docent.citation('missions.pdf, p. 1')).toBeVisible();

  await page.getByRole('button', { name: 'New chat' }).click();
  await docent.ask('When was the Borealis satellite launched?');
  await expect(docent.citation('missions.pdf, p. 2')).toBeVisible();
  await docent.ask('And what did it cost?');
  await expect(docent.citation('missions.pdf, p. 2')).toBeVisible();
});

test('without a chat model, answers are the key sentences of the passages, cited, at once', async ({ page, context }) => {
  const network = recordNetwork(context);
  const docent = new DocentPage(page);
  await docent.open('?embedder=docent-test/tiny-embedder&generator=none');
  await expect(page.getByRole('status').filter({ hasText: 'Chat model' })).toContainText('none');
  await docent.addFiles([await almanacFile()]);
  await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready/);
  await docent.ask("What is the name of the keeper's cat?");
  await expect(docent.answer).toContainText('Her cat, named Marmalade, sleeps on the lantern gallery every afternoon.');
  await expect(docent.citation('almanac.pdf, p. 2').first()).toBeVisible();
  await expect(docent.conversation.locator('mark', { hasText: 'Marmalade' })).toBeVisible();
  expect(network.urls.filter((url) => url.includes('tiny-chat'))).toEqual([]);
});

test('a question the documents do not cover gets an honest answer, not one made from noise', async ({ page }) => {
  const docent = new DocentPage(page);
  await docent.open();
  await docent.addFiles([await almanacFile()]);
  await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready/);
  await docent.ask('What was the GDP of Mongolia in 1995?');
  await expect(docent.answer).toHaveText("I couldn't find this in your documents.");
  await expect(docent.answer.getByRole('link')).toHaveCount(0);
});

test('with the search model unreachable, a question the documents do not cover is answered as such; with every document left out, the answer says so', async ({
  page,
  context,
}) => {
  await context.route(`${MODEL_HOST}/**`, (route) => route.abort('internetdisconnected'));
  const docent = new DocentPage(page);
  await docent.open('?embedder=docent-hub/unreachable-embedder&generator=none');
  await docent.addFiles([await almanacFile(), { name: 'missions.pdf', mimeType: 'application/pdf', buffer: await makePdf(MISSIONS) }]);
  await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready: .*Found by its words only/);
  await expect(docent.document('missions.pdf')).toHaveAccessibleName(/Ready: .*Found by its words only/);

  await docent.ask('What was the GDP of Mongolia in 1995?');
  await expect(docent.answer).toHaveText(NOT_IN_DOCUMENTS);

  await page.getByRole('checkbox', { name: 'Use in answers: almanac.pdf' }).uncheck();
  await page.getByRole('checkbox', { name: 'Use in answers: missions.pdf' }).uncheck();
  await docent.ask('Who keeps the lighthouse?');
  await expect(docent.answer).toHaveText(ALL_LEFT_OUT);
  await page.getByRole('checkbox', { name: 'Use in answers: almanac.pdf' }).check();
  await docent.ask('Who keeps the lighthouse?');
  await expect(docent.citation('almanac.pdf, p. 2').first()).toBeVisible();
});

test('HTML and script in a document and in a generated answer are shown as text and never run', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const docent = new DocentPage(page);
  await docent.open('?embedder=docent-test/tiny-embedder&generator=docent-test/tiny-chat-hostile');
  const hostile = 'The harbor cat <img src=x onerror="alert(1)"> sleeps. <script>alert(2)</script> Marmalade is the harbor cat.';
  await docent.addFiles([{ name: 'hostile.txt', mimeType: 'text/plain', buffer: Buffer.from(hostile) }]);
  await expect(docent.document('hostile.txt')).toHaveAccessibleName(/Ready/);
  await docent.ask('Which harbor cat?');
  await expect(docent.answer).toContainText(`<img src=x onerror="document.title='pwned'">`);
  await expect(docent.conversation).toContainText('<script>alert(2)</script>');
  expect(await page.title()).toBe('Docent');
  expect(await docent.conversation.locator('img, script').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test.describe('a fresh page', () => {
  test('answers that the library is empty before any document is added', async ({ page }) => {
    const docent = new DocentPage(page);
    await docent.open(TEST_MODELS);
    await docent.ask('Anything?');
    await expect(docent.answer).toContainText('Your library has nothing to answer from yet');
  });
});

test('removing a document takes it out of search at once; answers citing it stay readable, marked removed', async ({ page }) => {
  const docent = new DocentPage(page);
  await docent.open();
  await docent.addFiles([await almanacFile(), { name: 'missions.pdf', mimeType: 'application/pdf', buffer: await makePdf(MISSIONS) }]);
  await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready/);
  await expect(docent.document('missions.pdf')).toHaveAccessibleName(/Ready/);
  await docent.ask("What is the name of the keeper's cat?");
  await expect(docent.citation('almanac.pdf, p. 2')).toBeVisible();

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Remove almanac.pdf' }).click();
  await expect(docent.document('almanac.pdf')).toHaveCount(0);
  const removed = docent.conversation.getByRole('link', { name: 'almanac.pdf, p. 2 (removed from library)' });
  await removed.click();
  const viewer = page.getByRole('dialog', { name: 'almanac.pdf, p. 2' });
  await expect(viewer.getByRole('alert')).toContainText('no longer in your library');
  await expect(viewer).toContainText('Her cat, named Marmalade');
  await page.keyboard.press('Escape');

  await docent.ask("What is the name of the keeper's cat?");
  await expect(docent.answer).not.toContainText('almanac.pdf');
  await docent.ask('When was the Borealis satellite launched?');
  await expect(docent.citation('missions.pdf, p. 2')).toBeVisible();

  await page.reload();
  await expect(docent.document('missions.pdf')).toHaveAccessibleName(/Ready/);
  await expect(docent.document('almanac.pdf')).toHaveCount(0);
});

test('Copy answer puts the answer and the sources it cites on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const docent = new DocentPage(page);
  await docent.open();
  await docent.addFiles([await almanacFile()]);
  await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready/);
  await docent.ask("What is the name of the keeper's cat?");
  await docent.conversation.getByRole('button', { name: 'Copy answer' }).click();
  await expect(docent.conversation.getByRole('status')).toHaveText('Copied with its sources.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    "Q: What is the name of the keeper's cat?\n\nBased on your documents, this is covered in [1].\n\nSources:\n[1] almanac.pdf, p. 2",
  );
});

test('starting on a question loads both models, so the answer does not wait for them', { tag: '@webgpu' }, async ({ page }) => {
  const docent = new DocentPage(page);
  await docent.open();
  const status = (role: string) => page.getByRole('status').filter({ hasText: role });
  await expect(status('Chat model')).toContainText('loads when first needed');
  await page.getByLabel('Ask a question').focus();
  await expect(status('Search model')).toContainText(readyOnDevice());
  await expect(status('Chat model')).toContainText(readyOnDevice());
});

test('models are chosen in the settings: a new search model re-embeds the library, the chat model can be none', async ({ page }) => {
  const docent = new DocentPage(page);
  await docent.open();
  await docent.addFiles([await almanacFile()]);
  await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready/);

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('combobox', { name: 'Search model' }).selectOption({ label: 'Second test embedder (generated)' });
  await settings.getByRole('combobox', { name: 'Chat model' }).selectOption({ label: 'None: answers quote your documents, nothing to download' });
  await settings.getByRole('button', { name: 'Close' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Search model' })).toContainText('Second test embedder');
  await expect(page.getByRole('status').filter({ hasText: 'Chat model' })).toContainText('none');
  await expect.poll(() => docent.passagesEmbedded()).toBe(4);
  await docent.ask("What is the name of the keeper's cat?");
  await expect(docent.answer).toContainText('Her cat, named Marmalade');

  // The choice is remembered, and nothing is embedded again after a reload.
  await page.goto('./');
  await expect(page.getByRole('status').filter({ hasText: 'Search model' })).toContainText('Second test embedder');
  await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/^almanac\.pdf Ready: 2 pages, 2 passages$/);
  await docent.ask("What is the name of the keeper's cat?");
  expect(await docent.passagesEmbedded()).toBe(0);
});
