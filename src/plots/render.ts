import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { PLOT_FONT } from './spec.ts';

/** Vendored DejaVu Sans (Bitstream Vera licence, beside it): PNGs look the same on every runner. */
export const FONT_FILE = filePath(new URL('./fonts/DejaVuSans.ttf', import.meta.url));

/**
 * resvg compiled to WebAssembly (2.5 MB): the CLI and the action rasterise with the same bytes on every
 * platform, and the action's bundle carries it as an asset (no native addon to fetch per runner). Its
 * package exports the file but no path to it, hence the path into node_modules, as the report's assets do.
 */
const RESVG_WASM_FILE = filePath(new URL('../../node_modules/@resvg/resvg-wasm/index_bg.wasm', import.meta.url));

/** ncc turns `new URL(asset, import.meta.url)` into the bundled asset's path: accept both forms. */
function filePath(location: URL | string): string {
  return typeof location === 'string' ? location : fileURLToPath(location);
}

/** Vega-Lite to Vega, the form both the renderers here and the site's bundled Vega runtime take. */
export function toVega(spec: TopLevelSpec): vega.Spec {
  return compile(spec).spec;
}

/** Renders a Vega-Lite spec to a static SVG with Vega's headless view (no DOM, no canvas). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(toVega(spec)), { renderer: 'none', logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

let rasteriser: Promise<{ font: Uint8Array }> | undefined;

/**
 * Compiles the WebAssembly module and reads the font once per process, on the first PNG (about 0.1 s of CPU,
 * and the first chart takes 0.3 to 0.5 s more while V8 optimises the code), so commands that draw none (the
 * report, the pipeline without the plot job) never pay for it.
 */
function ready(): Promise<{ font: Uint8Array }> {
  // Not `??=`: ncc's asset relocator cannot parse it and then leaves this module's `new URL` assets to
  // webpack, which writes the .wasm and .ttf through a UTF-8 string and corrupts them.
  if (rasteriser === undefined) {
    rasteriser = (async () => {
      const [wasm, font] = await Promise.all([readFile(RESVG_WASM_FILE), readFile(FONT_FILE)]);
      await initWasm(wasm);
      return { font };
    })();
  }
  return rasteriser;
}

/** Rasterises an SVG with resvg using only the vendored font (never system fonts), `scale` times its size. */
export async function svgToPng(svg: string, scale = 2): Promise<{ png: Buffer; width: number; height: number }> {
  const { font } = await ready();
  const resvg = new Resvg(svg, {
    font: { fontBuffers: [font], defaultFontFamily: PLOT_FONT, sansSerifFamily: PLOT_FONT },
    fitTo: { mode: 'zoom', value: scale },
  });
  // Freed at once rather than by the garbage collector: each holds the parsed SVG and font in wasm memory.
  try {
    const image = resvg.render();
    try {
      return { png: Buffer.from(image.asPng()), width: image.width, height: image.height };
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

export async function renderPng(spec: TopLevelSpec, scale = 2): Promise<{ png: Buffer; width: number; height: number; svg: string }> {
  const svg = await renderSvg(spec);
  return { ...(await svgToPng(svg, scale)), svg };
}
