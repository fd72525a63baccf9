// Saving files from the page: a Blob behind a temporary download link, and a chart's SVG drawn as a PNG.

/** Offers `blob` as a download named `filename`. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: the browser reads the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Pixels per CSS pixel in the PNG, so it stays sharp on slides. */
const SCALE = 2;
/** Height of the title band above the chart, in CSS pixels. */
const TITLE_BAND = 28;

/**
 * Draws a rendered recharts SVG on a canvas (white background, `title` above it) and returns it as a PNG.
 * The SVG is serialised as it is on screen; its font is copied onto it, since page CSS does not travel.
 */
export async function svgToPng(svg: SVGSVGElement, title: string): Promise<Blob> {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const font = getComputedStyle(svg).fontFamily;
  clone.style.fontFamily = font;
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(clone)], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * SCALE);
    canvas.height = Math.ceil((height + TITLE_BAND) * SCALE);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw on a canvas');
    ctx.scale(SCALE, SCALE);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height + TITLE_BAND);
    ctx.fillStyle = '#1d2430';
    ctx.font = `600 14px ${font}`;
    ctx.fillText(title, 10, 19);
    ctx.drawImage(img, 0, TITLE_BAND, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A file name safe on every OS: "pareto-precision-2026-05-01T10-00-00". */
export const fileStamp = (prefix: string, at: Date) => `${prefix}-${at.toISOString().slice(0, 19).replace(/:/g, '-')}`;
