/**
 * sharp and PDFKit are loaded on first use, not when the package is imported: sharp's native
 * library alone takes ~0.13 s to load, which a program that only colours labels, or a command
 * that prints its help, should not pay. Each loads once; later calls reuse it.
 */
import { NdImageError } from '@ndimage/core-array';
import type Sharp from 'sharp';

let sharpModule: Promise<typeof Sharp> | undefined;
let pdfkitModule: Promise<typeof import('pdfkit')> | undefined;

/** A failed load is an `ERR_UNSUPPORTED` naming the module (and is tried again next time). */
function unavailable(name: string, e: unknown): NdImageError {
  const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
  return new NdImageError('ERR_UNSUPPORTED', `@ndimage/io-image needs ${name}, which could not be loaded: ${why}`, {
    cause: e,
  });
}

/** sharp's default export, loaded once. */
export function loadSharp(): Promise<typeof Sharp> {
  sharpModule ??= import('sharp').then(
    (m) => m.default,
    (e) => {
      sharpModule = undefined;
      throw unavailable('sharp', e);
    },
  );
  return sharpModule;
}

/** PDFKit's document class, loaded once. */
export function loadPdfKit(): Promise<typeof import('pdfkit')> {
  pdfkitModule ??= import('pdfkit').then(
    (m) => m.default as unknown as typeof import('pdfkit'),
    (e) => {
      pdfkitModule = undefined;
      throw unavailable('pdfkit', e);
    },
  );
  return pdfkitModule;
}
