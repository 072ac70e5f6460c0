/**
 * Pillow's `Image.convert()` on decoded pixels, as Pillow 9.4 computes it (every rule checked by
 * tools/fixtures/io_image.py against Pillow on all 16.7 million colours or all 65,536 16-bit values):
 *
 * - L from RGB, RGBA or a palette: (19595·R + 38470·G + 7471·B + 0x8000) >> 16; alpha ignored.
 * - F from colour: float32((299R + 587G + 114B) / 1000); from grey its value.
 * - 1 (no dithering): grey ≥ 128; colour 299R + 587G + 114B ≥ 128000.
 * - Alpha is dropped, never composited; RGBA/LA from alpha-less modes get 255.
 * - 16-bit grey to 8 bits clips at 255; 16-bit colour keeps its high byte (as Pillow opens it).
 *
 * sharp's own greyscale works in another colour space and differs.
 */

/** The mode names of Pillow that `imread` can return. */
export type ImageMode = 'L' | 'RGB' | 'RGBA' | 'LA' | '1' | 'F';

/** Every {@link ImageMode}, for checking an option. */
export const MODES: readonly ImageMode[] = ['L', 'RGB', 'RGBA', 'LA', '1', 'F'];

/** Pixels as decoded: interleaved channels (1 grey, 2 grey+alpha, 3 RGB, 4 RGBA), 8 or 16 bits. */
export interface Pixels {
  data: Uint8Array | Uint16Array;
  width: number;
  height: number;
  channels: number;
  bits: 8 | 16;
  /**
   * The alpha channel comes from an RGB PNG's transparent colour (tRNS), not from stored alpha:
   * Pillow keeps it converting to RGBA but drops it converting to LA.
   */
  rgbTransparency?: boolean;
}

/** Pillow's luma of an 8-bit RGB triple. */
const luma = (r: number, g: number, b: number): number => (19595 * r + 38470 * g + 7471 * b + 0x8000) >> 16;

/** out[k] = luma of pixel k of `d` (c channels per pixel, RGB first): one pass, no calls. */
function lumaInto(d: Uint8Array, c: number, out: Uint8Array): void {
  for (let k = 0, j = 0; k < out.length; k++, j += c)
    out[k] = (19595 * (d[j] as number) + 38470 * (d[j + 1] as number) + 7471 * (d[j + 2] as number) + 0x8000) >> 16;
}

/**
 * 8-bit channels of 16-bit pixels as Pillow reduces them (it holds 16-bit colour as 8-bit: the
 * high byte); 16-bit grey keeps its own rules (see toMode).
 */
function highBytes(p: Pixels): Pixels {
  if (p.bits === 8) return p;
  const out = new Uint8Array(p.data.length);
  for (let k = 0; k < out.length; k++) out[k] = (p.data[k] as number) >> 8;
  return { ...p, data: out, bits: 8 };
}

/** Output of a conversion: data and the channels per pixel (1 for L, 1 and F). */
export interface Converted {
  data: Uint8Array | Float32Array;
  channels: number;
}

/**
 * Converts decoded pixels to a Pillow mode. `grey16` says how 16-bit grey becomes 8-bit L (Pillow's
 * rule, found by the golden data: see the tests).
 */
export function toMode(src: Pixels, mode: ImageMode, grey16ToL: (v: number) => number): Converted {
  const n = src.width * src.height;
  const c = src.channels;
  // 16-bit grey to L/LA/RGB/RGBA/1 goes through Pillow's I;16 → L rule; to F keeps the value.
  if (src.bits === 16 && c <= 2 && mode !== 'F') {
    const grey = new Uint8Array(n * c);
    for (let k = 0; k < n; k++) {
      grey[k * c] = grey16ToL(src.data[k * c] as number);
      if (c === 2) grey[k * c + 1] = (src.data[k * c + 1] as number) >> 8;
    }
    return toMode({ ...src, data: grey, bits: 8 }, mode, grey16ToL);
  }
  if (mode === 'F') return toFloat(src);
  const p = highBytes(src);
  const d = p.data as Uint8Array;
  switch (mode) {
    case 'L': {
      const out = new Uint8Array(n);
      if (c <= 2) for (let k = 0; k < n; k++) out[k] = d[k * c] as number;
      else lumaInto(d, c, out);
      return { data: out, channels: 1 };
    }
    case '1': {
      // Bilevel without dithering (Pillow's convert('1', dither=NONE)): grey from 128 up is white;
      // colour is thresholded on its own sum, 299R + 587G + 114B ≥ 128000 (not on L: they differ
      // for 55,767 colours).
      const out = new Uint8Array(n);
      if (c <= 2) for (let k = 0; k < n; k++) out[k] = (d[k * c] as number) >= 128 ? 1 : 0;
      else
        for (let k = 0; k < n; k++)
          out[k] =
            299 * (d[k * c] as number) + 587 * (d[k * c + 1] as number) + 114 * (d[k * c + 2] as number) >= 128000
              ? 1
              : 0;
      return { data: out, channels: 1 };
    }
    case 'LA': {
      const out = new Uint8Array(n * 2);
      for (let k = 0; k < n; k++) {
        out[2 * k] =
          c <= 2 ? (d[k * c] as number) : luma(d[k * c] as number, d[k * c + 1] as number, d[k * c + 2] as number);
        out[2 * k + 1] = (c === 2 || c === 4) && !src.rgbTransparency ? (d[k * c + c - 1] as number) : 255;
      }
      return { data: out, channels: 2 };
    }
    case 'RGB':
    case 'RGBA': {
      const oc = mode === 'RGB' ? 3 : 4;
      const out = new Uint8Array(n * oc);
      for (let k = 0; k < n; k++) {
        const o = k * oc;
        if (c <= 2) {
          const v = d[k * c] as number;
          out[o] = v;
          out[o + 1] = v;
          out[o + 2] = v;
        } else {
          out[o] = d[k * c] as number;
          out[o + 1] = d[k * c + 1] as number;
          out[o + 2] = d[k * c + 2] as number;
        }
        if (oc === 4) out[o + 3] = c === 2 || c === 4 ? (d[k * c + c - 1] as number) : 255;
      }
      return { data: out, channels: oc };
    }
  }
}

/**
 * Pillow's 'F': grey as its value (16-bit too), colour as float32((299R + 587G + 114B) / 1000) —
 * not float(L), and not R·0.299f + G·0.587f + B·0.114f (which differs for a third of all colours).
 */
function toFloat(src: Pixels): Converted {
  const n = src.width * src.height;
  const c = src.channels;
  const out = new Float32Array(n);
  if (c <= 2) for (let k = 0; k < n; k++) out[k] = src.data[k * c] as number;
  else {
    const d = highBytes(src).data;
    // The integer sum is exact; one division, rounded to float32 on the store.
    for (let k = 0; k < n; k++)
      out[k] = (299 * (d[k * c] as number) + 587 * (d[k * c + 1] as number) + 114 * (d[k * c + 2] as number)) / 1000;
  }
  return { data: out, channels: 1 };
}
