import { createRequire } from 'node:module';
import type * as ResvgModule from '@resvg/resvg-js';
import { fileURLToPath } from 'node:url';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { PLOT_FONT } from './spec.ts';

/** Vendored DejaVu Sans (Bitstream Vera licence, beside it): PNGs look the same on every runner. */
export const FONT_FILE = filePath(new URL('./fonts/DejaVuSans.ttf', import.meta.url));

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

/**
 * Rasterises an SVG with resvg using only the vendored font, `scale` times its size. resvg is a native
 * addon loaded on first use, so the report (which needs no PNG) never loads it.
 */
export async function svgToPng(svg: string, scale = 2): Promise<{ png: Buffer; width: number; height: number }> {
  // Required at run time, not imported: a bundler hoists an external `import()` to a static import, which
  // would make the committed action bundle need resvg at start even though only PNGs use it.
  const { Resvg } = createRequire(import.meta.url)('@resvg/resvg-js') as typeof ResvgModule;
  const rendered = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: [FONT_FILE], defaultFontFamily: PLOT_FONT, sansSerifFamily: PLOT_FONT },
    fitTo: { mode: 'zoom', value: scale },
  }).render();
  return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
}

export async function renderPng(spec: TopLevelSpec, scale = 2): Promise<{ png: Buffer; width: number; height: number; svg: string }> {
  const svg = await renderSvg(spec);
  return { ...(await svgToPng(svg, scale)), svg };
}
