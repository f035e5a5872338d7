import { describe, expect, it } from 'vitest';
import { describeDocumentState, ocrNote, describeDuplicate, describeModelStatus, formatBytes, formatClock, formatProgress } from './format';

describe('formatBytes', () => {
  it('shows bytes below 1 KB as bytes', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
  });

  it('shows one decimal below 10 of a unit and none above', () => {
    expect(formatBytes(1024)).toBe('1.0 KB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(20 * 1024)).toBe('20 KB');
    expect(formatBytes(3.25 * 1024 * 1024)).toBe('3.3 MB');
    expect(formatBytes(512 * 1024 * 1024)).toBe('512 MB');
    expect(formatBytes(2 * 1024 ** 3)).toBe('2.0 GB');
  });

  it('stays in GB for very large sizes', () => {
    expect(formatBytes(4096 * 1024 ** 3)).toBe('4096 GB');
  });
});

describe('describeDocumentState', () => {
  it('describes reading, with an ellipsis while the page count is unknown', () => {
    expect(describeDocumentState({ kind: 'indexing', stage: 'reading', done: 3, total: 10 }, 0, 0)).toBe(
      'Indexing: reading page 3 of 10',
    );
    expect(describeDocumentState({ kind: 'indexing', stage: 'reading', done: 0, total: 0 }, 0, 0)).toBe(
      'Indexing: reading page 0 of …',
    );
  });

  it('describes embedding progress in passages', () => {
    expect(describeDocumentState({ kind: 'indexing', stage: 'embedding', done: 5, total: 42 }, 3, 42)).toBe(
      'Indexing: embedded 5 of 42 passages',
    );
  });

  it('describes a ready document, singular and plural', () => {
    expect(describeDocumentState({ kind: 'ready' }, 1, 1)).toBe('Ready: 1 page, 1 passage');
    expect(describeDocumentState({ kind: 'ready' }, 12, 30)).toBe('Ready: 12 pages, 30 passages');
    expect(describeDocumentState({ kind: 'ready' }, 0, 0)).toBe('Ready: 0 pages, 0 passages');
    expect(describeDocumentState({ kind: 'ready' }, 3, 4, 'No text on page 2.')).toBe('Ready: 3 pages, 4 passages. No text on page 2.');
    expect(describeDocumentState({ kind: 'ready' }, 3, 4, undefined, { pages: [1, 2, 3], lowConfidence: [] })).toBe('Ready: 3 pages, 4 passages. All pages read by OCR.');
    expect(describeDocumentState({ kind: 'ready' }, 5, 4, undefined, { pages: [2, 3], lowConfidence: [3] })).toBe(
      'Ready: 5 pages, 4 passages. Pages 2 and 3 read by OCR; low confidence on page 3, so check what it cites.',
    );
    expect(describeDocumentState({ kind: 'ready' }, 1, 1, undefined, { pages: [1], lowConfidence: [1] })).toBe(
      'Ready: 1 page, 1 passage. Read by OCR; low confidence on its text, so check what it cites.',
    );
    expect(describeDocumentState({ kind: 'indexing', stage: 'ocr', page: 3, done: 2, total: 12 }, 12, 0)).toBe('Indexing: reading page 3 of 12 with OCR (3 of 12 scanned pages)');
  });

  it('asks for the password of an encrypted PDF, and says when one was wrong', () => {
    expect(describeDocumentState({ kind: 'needs-password', wrong: false }, 0, 0)).toBe('Needs its password: this PDF is encrypted.');
    expect(describeDocumentState({ kind: 'needs-password', wrong: true }, 0, 0)).toMatch(/not right/);
  });

  it('gives the reason of a failure', () => {
    expect(describeDocumentState({ kind: 'failed', reason: 'The file is not a PDF.' }, 0, 0)).toBe(
      'Failed: The file is not a PDF.',
    );
  });
});

describe('describeModelStatus', () => {
  it('describes each status', () => {
    expect(describeModelStatus({ kind: 'idle' })).toBe('loads when first needed');
    expect(describeModelStatus({ kind: 'downloading', loadedBytes: 512, totalBytes: 3 * 1024 * 1024, file: 'onnx/model.onnx' })).toBe(
      'downloading 512 B of 3.0 MB',
    );
    expect(describeModelStatus({ kind: 'warming-up' })).toBe('warming up');
    expect(describeModelStatus({ kind: 'downloading', loadedBytes: 12 * 1024 * 1024, totalBytes: 0, file: 'onnx/model.onnx' })).toBe(
      'downloading 12 MB',
    );
    expect(describeModelStatus({ kind: 'ready', device: 'webgpu' })).toBe('ready, on GPU');
    expect(describeModelStatus({ kind: 'ready', device: 'wasm' })).toBe('ready, on CPU');
    expect(describeModelStatus({ kind: 'ready', device: 'wasm', fallback: 'The GPU could not run it (out of memory), so it runs on the CPU.' })).toBe(
      'ready, on CPU. The GPU could not run it (out of memory), so it runs on the CPU.',
    );
    expect(describeModelStatus({ kind: 'failed', reason: 'Model could not be found.' })).toBe('Model could not be found.');
    const retryAt = new Date(2026, 11, 4, 14, 2, 5).getTime();
    expect(describeModelStatus({ kind: 'failed', reason: 'Tiny could not be downloaded.', retryAt })).toBe(`Tiny could not be downloaded. Next try at ${formatClock(retryAt)}.`);
    expect(formatClock(retryAt)).toMatch(/0?2:02:05/);
  });
});

describe('download progress', () => {
  it('gives the total when known, and only the bytes done when the host sent no size', () => {
    expect(formatProgress(3 * 1024 * 1024, 12 * 1024 * 1024)).toBe('3.0 MB of 12 MB');
    expect(formatProgress(12 * 1024 * 1024, 0)).toBe('12 MB');
    expect(formatProgress(12 * 1024 * 1024, 12 * 1024 * 1024)).toBe('12 MB');
  });

  it('names the file being fetched, with its own bytes done of total', () => {
    const files = [
      { file: 'tokenizer.json', loadedBytes: 700 * 1024, totalBytes: 700 * 1024 },
      { file: 'onnx/model_quantized.onnx', loadedBytes: 3 * 1024 * 1024, totalBytes: 33 * 1024 * 1024 },
    ];
    expect(describeModelStatus({ kind: 'downloading', loadedBytes: 3.7 * 1024 * 1024, totalBytes: 33.7 * 1024 * 1024, file: files[1].file, files })).toBe(
      'downloading 3.7 MB of 34 MB (onnx/model_quantized.onnx: 3.0 MB of 33 MB)',
    );
  });
});

describe('describeDuplicate', () => {
  it('names the document a dropped file already is, and whether it is still being added', () => {
    expect(describeDuplicate({ name: 'copy.pdf', existingName: 'report.pdf', pending: false })).toBe('copy.pdf is already in your library as report.pdf.');
    expect(describeDuplicate({ name: 'report.pdf', existingName: 'report.pdf', pending: false })).toBe('report.pdf is already in your library.');
    expect(describeDuplicate({ name: 'copy.pdf', existingName: 'report.pdf', pending: true })).toBe('copy.pdf is already being added as report.pdf.');
  });
});

describe('ocrNote', () => {
  const ocr = { pages: [2, 3], lowConfidence: [3] };
  it('says a passage on a page read by OCR was, and warns where the engine was unsure', () => {
    expect(ocrNote(undefined, 1, 1)).toBeUndefined();
    expect(ocrNote(ocr, 1, 1)).toBeUndefined();
    expect(ocrNote(ocr, 1, 2)).toBe('read by OCR');
    expect(ocrNote(ocr, 3, 3)).toBe('read by OCR, with low confidence: check it against the page');
  });
});
