// Draws Docent's app icons (public/favicon.svg's design) as PNGs for the web app manifest, without an image
// library: a small supersampled rasterizer of its few shapes and a PNG writer. Deterministic; run after changing
// the design:   node scripts/make-icons.mjs [folder]   (default public/)
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

const BLUE = [0x1f, 0x4e, 0x79];
const WHITE = [0xff, 0xff, 0xff];
const FOLD = [0xcf, 0xe0, 0xf1];

/** Inside a convex polygon given clockwise in screen coordinates. */
const inPolygon = (points, x, y) =>
  points.every(([ax, ay], i) => {
    const [bx, by] = points[(i + 1) % points.length];
    return (bx - ax) * (y - ay) - (by - ay) * (x - ax) >= 0;
  });

const nearSegment = ([ax, ay], [bx, by], x, y, radius) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= radius * radius;
};

const inRoundedSquare = (x, y, size, radius) => {
  const cx = Math.max(radius, Math.min(size - radius, x));
  const cy = Math.max(radius, Math.min(size - radius, y));
  return x >= 0 && y >= 0 && x <= size && y <= size && (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius;
};

/** The colour at a point of the 64-unit design, or null outside it. */
function colourAt(x, y, maskable) {
  if (!(maskable ? x >= 0 && y >= 0 && x <= 64 && y <= 64 : inRoundedSquare(x, y, 64, 12))) return null;
  // Maskable icons keep their content inside the central 80% circle: shrink the drawing around the centre.
  const [u, v] = maskable ? [32 + (x - 32) / 0.8, 32 + (y - 32) / 0.8] : [x, y];
  const lines = [[[24, 32], [40, 32]], [[24, 38], [40, 38]], [[24, 44], [34, 44]]];
  if (lines.some(([a, b]) => nearSegment(a, b, u, v, 1.5))) return BLUE;
  if (inPolygon([[36, 14], [46, 24], [36, 24]], u, v)) return FOLD;
  if (inPolygon([[18, 14], [36, 14], [46, 24], [46, 50], [18, 50]], u, v)) return WHITE;
  return BLUE;
}

function render(size, maskable) {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt(((px + (sx + 0.5) / samples) * 64) / size, ((py + (sy + 0.5) / samples) * 64) / size, maskable);
          if (!colour) continue;
          colour.forEach((channel, i) => (sum[i] += channel));
          sum[3] += 255;
        }
      }
      const covered = sum[3] / 255;
      const offset = (py * size + px) * 4;
      for (let i = 0; i < 3; i++) pixels[offset + i] = covered ? Math.round(sum[i] / covered) : 0;
      pixels[offset + 3] = Math.round(sum[3] / (samples * samples));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG. */
function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const folder = resolve(process.argv[2] ?? 'public');
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
  ['apple-touch-icon.png', 180, true],
]) {
  writeFileSync(join(folder, name), png(size, render(size, maskable)));
  console.log(`${name}: ${size}x${size}${maskable ? ', maskable' : ''}`);
}
