import { describe, expect, it } from 'vitest';
import { ocrLanguagesToLoad } from './ocr-languages';

describe('ocrLanguagesToLoad', () => {
  it('loads English first, then the chosen languages Docent knows, once each', () => {
    expect(ocrLanguagesToLoad([])).toEqual(['eng']);
    expect(ocrLanguagesToLoad(['deu', 'fra', 'deu'])).toEqual(['eng', 'deu', 'fra']);
    expect(ocrLanguagesToLoad(['eng', 'xyz', '../../etc'])).toEqual(['eng']);
  });
});
