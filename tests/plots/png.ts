import { inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, row by row. */
  pixels: Uint8Array;
}

/**
 * Decodes the PNGs resvg writes (8-bit RGBA, not interlaced) with node:zlib, so the tests check the
 * file itself: signature, chunks, CRC-free but complete scanline unfiltering.
 */
export function decodePng(png: Buffer): DecodedPng {
  if (png.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG signature');
  let offset = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[9] !== 6 || body[12] !== 0) throw new Error(`unsupported PNG: depth ${body[8]} colour ${body[9]} interlace ${body[12]}`);
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const byte = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= 4 ? (pixels[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (pixels[(y - 1) * stride + x - 4] ?? 0) : 0;
      pixels[y * stride + x] = (byte + predictor(filter ?? 0, left, up, upLeft)) & 0xff;
    }
  }
  return { width, height, pixels };
}

function predictor(filter: number, a: number, b: number, c: number): number {
  if (filter === 0) return 0;
  if (filter === 1) return a;
  if (filter === 2) return b;
  if (filter === 3) return Math.floor((a + b) / 2);
  if (filter === 4) {
    const p = a + b - c;
    const pa = Math.abs(p - a);
    const pb = Math.abs(p - b);
    const pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  }
  throw new Error(`bad PNG filter ${filter}`);
}

/** How much of an image is drawn: distinct colours, and the share of pixels darker than near-white. */
export function ink(image: DecodedPng): { colours: number; inkedShare: number } {
  const colours = new Set<number>();
  let inked = 0;
  for (let i = 0; i < image.pixels.length; i += 4) {
    const [r, g, b] = [image.pixels[i] ?? 0, image.pixels[i + 1] ?? 0, image.pixels[i + 2] ?? 0];
    colours.add((r << 16) | (g << 8) | b);
    if (r + g + b < 600) inked++;
  }
  return { colours: colours.size, inkedShare: inked / Math.max(1, image.width * image.height) };
}

/** The `width` and `height` attributes of an SVG's root element. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /^<svg[^>]*>/.exec(svg)?.[0] ?? '';
  return { width: Number(/\swidth="(\d+(?:\.\d+)?)"/.exec(root)?.[1]), height: Number(/\sheight="(\d+(?:\.\d+)?)"/.exec(root)?.[1]) };
}
