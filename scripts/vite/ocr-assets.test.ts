import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OCR_LANGUAGES, ocrLanguagePath } from '../../src/core/ocr-languages';
import { OCR_ASSETS_PATH, OCR_FILES, onDemandOcrFile } from './ocr-assets';

describe('OCR assets', () => {
  it('serve every language of the catalog, at the size Settings shows', () => {
    for (const { code, bytes } of OCR_LANGUAGES) expect(statSync(OCR_FILES[ocrLanguagePath(code)]()).size, code).toBe(bytes);
  });

  it('leave only the on-demand languages out of the precache', () => {
    expect(onDemandOcrFile(`${OCR_ASSETS_PATH}/lang/eng.traineddata`)).toBe(false);
    expect(onDemandOcrFile(`${OCR_ASSETS_PATH}/lang/deu.traineddata`)).toBe(true);
    expect(onDemandOcrFile(`${OCR_ASSETS_PATH}/tesseract-core-simd-lstm.wasm.js`)).toBe(false);
  });
});
