/**
 * PDF output through PDFKit (a maintained, pure-JavaScript PDF writer): one page the size of the
 * image at 72 dpi, holding it as a lossless PNG (PDFKit embeds PNG data as Flate-compressed image
 * data). The textbook saves figures this way (`synth_rof.pdf`).
 */
import { loadPdfKit } from './codecs.js';

/** A one-page PDF showing the PNG `png` (w×h pixels) at one point per pixel. */
export async function pdfOfPng(png: Buffer, width: number, height: number): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: [width, height],
      margin: 0,
      autoFirstPage: true,
      info: { Producer: '@ndimage/io-image' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.image(png, 0, 0, { width, height });
    doc.end();
  });
}
