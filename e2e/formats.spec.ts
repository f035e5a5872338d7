import { expect, test } from '@playwright/test';
import { makeDocx } from '../src/workers/engine/readers/make-docx.test-support';
import { DocentPage } from './support/docent-page';

const MARKDOWN = `# Westmere guide

## Lighthouse

The keeper's cat is named Marmalade.

## Harbor

The harbor opened in 1871.
`;

const HTML = `<!doctype html><html><head><title>Shelter</title><style>p { color: red }</style>
<script>document.title = 'pwned'</script></head>
<body><h1>Eastby shelter</h1><p>The ginger cat Biscuit was adopted in 2020.</p><p hidden>Hidden note about Marmalade.</p></body></html>`;

test('Word, Markdown and HTML files are read, with headings naming their passages', async ({ page }) => {
  const docent = new DocentPage(page);
  await docent.open();
  await docent.addFiles([
    { name: 'guide.md', mimeType: 'text/markdown', buffer: Buffer.from(MARKDOWN) },
    { name: 'shelter.html', mimeType: 'text/html', buffer: Buffer.from(HTML) },
    {
      name: 'minutes.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(makeDocx([{ text: 'Council minutes', style: 'Heading1' }, { text: 'The council set the herring quota at 400 tonnes.' }])),
    },
  ]);
  for (const name of ['guide.md', 'shelter.html', 'minutes.docx']) await expect(docent.document(name)).toHaveAccessibleName(/Ready/);

  await docent.ask("What is the keeper's cat named?");
  await docent.citation('guide.md, “Lighthouse”').click();
  const viewer = page.getByRole('dialog', { name: 'guide.md, “Lighthouse”' });
  await expect(viewer.locator('mark')).toContainText("The keeper's cat is named Marmalade.");
  await expect(viewer).toContainText('The harbor opened in 1871.');
  await viewer.getByRole('button', { name: 'Close' }).click();
  await expect(viewer).toBeHidden();
  await docent.ask('What was the herring quota?');
  await expect(docent.citation('minutes.docx, “Council minutes”')).toBeVisible();
  await docent.ask('Which cat was adopted in 2020?');
  await expect(docent.citation('shelter.html, “Eastby shelter”')).toBeVisible();
  // Nothing of the page's script, style or hidden text reached the library.
  expect(await page.title()).toBe('Docent');
  await docent.ask('Hidden note about Marmalade?');
  await expect(docent.conversation.getByRole('article').last()).not.toContainText('shelter.html');
});

test('pasted text becomes a document of the library', async ({ page }) => {
  const docent = new DocentPage(page);
  await docent.open();
  await page.getByRole('button', { name: 'Paste text' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add pasted text' });
  await dialog.getByLabel('Name').fill('Meeting notes');
  await dialog.getByLabel('Text').fill('The ferry timetable changes on the first of May.');
  await dialog.getByRole('button', { name: 'Add to library' }).click();
  await expect(docent.document('Meeting notes.txt')).toHaveAccessibleName(/Ready/);
  await docent.ask('When does the ferry timetable change?');
  await expect(docent.citation('Meeting notes.txt')).toBeVisible();
});
