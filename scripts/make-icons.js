#!/usr/bin/env node
/*
 * Generates the add-in icons in assets/ (icon-16.png, icon-32.png, icon-64.png,
 * icon-80.png): a green rounded square with a white, blocky "S" mark.
 *
 * Uses only Node's built-in zlib (no image libraries). The output is
 * deterministic, so the committed PNGs only change when this script does.
 *
 *   node scripts/make-icons.js
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const SIZES = [16, 32, 64, 80];
const OUT_DIR = path.join(__dirname, "..", "assets");

/** Brand green (background) and the mark colour. */
const BRAND = [0x1e, 0x7a, 0x46];
const MARK = [0xff, 0xff, 0xff];

/** Samples per pixel along each axis (anti-aliasing by supersampling). */
const SUPERSAMPLE = 4;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels (width*height*4 bytes) as a PNG (colour type 6, 8 bit). */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type "None"
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Inside the rounded square? Coordinates are in the unit square [0,1]. */
function inRoundedSquare(x, y) {
  const inset = 0.04;
  const r = 0.2;
  const lo = inset + r;
  const hi = 1 - inset - r;
  if (x < inset || x > 1 - inset || y < inset || y > 1 - inset) return false;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Blocky "S": three horizontal bars joined by a left-top and right-bottom stem. */
const S_RECTS = [
  // [x0, y0, x1, y1]
  [0.28, 0.2, 0.72, 0.33], // top bar
  [0.28, 0.435, 0.72, 0.565], // middle bar
  [0.28, 0.67, 0.72, 0.8], // bottom bar
  [0.28, 0.2, 0.41, 0.565], // upper-left stem
  [0.59, 0.435, 0.72, 0.8], // lower-right stem
];

function inMark(x, y) {
  return S_RECTS.some(([x0, y0, x1, y1]) => x >= x0 && x <= x1 && y >= y0 && y <= y1);
}

function renderIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0;
      let mark = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (inRoundedSquare(x, y)) {
            cover++;
            if (inMark(x, y)) mark++;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (cover === 0) continue; // fully transparent
      const t = mark / cover; // share of the covered area that is mark
      for (let c = 0; c < 3; c++) {
        rgba[o + c] = Math.round(BRAND[c] * (1 - t) + MARK[c] * t);
      }
      rgba[o + 3] = Math.round((255 * cover) / (n * n));
    }
  }
  return encodePng(size, size, rgba);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    const png = renderIcon(size);
    fs.writeFileSync(file, png);
    console.log(`${path.relative(process.cwd(), file)} (${png.length} bytes)`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, renderIcon, SIZES };
