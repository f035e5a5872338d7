import { describe, expect, it } from 'vitest';
import { decodeHtml, htmlToText, readHtml } from './html';

const outline = ({ text, headings }: { text: string; headings: { start: number; end: number; level: number }[] }) =>
  headings.map((h) => [text.slice(h.start, h.end), h.level]);

describe('htmlToText', () => {
  it('keeps the visible text only: no head, script, style, noscript, template, hidden content or attributes', () => {
    const html = `<!doctype html><html><head><title>Tab title</title><style>p{color:red}</style><script>var x = "<p>no</p>";</script></head>
      <body onload="evil()"><noscript>Enable JS</noscript><template><p>Later</p></template>
      <p class="lead" title="tooltip">Visible <b>bold</b> and <a href="https://example.com/x">a link</a>.</p>
      <div hidden>Hidden div</div><span aria-hidden="true">★</span><p style="color: red; display:none">Not shown</p>
      <svg><text>Chart label</text></svg><button>Click</button>
      </body></html>`;
    expect(htmlToText(html)).toEqual({ text: 'Visible bold and a link.', headings: [] });
  });

  it('lays out blocks: paragraphs apart, lines for divs, list items and rows, cells apart', () => {
    const html = `<h1>Title</h1><p>First
      paragraph.</p><p>Second<br>line two</p><ul><li>One</li><li>Two</li></ul>
      <div>Div one</div><div>Div two</div>
      <table><tr><th>Name</th><th>Age</th></tr><tr><td>Ada</td><td>36</td></tr></table>
      <pre>  code line 1
    code line 2</pre><p>Caf&eacute; &amp; cr&egrave;me &lt;ok&gt; &#x2014; &nbsp;done</p>`;
    expect(htmlToText(html).text).toBe(
      'Title\n\nFirst paragraph.\n\nSecond\nline two\n\nOne\nTwo\n\nDiv one\nDiv two\n\nName | Age\nAda | 36\n\ncode line 1\ncode line 2\n\nCafé & crème <ok> — done',
    );
  });

  it('gives the heading outline with levels', () => {
    const result = htmlToText('<h1>Guide</h1><p>Intro.</p><h2>Setup <small>(v2)</small></h2><p>Do this.</p><h3></h3><h4>Deep</h4>');
    expect(outline(result)).toEqual([
      ['Guide', 1],
      ['Setup (v2)', 2],
      ['Deep', 4],
    ]);
  });

  it('leaves out what the caller hides (mammoth’s footnote back-links)', () => {
    const html = '<p>Claim<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>.</p><ol><li id="footnote-1"><p>Source. <a href="#footnote-ref-1">↑</a></p></li></ol>';
    const hide = (name: string, attributes: Record<string, string>) => name === 'a' && attributes.href?.startsWith('#footnote-ref-');
    expect(htmlToText(html, { hide }).text).toBe('Claim[1].\n\nSource.');
  });

  it('survives broken markup', () => {
    expect(htmlToText('<p>Unclosed <b>bold <i>both</p><p>next</div></span> text').text).toBe('Unclosed bold both\n\nnext text');
    expect(htmlToText('').text).toBe('');
  });
});

describe('readHtml', () => {
  it('reads one page, decoded by the declared charset', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<meta charset="iso-8859-1"><p>Gr'), 0xfc, 0xdf, 0x65, ...new TextEncoder().encode('</p>')]);
    expect(decodeHtml(bytes)).toContain('Grüße');
    expect(readHtml(bytes)).toEqual([{ page: 1, text: 'Grüße' }]);
  });

  it('reads UTF-8 by default and keeps headings', () => {
    expect(readHtml(new TextEncoder().encode('<h2>Über</h2><p>Text</p>'))).toEqual([{ page: 1, text: 'Über\n\nText', headings: [{ start: 0, end: 4, level: 2 }] }]);
  });
});
