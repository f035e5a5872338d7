import { expect, test, type Page } from '@playwright/test';

export const TEST_MODELS = '?embedder=docent-test/tiny-embedder&generator=docent-test/tiny-chat';

/** Where the test models run in this Playwright project, as the model status says it: WebGPU where it has an adapter. */
export const readyOnDevice = () => (test.info().project.name === 'webgpu' ? 'ready, on GPU' : 'ready, on CPU');

export interface FileSpec {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The page as a person meets it, found by roles and labels only. */
export class DocentPage {
  constructor(readonly page: Page) {}

  async open(query = TEST_MODELS) {
    await this.page.goto(`./${query}`);
    await expect(this.page.getByRole('heading', { name: 'Docent', level: 1 })).toBeVisible();
  }

  get library() {
    return this.page.getByRole('list', { name: 'Documents' });
  }

  document(name: string) {
    return this.library.getByRole('listitem', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) });
  }

  get conversation() {
    return this.page.getByRole('log', { name: 'Conversation' });
  }

  /** The answer to the latest question. */
  get answer() {
    return this.conversation.getByRole('article').last().getByRole('region', { name: 'Answer' });
  }

  /** The latest answer's citation of `source` ("file.pdf, p. 2"). */
  citation(source: string) {
    return this.answer.getByRole('link', { name: source, exact: true });
  }

  async addFiles(files: FileSpec[]) {
    await this.page.getByLabel('Add documents').setInputFiles(files);
  }

  /** Drops files on the page as a file manager would. */
  async dropFiles(files: FileSpec[]) {
    const payload = files.map((file) => ({ name: file.name, mimeType: file.mimeType, bytes: [...file.buffer] }));
    const dataTransfer = await this.page.evaluateHandle((specs) => {
      const transfer = new DataTransfer();
      for (const spec of specs) transfer.items.add(new File([new Uint8Array(spec.bytes)], spec.name, { type: spec.mimeType }));
      return transfer;
    }, payload);
    await this.page.dispatchEvent('main', 'dragover', { dataTransfer });
    await this.page.dispatchEvent('main', 'drop', { dataTransfer });
  }

  /** Asks, and waits until the answer is complete (the turn is no longer busy). */
  async ask(question: string) {
    await this.startAsking(question);
    await expect(this.conversation.getByRole('article').last()).toHaveAttribute('aria-busy', 'false');
  }

  async startAsking(question: string) {
    await this.page.getByLabel('Ask a question').fill(question);
    await this.page.getByRole('button', { name: 'Send' }).click();
  }

  /** The passage embeddings the library worker has computed since this page loaded. */
  async passagesEmbedded(): Promise<number> {
    const engine = this.page.workers().find((worker) => worker.url().includes('engine.worker'));
    if (!engine) throw new Error('The library worker is not running.');
    return engine.evaluate(() =>
      performance
        .getEntriesByName('docent:embed-passages')
        .reduce((sum, entry) => sum + ((entry as PerformanceMeasure).detail as { count: number }).count, 0),
    );
  }
}
