import { expect, test } from '@playwright/test';
import { DocentPage } from './support/docent-page';

const NOTES = 'Harbour notes\n\nHer cat, named Marmalade, sleeps on the lantern gallery.';

test('a library stored by the previous version (schema 2) opens, answers with citations and shows its sources', async ({ page }) => {
  // A page of the site's origin that is not the app, so the library can be written before the app first opens it.
  await page.goto('./manifest.webmanifest');
  await page.evaluate(async (text) => {
    const request = indexedDB.open('docent', 2);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore('documents', { keyPath: 'id' });
      db.createObjectStore('chunks', { keyPath: 'id' }).createIndex('by-doc', 'docId');
      db.createObjectStore('embeddings', { keyPath: 'docId' });
      db.createObjectStore('files', { keyPath: 'docId' });
      db.createObjectStore('pages', { keyPath: ['docId', 'page'] }).createIndex('by-doc', 'docId');
      db.createObjectStore('conversations', { keyPath: 'id' }).createIndex('by-updated', 'updatedAt');
      db.createObjectStore('keyword-index');
    };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['documents', 'chunks', 'embeddings', 'files', 'pages', 'keyword-index'], 'readwrite');
    const docId = 'notes-v2';
    tx.objectStore('documents').put({ id: docId, name: 'notes.md', format: 'markdown', bytes: text.length, pageCount: 1, chunkCount: 1, addedAt: 1 });
    tx.objectStore('pages').put({ docId, page: 1, text });
    tx.objectStore('chunks').put({ id: `${docId}#000000`, docId, ordinal: 0, text, pageStart: 1, pageEnd: 1, charStart: 0, charEnd: text.length, heading: 'Harbour notes' });
    tx.objectStore('files').put({ docId, type: 'text/markdown', blob: new Blob([text]) });
    // Vectors of a model no longer in use: the library embeds the document again with its search model.
    tx.objectStore('embeddings').put({ docId, modelId: 'an-earlier-model', dims: 2, chunkIds: [`${docId}#000000`], vectors: new Float32Array([0.6, 0.8]) });
    tx.objectStore('keyword-index').put({ index: {}, chunksOf: [] }, 'current');
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, NOTES);

  const docent = new DocentPage(page);
  await docent.open();
  await expect(docent.document('notes.md')).toHaveAccessibleName(/Ready/);
  await docent.ask('What is the cat named?');
  const citation = docent.citation('notes.md, “Harbour notes”');
  await expect(citation).toBeVisible();
  await citation.click();
  const viewer = page.getByRole('dialog', { name: /notes\.md/ });
  await expect(viewer.locator('mark')).toHaveText('Harbour notes\n\nHer cat, named Marmalade, sleeps on the lantern gallery.');
  expect(await docent.passagesEmbedded()).toBe(1);
});
