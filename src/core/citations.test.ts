import { describe, expect, it } from 'vitest';
import { parseCitations } from './citations';

const text = (value: string) => ({ kind: 'text', text: value }) as const;
const cite = (source: number) => ({ kind: 'citation', source }) as const;

describe('parseCitations', () => {
  it('turns [1] into a citation between text segments', () => {
    expect(parseCitations('Revenue grew [1].', 3)).toEqual({
      segments: [text('Revenue grew '), cite(1), text('.')],
      cited: [1],
    });
  });

  it('reads several numbers in one bracket, with or without spaces', () => {
    expect(parseCitations('A [1, 3] B [2,1]', 3)).toEqual({
      segments: [text('A '), cite(1), cite(3), text(' B '), cite(2), cite(1)],
      cited: [1, 3, 2],
    });
  });

  it('reads adjacent markers like [2][1]', () => {
    expect(parseCitations('Both agree [2][1].', 2)).toEqual({
      segments: [text('Both agree '), cite(2), cite(1), text('.')],
      cited: [2, 1],
    });
  });

  it('lists each cited source once, in order of first citation', () => {
    const { segments, cited } = parseCitations('X [3]. Y [1]. Z [3][1][3].', 3);
    expect(cited).toEqual([3, 1]);
    expect(segments.filter((segment) => segment.kind === 'citation')).toEqual([cite(3), cite(1), cite(3), cite(1), cite(3)]);
  });

  it('drops citations of sources that do not exist, marker text and all', () => {
    expect(parseCitations('Zero [0] and seven [7] and one [1].', 3)).toEqual({
      segments: [text('Zero  and seven  and one '), cite(1), text('.')],
      cited: [1],
    });
    expect(parseCitations('Mixed [0, 2, 7].', 3)).toEqual({ segments: [text('Mixed '), cite(2), text('.')], cited: [2] });
  });

  it('cites nothing when there are no sources', () => {
    expect(parseCitations('Claim [1].', 0)).toEqual({ segments: [text('Claim .')], cited: [] });
  });

  it.each(['[x]', '[1', '1]', '[1-2]', '[]', '[ ]', '[1,]', '[,1]', '[1.5]'])('leaves the malformed marker %s as text', (marker) => {
    const answer = `See ${marker} here.`;
    expect(parseCitations(answer, 3)).toEqual({ segments: [text(answer)], cited: [] });
  });

  it('merges adjacent text segments into one', () => {
    const { segments } = parseCitations('a [9] b [8] c', 3);
    expect(segments).toEqual([text('a  b  c')]);
  });

  it('gives no segments for an empty answer', () => {
    expect(parseCitations('', 3)).toEqual({ segments: [], cited: [] });
  });

  it('handles an answer that is only citations', () => {
    expect(parseCitations('[1][2]', 2)).toEqual({ segments: [cite(1), cite(2)], cited: [1, 2] });
  });

  it('keeps the text around markers exactly, newlines included', () => {
    const answer = 'Line one [1]\nLine two [2]';
    const rebuilt = parseCitations(answer, 2)
      .segments.map((segment) => (segment.kind === 'text' ? segment.text : `[${segment.source}]`))
      .join('');
    expect(rebuilt).toBe(answer);
  });
});
