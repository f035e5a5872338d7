import { createCipheriv, createHash, randomBytes } from 'node:crypto';

// A one-page PDF encrypted as PDF 2.0 writers do (AES-256, standard security handler revision 6) or as Acrobat 9 did
// (revision 5), from the password's exact bytes: a test chooses them (UTF-8 of the SASLprep'd password, as the
// specification says, or anything else a writer might have used).

function aes(mode: 'aes-256-cbc' | 'aes-128-cbc' | 'aes-256-ecb', key: Buffer, iv: Buffer | null, data: Buffer, padding = false): Buffer {
  const cipher = createCipheriv(mode, key, iv);
  cipher.setAutoPadding(padding);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

/** ISO 32000-2 algorithm 2.B (revision 6); revision 5 is its first step alone (one SHA-256). */
function hash(revision: 5 | 6, password: Buffer, salt: Buffer, userKey: Buffer): Buffer {
  let k = createHash('sha256').update(Buffer.concat([password, salt, userKey])).digest();
  if (revision === 5) return k;
  for (let round = 0; ; round++) {
    const k1 = Buffer.concat(Array(64).fill(Buffer.concat([password, k, userKey])));
    const e = aes('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32), k1);
    const remainder = [...e.subarray(0, 16)].reduce((sum, byte) => sum + byte, 0) % 3;
    k = createHash(['sha256', 'sha384', 'sha512'][remainder]).update(e).digest();
    if (round >= 63 && e[e.length - 1] <= round + 1 - 32) break;
  }
  return k.subarray(0, 32);
}

/** One page that shows `text` (ASCII), encrypted for the user password whose bytes are `passwordBytes`. */
export function makeAes256Pdf(text: string, passwordBytes: Buffer, revision: 5 | 6 = 6): Buffer {
  const fileKey = randomBytes(32);
  const [userValidation, userKeySalt, ownerValidation, ownerKeySalt] = [0, 0, 0, 0].map(() => randomBytes(8));
  const owner = Buffer.from('owner-password');
  const u = Buffer.concat([hash(revision, passwordBytes, userValidation, Buffer.alloc(0)), userValidation, userKeySalt]);
  const ue = aes('aes-256-cbc', hash(revision, passwordBytes, userKeySalt, Buffer.alloc(0)), Buffer.alloc(16), fileKey);
  const o = Buffer.concat([hash(revision, owner, ownerValidation, u), ownerValidation, ownerKeySalt]);
  const oe = aes('aes-256-cbc', hash(revision, owner, ownerKeySalt, u), Buffer.alloc(16), fileKey);
  const permissions = Buffer.alloc(16);
  permissions.writeInt32LE(-4, 0);
  permissions.writeInt32LE(-1, 4);
  permissions.write('Tadb', 8, 'latin1');
  const perms = aes('aes-256-ecb', fileKey, null, permissions);
  const content = Buffer.from(`BT /F1 14 Tf 56 780 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`, 'latin1');
  const iv = randomBytes(16);
  const stream = Buffer.concat([iv, aes('aes-256-cbc', fileKey, iv, content, true)]);

  const hex = (bytes: Buffer) => `<${bytes.toString('hex')}>`;
  const objects: (string | Buffer)[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    Buffer.concat([Buffer.from(`<< /Length ${stream.length} >>\nstream\n`, 'latin1'), stream, Buffer.from('\nendstream', 'latin1')]),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Filter /Standard /V 5 /R ${revision} /Length 256 /CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >> ` +
      `/StmF /StdCF /StrF /StdCF /O ${hex(o)} /U ${hex(u)} /OE ${hex(oe)} /UE ${hex(ue)} /P -4 /Perms ${hex(perms)} >>`,
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0].length;
  objects.forEach((object, i) => {
    offsets.push(length);
    const body = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof object === 'string' ? Buffer.from(object, 'latin1') : object, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(body);
    length += body.length;
  });
  const id = randomBytes(16).toString('hex');
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `)];
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 6 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(`${xref.join('\n')}\n${trailer}`, 'latin1'));
  return Buffer.concat(parts);
}
