import { describe, expect, it } from 'vitest';
import { decodeText } from './decode';

const utf16 = (text: string, littleEndian: boolean, bom: boolean) => {
  const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(bytes.buffer);
  const units = (bom ? '\uFEFF' : '') + text;
  for (let i = 0; i < units.length; i++) view.setUint16(i * 2, units.charCodeAt(i), littleEndian);
  return bytes;
};

describe('decodeText', () => {
  it('reads UTF-8 and drops its byte order mark', () => {
    expect(decodeText(new TextEncoder().encode('Grüße'))).toEqual({ text: 'Grüße', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Grüße')]))).toEqual({ text: 'Grüße', encoding: 'utf-8' });
  });

  it('reads UTF-16 by its byte order mark, either way round', () => {
    expect(decodeText(utf16('Grüße, 東京', true, true))).toEqual({ text: 'Grüße, 東京', encoding: 'utf-16le' });
    expect(decodeText(utf16('Grüße, 東京', false, true))).toEqual({ text: 'Grüße, 東京', encoding: 'utf-16be' });
  });

  it('recognises UTF-16 without a byte order mark by its zero bytes', () => {
    expect(decodeText(utf16('Plain English text', true, false))).toEqual({ text: 'Plain English text', encoding: 'utf-16le' });
    expect(decodeText(utf16('Plain English text', false, false))).toEqual({ text: 'Plain English text', encoding: 'utf-16be' });
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
    expect(decodeText(new Uint8Array([0x47, 0x72, 0xfc, 0xdf, 0x65, 0x20, 0x80, 0x93, 0x94]))).toEqual({ text: 'Grüße €“”', encoding: 'windows-1252' });
  });

  it('reads an empty file as empty text', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});
