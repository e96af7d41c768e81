// Draws the app icon (a white tenge sign ₸ on a teal rounded square) and
// writes icon.png (256×256) and icon.ico (256, 128, 64, 48, 32, 16; PNG-encoded
// entries, which Windows reads since Vista). No image tools needed:
//   node resources/icons/generate-icon.mjs
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import { deflateSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const BACKGROUND = [0x0b, 0x72, 0x85];
const FOREGROUND = [0xff, 0xff, 0xff];

/** Signed-distance-free coverage test of a rounded rectangle, in a 256-unit design space. */
function inRoundedRect(x, y, [left, top, right, bottom, radius]) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

const TILE = [8, 8, 248, 248, 48];
const GLYPH = [
  [62, 56, 194, 80, 10], // upper bar of ₸
  [62, 100, 194, 124, 10], // lower bar
  [116, 100, 140, 206, 10], // stem
];

function render(size) {
  const samples = 4; // 4×4 supersampling for smooth edges
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let tile = 0;
      let glyph = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) * 256) / size;
          const y = ((py + (sy + 0.5) / samples) * 256) / size;
          if (inRoundedRect(x, y, TILE)) {
            tile++;
            if (GLYPH.some((rect) => inRoundedRect(x, y, rect))) glyph++;
          }
        }
      }
      const offset = (py * size + px) * 4;
      const mix = tile === 0 ? 0 : glyph / tile;
      for (let c = 0; c < 3; c++) rgba[offset + c] = Math.round(BACKGROUND[c] * (1 - mix) + FOREGROUND[c] * mix);
      rgba[offset + 3] = Math.round((tile / samples ** 2) * 255);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const rgba = render(size);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function ico(sizes) {
  const images = sizes.map((size) => ({ size, data: png(size) }));
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry[0] = size === 256 ? 0 : size; // 0 means 256
    entry[1] = size === 256 ? 0 : size;
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ data }) => data)]);
}

writeFileSync(path.join(here, 'icon.png'), png(256));
writeFileSync(path.join(here, 'icon.ico'), ico([256, 128, 64, 48, 32, 16]));
process.stdout.write('Wrote icon.png and icon.ico\n');
