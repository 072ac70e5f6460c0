/**
 * The WebAssembly (SIMD) inner loops of the 1-D correlation, as WAT text; `pnpm build` compiles
 * it to `dist/kernels.wasm` (tools/build-wasm.mjs). Generated from a template because the
 * symmetric and antisymmetric variants differ in one instruction.
 *
 * Every kernel does, per output, exactly the operations of its TypeScript twin in
 * src/correlate-kernels.ts in the same order (f64x2 lanes are independent IEEE doubles, and
 * there is no fused multiply-add), so the results are bit-identical (a NaN's sign bit aside);
 * the tests check it.
 *
 * All pointers are byte offsets into the module's memory, which the TypeScript side manages.
 */
import { selectionNetwork } from './median-network.mjs';

/**
 * Median of each h×w window of a padded image, 16 bytes of outputs per step: the window's values
 * for 16 (uint8) or 8 (uint16) neighbouring outputs are h·w vector loads, and a selection network
 * (median-network.mjs) of lane-wise min/max finds their median. `src` is the padded image (row
 * `stride` bytes, rows y … y+h−1 and columns x … x+w−1 around output (y, x)); `blocks` vectors of
 * output per row are written to rows of `dstStride` bytes.
 */
function medianWindow(name, h, w, bytes) {
  const k = h * w;
  const { ops, out } = selectionNetwork(k, k >> 1);
  const ty = bytes === 1 ? 'i8x16' : 'i16x8';
  const regs = Array.from({ length: k }, (_, i) => `(local $r${i} v128)`).join(' ');
  const rowPtrs = Array.from({ length: h }, (_, dy) => `(local $p${dy} i32)`).join(' ');
  const loads = [];
  for (let dy = 0; dy < h; dy++)
    for (let dx = 0; dx < w; dx++)
      loads.push(`(local.set $r${dy * w + dx} (v128.load offset=${dx * bytes} (local.get $p${dy})))`);
  const network = ops.map(({ lo, hi, min, max }) => {
    if (min && max)
      return `(local.set $t (${ty}.min_u (local.get $r${lo}) (local.get $r${hi}))) (local.set $r${hi} (${ty}.max_u (local.get $r${lo}) (local.get $r${hi}))) (local.set $r${lo} (local.get $t))`;
    if (min) return `(local.set $r${lo} (${ty}.min_u (local.get $r${lo}) (local.get $r${hi})))`;
    return `(local.set $r${hi} (${ty}.max_u (local.get $r${lo}) (local.get $r${hi})))`;
  });
  const setPtrs = Array.from(
    { length: h },
    (_, dy) =>
      `(local.set $p${dy} (i32.add (local.get $row) (i32.add (i32.mul (local.get $stride) (i32.const ${dy})) (local.get $x))))`,
  );
  return `
  (func (export "${name}") (param $src i32) (param $stride i32) (param $dst i32) (param $dstStride i32) (param $blocks i32) (param $rows i32)
    (local $y i32) (local $b i32) (local $x i32) (local $row i32) (local $t v128) ${rowPtrs} ${regs}
    (block $ydone (loop $yloop
      (br_if $ydone (i32.ge_s (local.get $y) (local.get $rows)))
      (local.set $row (i32.add (local.get $src) (i32.mul (local.get $y) (local.get $stride))))
      (local.set $b (i32.const 0))
      (block $bdone (loop $bloop
        (br_if $bdone (i32.ge_s (local.get $b) (local.get $blocks)))
        (local.set $x (i32.shl (local.get $b) (i32.const 4)))
        ${setPtrs.join('\n        ')}
        ${loads.join('\n        ')}
        ${network.join('\n        ')}
        (v128.store (i32.add (i32.add (local.get $dst) (i32.mul (local.get $y) (local.get $dstStride))) (local.get $x)) (local.get $r${out}))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (br $bloop)))
      (local.set $y (i32.add (local.get $y) (i32.const 1)))
      (br $yloop)))
  )`;
}

/**
 * Sliding extremum helpers for data without NaN and −0 (where f64 min/max are exact and
 * branch-free, unlike a comparison in JavaScript on random data): the extremum of `count` row
 * chunks lane by lane, and van Herk/Gil-Werman along a padded line.
 */
function rowsExtremum(name, op) {
  return `
  (func (export "${name}") (param $acc i32) (param $cw i32) (param $ptrs i32) (param $count i32)
    (local $q i32) (local $t i32) (local $pp i32) (local $r i32) (local $a0 v128) (local $a1 v128) (local $end i32)
    (local.set $end (i32.shl (local.get $cw) (i32.const 3)))
    (block $done4 (loop $step4
      (br_if $done4 (i32.gt_s (i32.add (local.get $q) (i32.const 32)) (local.get $end)))
      (local.set $r (i32.add (i32.load (local.get $ptrs)) (local.get $q)))
      (local.set $a0 (v128.load offset=0 (local.get $r)))
      (local.set $a1 (v128.load offset=16 (local.get $r)))
      (local.set $pp (i32.add (local.get $ptrs) (i32.const 4)))
      (local.set $t (i32.const 1))
      (block $tdone (loop $taps
        (br_if $tdone (i32.ge_s (local.get $t) (local.get $count)))
        (local.set $r (i32.add (i32.load (local.get $pp)) (local.get $q)))
        (local.set $a0 (f64x2.${op} (local.get $a0) (v128.load offset=0 (local.get $r))))
        (local.set $a1 (f64x2.${op} (local.get $a1) (v128.load offset=16 (local.get $r))))
        (local.set $pp (i32.add (local.get $pp) (i32.const 4)))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $taps)))
      (v128.store offset=0 (i32.add (local.get $acc) (local.get $q)) (local.get $a0))
      (v128.store offset=16 (i32.add (local.get $acc) (local.get $q)) (local.get $a1))
      (local.set $q (i32.add (local.get $q) (i32.const 32)))
      (br $step4)))
    (block $done1 (loop $step1
      (br_if $done1 (i32.ge_s (local.get $q) (local.get $end)))
      (local.set $r (i32.add (i32.load (local.get $ptrs)) (local.get $q)))
      (local.set $a0 (v128.load64_zero (local.get $r)))
      (local.set $pp (i32.add (local.get $ptrs) (i32.const 4)))
      (local.set $t (i32.const 1))
      (block $tdone1 (loop $taps1
        (br_if $tdone1 (i32.ge_s (local.get $t) (local.get $count)))
        (local.set $r (i32.add (i32.load (local.get $pp)) (local.get $q)))
        (local.set $a0 (f64x2.${op} (local.get $a0) (v128.load64_zero (local.get $r))))
        (local.set $pp (i32.add (local.get $pp) (i32.const 4)))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $taps1)))
      (v128.store64_lane 0 (i32.add (local.get $acc) (local.get $q)) (local.get $a0))
      (local.set $q (i32.add (local.get $q) (i32.const 8)))
      (br $step1)))
  )`;
}

/** The extremum of each window of `size` along a padded line, two outputs per vector (small sizes). */
function lineWindowExtremum(name, op) {
  return `
  (func (export "${name}") (param $buf i32) (param $n i32) (param $dst i32) (param $size i32)
    (local $i i32) (local $t i32) (local $p i32) (local $a0 v128) (local $a1 v128)
    (block $done4 (loop $step4
      (br_if $done4 (i32.gt_s (i32.add (local.get $i) (i32.const 4)) (local.get $n)))
      (local.set $p (i32.add (local.get $buf) (i32.shl (local.get $i) (i32.const 3))))
      (local.set $a0 (v128.load offset=0 (local.get $p)))
      (local.set $a1 (v128.load offset=16 (local.get $p)))
      (local.set $t (i32.const 1))
      (block $tdone (loop $taps
        (br_if $tdone (i32.ge_s (local.get $t) (local.get $size)))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (local.set $a0 (f64x2.${op} (local.get $a0) (v128.load offset=0 (local.get $p))))
        (local.set $a1 (f64x2.${op} (local.get $a1) (v128.load offset=16 (local.get $p))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $taps)))
      (v128.store offset=0 (i32.add (local.get $dst) (i32.shl (local.get $i) (i32.const 3))) (local.get $a0))
      (v128.store offset=16 (i32.add (local.get $dst) (i32.shl (local.get $i) (i32.const 3))) (local.get $a1))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $step4)))
    (block $done1 (loop $step1
      (br_if $done1 (i32.ge_s (local.get $i) (local.get $n)))
      (local.set $p (i32.add (local.get $buf) (i32.shl (local.get $i) (i32.const 3))))
      (local.set $a0 (v128.load64_zero (local.get $p)))
      (local.set $t (i32.const 1))
      (block $tdone1 (loop $taps1
        (br_if $tdone1 (i32.ge_s (local.get $t) (local.get $size)))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (local.set $a0 (f64x2.${op} (local.get $a0) (v128.load64_zero (local.get $p))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $taps1)))
      (v128.store64_lane 0 (i32.add (local.get $dst) (i32.shl (local.get $i) (i32.const 3))) (local.get $a0))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $step1)))
  )`;
}

/**
 * The one-pass 2-D Sobel/Prewitt (src/gradient-2d.ts), row by row, two lanes at a time and with
 * its exact operations: differences d = x·0 + (x₋ − x₊)·(−1) (rounded to float32 when `round`),
 * smoothing o = c·centre + (a + b)·1.
 */
function gradientRows() {
  const loop = (body, n = '$w') => `
    (local.set $j (i32.const 0))
    (block $done2 (loop $step2
      (br_if $done2 (i32.gt_s (i32.add (local.get $j) (i32.const 2)) (local.get ${n})))
      (local.set $q (i32.shl (local.get $j) (i32.const 3)))
      ${body('v128.load', 'v128.store', 'f64x2')}
      (local.set $j (i32.add (local.get $j) (i32.const 2)))
      (br $step2)))
    (block $done1 (loop $step1
      (br_if $done1 (i32.ge_s (local.get $j) (local.get ${n})))
      (local.set $q (i32.shl (local.get $j) (i32.const 3)))
      ${body('f64.load', 'f64.store', 'f64')}
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $step1)))`;
  const round = (ty, v) =>
    ty === 'f64x2'
      ? `(if (result v128) (local.get $round) (then (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero ${v}))) (else ${v}))`
      : `(if (result f64) (local.get $round) (then (f64.promote_f32 (f32.demote_f64 ${v}))) (else ${v}))`;
  const splat = (ty, v) => (ty === 'f64x2' ? `(f64x2.splat ${v})` : v);
  return `
  (func (export "grad_diff_row") (param $x i32) (param $d i32) (param $w i32) (param $round i32)
    (local $j i32) (local $q i32)
    ${loop(
      (ld, st, ty) =>
        `(${st} (i32.add (local.get $d) (local.get $q)) ${round(
          ty,
          `(${ty}.add (${ty}.mul (${ld} offset=8 (i32.add (local.get $x) (local.get $q))) ${splat(ty, '(f64.const 0)')})
            (${ty}.mul (${ty}.sub (${ld} (i32.add (local.get $x) (local.get $q))) (${ld} offset=16 (i32.add (local.get $x) (local.get $q)))) ${splat(ty, '(f64.const -1)')}))`,
        )})`,
    )}
  )
  (func (export "grad_diff_cols") (param $a i32) (param $b i32) (param $c i32) (param $d i32) (param $w i32) (param $round i32)
    (local $j i32) (local $q i32)
    ${loop(
      (ld, st, ty) =>
        `(${st} (i32.add (local.get $d) (local.get $q)) ${round(
          ty,
          `(${ty}.add (${ty}.mul (${ld} (i32.add (local.get $b) (local.get $q))) ${splat(ty, '(f64.const 0)')})
            (${ty}.mul (${ty}.sub (${ld} (i32.add (local.get $a) (local.get $q))) (${ld} (i32.add (local.get $c) (local.get $q)))) ${splat(ty, '(f64.const -1)')}))`,
        )})`,
    )}
  )
  (func (export "grad_smooth_rows") (param $a i32) (param $c i32) (param $b i32) (param $o i32) (param $w i32) (param $centre f64)
    (local $j i32) (local $q i32)
    ${loop(
      (ld, st, ty) => `(${st} (i32.add (local.get $o) (local.get $q))
        (${ty}.add (${ty}.mul (${ld} (i32.add (local.get $c) (local.get $q))) ${splat(ty, '(local.get $centre)')})
          (${ty}.mul (${ty}.add (${ld} (i32.add (local.get $a) (local.get $q))) (${ld} (i32.add (local.get $b) (local.get $q)))) ${splat(ty, '(f64.const 1)')})))`,
    )}
  )
  (func (export "grad_smooth_shifted") (param $d i32) (param $o i32) (param $w i32) (param $centre f64)
    (local $j i32) (local $q i32)
    ${loop(
      (ld, st, ty) => `(${st} (i32.add (local.get $o) (local.get $q))
        (${ty}.add (${ty}.mul (${ld} offset=8 (i32.add (local.get $d) (local.get $q))) ${splat(ty, '(local.get $centre)')})
          (${ty}.mul (${ty}.add (${ld} (i32.add (local.get $d) (local.get $q))) (${ld} offset=16 (i32.add (local.get $d) (local.get $q)))) ${splat(ty, '(f64.const 1)')})))`,
    )}
  )`;
}

/**
 * The 2-D uniform filter in one pass over the image (src/uniform-2d.ts): SciPy's running sums,
 * down the columns (two columns per vector) and then along each row, two rows at a time in the two
 * lanes of a vector, so the row sum's chain of additions is shared by two rows. The column results
 * go to a line buffer that holds the two rows interleaved (row A in lane 0, row B in lane 1).
 */
function uniform2d() {
  const store2 = (v) => `
        (v128.store64_lane 0 (i32.add (local.get $P) (i32.shl (local.get $j) (i32.const 4))) ${v})
        (v128.store64_lane 1 (i32.add (local.get $P) (i32.shl (i32.add (local.get $j) (i32.const 1)) (i32.const 4))) ${v})`;
  const round = (v) =>
    `(if (result v128) (local.get $round) (then (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero ${v}))) (else ${v}))`;
  const roundS = (v) =>
    `(if (result f64) (local.get $round) (then (f64.promote_f32 (f32.demote_f64 ${v}))) (else ${v}))`;
  return `
  (func (export "unif_vert_init") (param $s i32) (param $ptrs i32) (param $count i32) (param $P i32) (param $w i32) (param $size f64) (param $round i32)
    (local $j i32) (local $t i32) (local $q i32) (local $v v128) (local $x f64)
    (block $done2 (loop $step2
      (br_if $done2 (i32.gt_s (i32.add (local.get $j) (i32.const 2)) (local.get $w)))
      (local.set $q (i32.shl (local.get $j) (i32.const 3)))
      (local.set $v (f64x2.splat (f64.const 0)))
      (local.set $t (i32.const 0))
      (block $tdone (loop $taps
        (br_if $tdone (i32.ge_s (local.get $t) (local.get $count)))
        (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.load (i32.add (local.get $ptrs) (i32.shl (local.get $t) (i32.const 2)))) (local.get $q)))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $taps)))
      (v128.store (i32.add (local.get $s) (local.get $q)) (local.get $v))
      (local.set $v ${round('(f64x2.div (local.get $v) (f64x2.splat (local.get $size)))')})
      ${store2('(local.get $v)')}
      (local.set $j (i32.add (local.get $j) (i32.const 2)))
      (br $step2)))
    (block $done1 (loop $step1
      (br_if $done1 (i32.ge_s (local.get $j) (local.get $w)))
      (local.set $q (i32.shl (local.get $j) (i32.const 3)))
      (local.set $x (f64.const 0))
      (local.set $t (i32.const 0))
      (block $tdone1 (loop $taps1
        (br_if $tdone1 (i32.ge_s (local.get $t) (local.get $count)))
        (local.set $x (f64.add (local.get $x) (f64.load (i32.add (i32.load (i32.add (local.get $ptrs) (i32.shl (local.get $t) (i32.const 2)))) (local.get $q)))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $taps1)))
      (f64.store (i32.add (local.get $s) (local.get $q)) (local.get $x))
      (f64.store (i32.add (local.get $P) (i32.shl (local.get $j) (i32.const 4))) ${roundS('(f64.div (local.get $x) (local.get $size))')})
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $step1)))
  )
  (func (export "unif_vert_step") (param $s i32) (param $inc i32) (param $old i32) (param $P i32) (param $w i32) (param $size f64) (param $round i32)
    (local $j i32) (local $q i32) (local $v v128) (local $x f64)
    (block $done2 (loop $step2
      (br_if $done2 (i32.gt_s (i32.add (local.get $j) (i32.const 2)) (local.get $w)))
      (local.set $q (i32.shl (local.get $j) (i32.const 3)))
      (local.set $v (f64x2.add (v128.load (i32.add (local.get $s) (local.get $q)))
        (f64x2.sub (v128.load (i32.add (local.get $inc) (local.get $q))) (v128.load (i32.add (local.get $old) (local.get $q))))))
      (v128.store (i32.add (local.get $s) (local.get $q)) (local.get $v))
      (local.set $v ${round('(f64x2.div (local.get $v) (f64x2.splat (local.get $size)))')})
      ${store2('(local.get $v)')}
      (local.set $j (i32.add (local.get $j) (i32.const 2)))
      (br $step2)))
    (block $done1 (loop $step1
      (br_if $done1 (i32.ge_s (local.get $j) (local.get $w)))
      (local.set $q (i32.shl (local.get $j) (i32.const 3)))
      (local.set $x (f64.add (f64.load (i32.add (local.get $s) (local.get $q)))
        (f64.sub (f64.load (i32.add (local.get $inc) (local.get $q))) (f64.load (i32.add (local.get $old) (local.get $q))))))
      (f64.store (i32.add (local.get $s) (local.get $q)) (local.get $x))
      (f64.store (i32.add (local.get $P) (i32.shl (local.get $j) (i32.const 4))) ${roundS('(f64.div (local.get $x) (local.get $size))')})
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $step1)))
  )
  (func (export "unif_running2") (param $P i32) (param $n i32) (param $size i32) (param $outA i32) (param $outB i32)
    (local $i i32) (local $k i32) (local $s v128) (local $v v128) (local $fs v128) (local $q i32)
    (local.set $fs (f64x2.splat (f64.convert_i32_s (local.get $size))))
    (local.set $s (f64x2.splat (f64.const 0)))
    (block $kdone (loop $kloop
      (br_if $kdone (i32.ge_s (local.get $k) (local.get $size)))
      (local.set $s (f64x2.add (local.get $s) (v128.load (i32.add (local.get $P) (i32.shl (local.get $k) (i32.const 4))))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $kloop)))
    (local.set $v (f64x2.div (local.get $s) (local.get $fs)))
    (v128.store64_lane 0 (local.get $outA) (local.get $v))
    (v128.store64_lane 1 (local.get $outB) (local.get $v))
    (local.set $i (i32.const 1))
    (block $done (loop $step
      (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
      (local.set $s (f64x2.add (local.get $s)
        (f64x2.sub (v128.load (i32.add (local.get $P) (i32.shl (i32.add (local.get $i) (i32.sub (local.get $size) (i32.const 1))) (i32.const 4))))
                   (v128.load (i32.add (local.get $P) (i32.shl (i32.sub (local.get $i) (i32.const 1)) (i32.const 4)))))))
      (local.set $v (f64x2.div (local.get $s) (local.get $fs)))
      (local.set $q (i32.shl (local.get $i) (i32.const 3)))
      (v128.store64_lane 0 (i32.add (local.get $outA) (local.get $q)) (local.get $v))
      (v128.store64_lane 1 (i32.add (local.get $outB) (local.get $q)) (local.get $v))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $step)))
  )`;
}

/**
 * Sliding minimum/maximum of small integers (uint8, int8, uint16, int16), 16 bytes of outputs per
 * vector: along a padded line (`size` shifted loads per vector) and across rows (the extremum of
 * `count` row chunks at the addresses in `ptrs`). Buffers are read and written whole vectors at a
 * time, so callers leave 16 bytes of slack after each.
 */
function integerWindows(t, bytes, op) {
  const name = `${t}_${op}`;
  const ty = bytes === 1 ? 'i8x16' : 'i16x8';
  const sign = t.startsWith('u') ? 'u' : 's';
  const f = `${ty}.${op}_${sign}`;
  return `
  (func (export "line_window_${name}") (param $buf i32) (param $n i32) (param $dst i32) (param $size i32)
    (local $x i32) (local $t i32) (local $p i32) (local $v v128) (local $end i32)
    (local.set $end (i32.mul (local.get $n) (i32.const ${bytes})))
    (block $done (loop $step
      (br_if $done (i32.ge_s (local.get $x) (local.get $end)))
      (local.set $p (i32.add (local.get $buf) (local.get $x)))
      (local.set $v (v128.load (local.get $p)))
      (local.set $t (i32.const 1))
      (block $tdone (loop $taps
        (br_if $tdone (i32.ge_s (local.get $t) (local.get $size)))
        (local.set $p (i32.add (local.get $p) (i32.const ${bytes})))
        (local.set $v (${f} (local.get $v) (v128.load (local.get $p))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $taps)))
      (v128.store (i32.add (local.get $dst) (local.get $x)) (local.get $v))
      (local.set $x (i32.add (local.get $x) (i32.const 16)))
      (br $step)))
  )
  (func (export "rows_window_${name}") (param $dst i32) (param $n i32) (param $ptrs i32) (param $count i32)
    (local $x i32) (local $t i32) (local $v v128) (local $end i32)
    (local.set $end (i32.mul (local.get $n) (i32.const ${bytes})))
    (block $done (loop $step
      (br_if $done (i32.ge_s (local.get $x) (local.get $end)))
      (local.set $v (v128.load (i32.add (i32.load (local.get $ptrs)) (local.get $x))))
      (local.set $t (i32.const 1))
      (block $tdone (loop $taps
        (br_if $tdone (i32.ge_s (local.get $t) (local.get $count)))
        (local.set $v (${f} (local.get $v) (v128.load (i32.add (i32.load (i32.add (local.get $ptrs) (i32.shl (local.get $t) (i32.const 2)))) (local.get $x)))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $taps)))
      (v128.store (i32.add (local.get $dst) (local.get $x)) (local.get $v))
      (local.set $x (i32.add (local.get $x) (i32.const 16)))
      (br $step)))
  )`;
}

function lineVanHerk(name, op) {
  return `
  (func (export "${name}") (param $buf i32) (param $n i32) (param $dst i32) (param $size i32) (param $g i32) (param $h i32)
    (local $len i32) (local $k i32) (local $inBlock i32) (local $v f64) (local $p i32)
    (local.set $len (i32.sub (i32.add (local.get $n) (local.get $size)) (i32.const 1)))
    ;; g: running extremum from each block's start
    (block $gdone (loop $gloop
      (br_if $gdone (i32.ge_s (local.get $k) (local.get $len)))
      (local.set $v (f64.load (i32.add (local.get $buf) (i32.shl (local.get $k) (i32.const 3)))))
      (if (i32.ne (local.get $inBlock) (i32.const 0))
        (then (local.set $v (f64.${op} (local.get $v) (f64.load (i32.add (local.get $g) (i32.shl (i32.sub (local.get $k) (i32.const 1)) (i32.const 3))))))))
      (f64.store (i32.add (local.get $g) (i32.shl (local.get $k) (i32.const 3))) (local.get $v))
      (local.set $inBlock (i32.add (local.get $inBlock) (i32.const 1)))
      (if (i32.eq (local.get $inBlock) (local.get $size)) (then (local.set $inBlock (i32.const 0))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $gloop)))
    ;; h: running extremum from each block's end (a block ends at k % size = size − 1, or at len − 1)
    (local.set $k (i32.sub (local.get $len) (i32.const 1)))
    (local.set $inBlock (i32.rem_u (local.get $k) (local.get $size)))
    (local.set $p (i32.const 1))
    (block $hdone (loop $hloop
      (br_if $hdone (i32.lt_s (local.get $k) (i32.const 0)))
      (local.set $v (f64.load (i32.add (local.get $buf) (i32.shl (local.get $k) (i32.const 3)))))
      (if (i32.eqz (local.get $p))
        (then (local.set $v (f64.${op} (local.get $v) (f64.load (i32.add (local.get $h) (i32.shl (i32.add (local.get $k) (i32.const 1)) (i32.const 3))))))))
      (f64.store (i32.add (local.get $h) (i32.shl (local.get $k) (i32.const 3))) (local.get $v))
      ;; the next k (k − 1) starts a new block from its end when k was a block start
      (local.set $p (i32.eqz (local.get $inBlock)))
      (if (i32.eqz (local.get $inBlock)) (then (local.set $inBlock (local.get $size))))
      (local.set $inBlock (i32.sub (local.get $inBlock) (i32.const 1)))
      (local.set $k (i32.sub (local.get $k) (i32.const 1)))
      (br $hloop)))
    (local.set $k (i32.const 0))
    (block $odone (loop $oloop
      (br_if $odone (i32.ge_s (local.get $k) (local.get $n)))
      (f64.store (i32.add (local.get $dst) (i32.shl (local.get $k) (i32.const 3)))
        (f64.${op}
          (f64.load (i32.add (local.get $g) (i32.shl (i32.sub (i32.add (local.get $k) (local.get $size)) (i32.const 1)) (i32.const 3))))
          (f64.load (i32.add (local.get $h) (i32.shl (local.get $k) (i32.const 3))))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $oloop)))
  )`;
}

/** acc = x_c·wc, then acc += (x_t ± x_{2c−t})·f_t for t = 0 … c−1, along a padded line. */
function lineFolded(name, op) {
  return `
  (func (export "${name}") (param $buf i32) (param $n i32) (param $dst i32) (param $fold i32) (param $c i32) (param $wc f64)
    (local $i i32) (local $lo i32) (local $hi i32) (local $fp i32) (local $t i32) (local $p i32)
    (local $w v128) (local $vc v128) (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $s f64)
    (local.set $vc (f64x2.splat (local.get $wc)))
    ;; eight outputs per step: four independent f64x2 accumulators
    (block $done8 (loop $step8
      (br_if $done8 (i32.gt_s (i32.add (local.get $i) (i32.const 8)) (local.get $n)))
      (local.set $p (i32.add (local.get $buf) (i32.shl (i32.add (local.get $i) (local.get $c)) (i32.const 3))))
      (local.set $a0 (f64x2.mul (v128.load offset=0 (local.get $p)) (local.get $vc)))
      (local.set $a1 (f64x2.mul (v128.load offset=16 (local.get $p)) (local.get $vc)))
      (local.set $a2 (f64x2.mul (v128.load offset=32 (local.get $p)) (local.get $vc)))
      (local.set $a3 (f64x2.mul (v128.load offset=48 (local.get $p)) (local.get $vc)))
      (local.set $lo (i32.add (local.get $buf) (i32.shl (local.get $i) (i32.const 3))))
      (local.set $hi (i32.add (local.get $lo) (i32.shl (local.get $c) (i32.const 4))))
      (local.set $fp (local.get $fold))
      (local.set $t (i32.const 0))
      (block $tdone (loop $taps
        (br_if $tdone (i32.ge_s (local.get $t) (local.get $c)))
        (local.set $w (v128.load64_splat (local.get $fp)))
        (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (f64x2.${op} (v128.load offset=0 (local.get $lo)) (v128.load offset=0 (local.get $hi))) (local.get $w))))
        (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (f64x2.${op} (v128.load offset=16 (local.get $lo)) (v128.load offset=16 (local.get $hi))) (local.get $w))))
        (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (f64x2.${op} (v128.load offset=32 (local.get $lo)) (v128.load offset=32 (local.get $hi))) (local.get $w))))
        (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (f64x2.${op} (v128.load offset=48 (local.get $lo)) (v128.load offset=48 (local.get $hi))) (local.get $w))))
        (local.set $lo (i32.add (local.get $lo) (i32.const 8)))
        (local.set $hi (i32.sub (local.get $hi) (i32.const 8)))
        (local.set $fp (i32.add (local.get $fp) (i32.const 8)))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $taps)))
      (local.set $p (i32.add (local.get $dst) (i32.shl (local.get $i) (i32.const 3))))
      (v128.store offset=0 (local.get $p) (local.get $a0))
      (v128.store offset=16 (local.get $p) (local.get $a1))
      (v128.store offset=32 (local.get $p) (local.get $a2))
      (v128.store offset=48 (local.get $p) (local.get $a3))
      (local.set $i (i32.add (local.get $i) (i32.const 8)))
      (br $step8)))
    ;; the rest one output at a time
    (block $done1 (loop $step1
      (br_if $done1 (i32.ge_s (local.get $i) (local.get $n)))
      (local.set $s (f64.mul (f64.load (i32.add (local.get $buf) (i32.shl (i32.add (local.get $i) (local.get $c)) (i32.const 3)))) (local.get $wc)))
      (local.set $lo (i32.add (local.get $buf) (i32.shl (local.get $i) (i32.const 3))))
      (local.set $hi (i32.add (local.get $lo) (i32.shl (local.get $c) (i32.const 4))))
      (local.set $fp (local.get $fold))
      (local.set $t (i32.const 0))
      (block $tdone1 (loop $taps1
        (br_if $tdone1 (i32.ge_s (local.get $t) (local.get $c)))
        (local.set $s (f64.add (local.get $s) (f64.mul (f64.${op} (f64.load (local.get $lo)) (f64.load (local.get $hi))) (f64.load (local.get $fp)))))
        (local.set $lo (i32.add (local.get $lo) (i32.const 8)))
        (local.set $hi (i32.sub (local.get $hi) (i32.const 8)))
        (local.set $fp (i32.add (local.get $fp) (i32.const 8)))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $taps1)))
      (f64.store (i32.add (local.get $dst) (i32.shl (local.get $i) (i32.const 3))) (local.get $s))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $step1)))
  )`;
}

/** Across rows: acc[q] = R_c[q]·wc, then += (R_t[q] ± R_{2c−t}[q])·f_t; R_k starts at ptrs[k]. */
function rowsFolded(name, op) {
  return `
  (func (export "${name}") (param $acc i32) (param $cw i32) (param $ptrs i32) (param $fold i32) (param $c i32) (param $wc f64)
    (local $q i32) (local $t i32) (local $pl i32) (local $ph i32) (local $r1 i32) (local $r2 i32) (local $fp i32)
    (local $w v128) (local $vc v128) (local $a0 v128) (local $a1 v128) (local $s f64)
    (local.set $vc (f64x2.splat (local.get $wc)))
    ;; four outputs (bytes $q … $q + 32) per step
    (block $done4 (loop $step4
      (br_if $done4 (i32.gt_s (i32.add (local.get $q) (i32.const 32)) (i32.shl (local.get $cw) (i32.const 3))))
      (local.set $r1 (i32.add (i32.load (i32.add (local.get $ptrs) (i32.shl (local.get $c) (i32.const 2)))) (local.get $q)))
      (local.set $a0 (f64x2.mul (v128.load offset=0 (local.get $r1)) (local.get $vc)))
      (local.set $a1 (f64x2.mul (v128.load offset=16 (local.get $r1)) (local.get $vc)))
      (local.set $pl (local.get $ptrs))
      (local.set $ph (i32.add (local.get $ptrs) (i32.shl (local.get $c) (i32.const 3))))
      (local.set $fp (local.get $fold))
      (local.set $t (i32.const 0))
      (block $tdone (loop $taps
        (br_if $tdone (i32.ge_s (local.get $t) (local.get $c)))
        (local.set $r1 (i32.add (i32.load (local.get $pl)) (local.get $q)))
        (local.set $r2 (i32.add (i32.load (local.get $ph)) (local.get $q)))
        (local.set $w (v128.load64_splat (local.get $fp)))
        (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (f64x2.${op} (v128.load offset=0 (local.get $r1)) (v128.load offset=0 (local.get $r2))) (local.get $w))))
        (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (f64x2.${op} (v128.load offset=16 (local.get $r1)) (v128.load offset=16 (local.get $r2))) (local.get $w))))
        (local.set $pl (i32.add (local.get $pl) (i32.const 4)))
        (local.set $ph (i32.sub (local.get $ph) (i32.const 4)))
        (local.set $fp (i32.add (local.get $fp) (i32.const 8)))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $taps)))
      (v128.store offset=0 (i32.add (local.get $acc) (local.get $q)) (local.get $a0))
      (v128.store offset=16 (i32.add (local.get $acc) (local.get $q)) (local.get $a1))
      (local.set $q (i32.add (local.get $q) (i32.const 32)))
      (br $step4)))
    (block $done1 (loop $step1
      (br_if $done1 (i32.ge_s (local.get $q) (i32.shl (local.get $cw) (i32.const 3))))
      (local.set $s (f64.mul (f64.load (i32.add (i32.load (i32.add (local.get $ptrs) (i32.shl (local.get $c) (i32.const 2)))) (local.get $q))) (local.get $wc)))
      (local.set $pl (local.get $ptrs))
      (local.set $ph (i32.add (local.get $ptrs) (i32.shl (local.get $c) (i32.const 3))))
      (local.set $fp (local.get $fold))
      (local.set $t (i32.const 0))
      (block $tdone1 (loop $taps1
        (br_if $tdone1 (i32.ge_s (local.get $t) (local.get $c)))
        (local.set $s (f64.add (local.get $s) (f64.mul
          (f64.${op} (f64.load (i32.add (i32.load (local.get $pl)) (local.get $q))) (f64.load (i32.add (i32.load (local.get $ph)) (local.get $q))))
          (f64.load (local.get $fp)))))
        (local.set $pl (i32.add (local.get $pl) (i32.const 4)))
        (local.set $ph (i32.sub (local.get $ph) (i32.const 4)))
        (local.set $fp (i32.add (local.get $fp) (i32.const 8)))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $taps1)))
      (f64.store (i32.add (local.get $acc) (local.get $q)) (local.get $s))
      (local.set $q (i32.add (local.get $q) (i32.const 8)))
      (br $step1)))
  )`;
}

/** General kernels along a line: acc = x_{L−1}·w_{L−1}, then acc += x_k·w_k for k = 0 … L−2. */
const lineGeneral = `
  (func (export "line_general") (param $buf i32) (param $n i32) (param $dst i32) (param $wts i32) (param $L i32)
    (local $i i32) (local $k i32) (local $x i32) (local $wp i32) (local $last i32)
    (local $w v128) (local $vl v128) (local $a0 v128) (local $a1 v128) (local $s f64)
    (local.set $last (i32.sub (local.get $L) (i32.const 1)))
    (local.set $vl (v128.load64_splat (i32.add (local.get $wts) (i32.shl (local.get $last) (i32.const 3)))))
    (block $done4 (loop $step4
      (br_if $done4 (i32.gt_s (i32.add (local.get $i) (i32.const 4)) (local.get $n)))
      (local.set $x (i32.add (local.get $buf) (i32.shl (i32.add (local.get $i) (local.get $last)) (i32.const 3))))
      (local.set $a0 (f64x2.mul (v128.load offset=0 (local.get $x)) (local.get $vl)))
      (local.set $a1 (f64x2.mul (v128.load offset=16 (local.get $x)) (local.get $vl)))
      (local.set $x (i32.add (local.get $buf) (i32.shl (local.get $i) (i32.const 3))))
      (local.set $wp (local.get $wts))
      (local.set $k (i32.const 0))
      (block $kdone (loop $taps
        (br_if $kdone (i32.ge_s (local.get $k) (local.get $last)))
        (local.set $w (v128.load64_splat (local.get $wp)))
        (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (v128.load offset=0 (local.get $x)) (local.get $w))))
        (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (v128.load offset=16 (local.get $x)) (local.get $w))))
        (local.set $x (i32.add (local.get $x) (i32.const 8)))
        (local.set $wp (i32.add (local.get $wp) (i32.const 8)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $taps)))
      (v128.store offset=0 (i32.add (local.get $dst) (i32.shl (local.get $i) (i32.const 3))) (local.get $a0))
      (v128.store offset=16 (i32.add (local.get $dst) (i32.shl (local.get $i) (i32.const 3))) (local.get $a1))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $step4)))
    (block $done1 (loop $step1
      (br_if $done1 (i32.ge_s (local.get $i) (local.get $n)))
      (local.set $x (i32.add (local.get $buf) (i32.shl (local.get $i) (i32.const 3))))
      (local.set $s (f64.mul (f64.load (i32.add (local.get $x) (i32.shl (local.get $last) (i32.const 3)))) (f64.load (i32.add (local.get $wts) (i32.shl (local.get $last) (i32.const 3))))))
      (local.set $wp (local.get $wts))
      (local.set $k (i32.const 0))
      (block $kdone1 (loop $taps1
        (br_if $kdone1 (i32.ge_s (local.get $k) (local.get $last)))
        (local.set $s (f64.add (local.get $s) (f64.mul (f64.load (local.get $x)) (f64.load (local.get $wp)))))
        (local.set $x (i32.add (local.get $x) (i32.const 8)))
        (local.set $wp (i32.add (local.get $wp) (i32.const 8)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $taps1)))
      (f64.store (i32.add (local.get $dst) (i32.shl (local.get $i) (i32.const 3))) (local.get $s))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $step1)))
  )`;

/** General kernels across rows: acc[q] = R_{L−1}[q]·w_{L−1}, then += R_k[q]·w_k for k = 0 … L−2. */
const rowsGeneral = `
  (func (export "rows_general") (param $acc i32) (param $cw i32) (param $ptrs i32) (param $wts i32) (param $L i32)
    (local $q i32) (local $k i32) (local $r i32) (local $pp i32) (local $wp i32) (local $last i32)
    (local $w v128) (local $vl v128) (local $a0 v128) (local $a1 v128) (local $s f64)
    (local.set $last (i32.sub (local.get $L) (i32.const 1)))
    (local.set $vl (v128.load64_splat (i32.add (local.get $wts) (i32.shl (local.get $last) (i32.const 3)))))
    (block $done4 (loop $step4
      (br_if $done4 (i32.gt_s (i32.add (local.get $q) (i32.const 32)) (i32.shl (local.get $cw) (i32.const 3))))
      (local.set $r (i32.add (i32.load (i32.add (local.get $ptrs) (i32.shl (local.get $last) (i32.const 2)))) (local.get $q)))
      (local.set $a0 (f64x2.mul (v128.load offset=0 (local.get $r)) (local.get $vl)))
      (local.set $a1 (f64x2.mul (v128.load offset=16 (local.get $r)) (local.get $vl)))
      (local.set $pp (local.get $ptrs))
      (local.set $wp (local.get $wts))
      (local.set $k (i32.const 0))
      (block $kdone (loop $taps
        (br_if $kdone (i32.ge_s (local.get $k) (local.get $last)))
        (local.set $r (i32.add (i32.load (local.get $pp)) (local.get $q)))
        (local.set $w (v128.load64_splat (local.get $wp)))
        (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (v128.load offset=0 (local.get $r)) (local.get $w))))
        (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (v128.load offset=16 (local.get $r)) (local.get $w))))
        (local.set $pp (i32.add (local.get $pp) (i32.const 4)))
        (local.set $wp (i32.add (local.get $wp) (i32.const 8)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $taps)))
      (v128.store offset=0 (i32.add (local.get $acc) (local.get $q)) (local.get $a0))
      (v128.store offset=16 (i32.add (local.get $acc) (local.get $q)) (local.get $a1))
      (local.set $q (i32.add (local.get $q) (i32.const 32)))
      (br $step4)))
    (block $done1 (loop $step1
      (br_if $done1 (i32.ge_s (local.get $q) (i32.shl (local.get $cw) (i32.const 3))))
      (local.set $s (f64.mul
        (f64.load (i32.add (i32.load (i32.add (local.get $ptrs) (i32.shl (local.get $last) (i32.const 2)))) (local.get $q)))
        (f64.load (i32.add (local.get $wts) (i32.shl (local.get $last) (i32.const 3))))))
      (local.set $pp (local.get $ptrs))
      (local.set $wp (local.get $wts))
      (local.set $k (i32.const 0))
      (block $kdone1 (loop $taps1
        (br_if $kdone1 (i32.ge_s (local.get $k) (local.get $last)))
        (local.set $s (f64.add (local.get $s) (f64.mul (f64.load (i32.add (i32.load (local.get $pp)) (local.get $q))) (f64.load (local.get $wp)))))
        (local.set $pp (i32.add (local.get $pp) (i32.const 4)))
        (local.set $wp (i32.add (local.get $wp) (i32.const 8)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $taps1)))
      (f64.store (i32.add (local.get $acc) (local.get $q)) (local.get $s))
      (local.set $q (i32.add (local.get $q) (i32.const 8)))
      (br $step1)))
  )`;

/**
 * Whole-image passes of a box minimum/maximum on uint8 rows laid out with a row stride and
 * padding columns (the box-sequence layout: row i at `i * stride`, its pixels from column L):
 * down the columns (`box_rows`: each output row the extremum of `size` input rows, rows outside
 * the image read from a row of cval) and along the rows (`box_cols`: the row's padding set to
 * cval, then each output the extremum of `size` consecutive bytes). One call per image pass, so
 * a sequence of passes costs no calls per row.
 */
function boxPasses(op) {
  const f = `i8x16.${op}_u`;
  return `
  (func (export "box_rows_u8_${op}") (param $src i32) (param $dst i32) (param $h i32) (param $stride i32) (param $size i32) (param $left i32) (param $cvalRow i32)
    (local $i i32) (local $a i32) (local $b i32) (local $outside i32) (local $x i32) (local $p i32) (local $r i32) (local $v v128) (local $first i32)
    (block $rowsDone (loop $rows
      (br_if $rowsDone (i32.ge_s (local.get $i) (local.get $h)))
      ;; input rows [i − left, i − left + size), clipped to the image; any row outside reads cval
      (local.set $a (i32.sub (local.get $i) (local.get $left)))
      (local.set $b (i32.add (local.get $a) (local.get $size)))
      (local.set $outside (i32.or (i32.lt_s (local.get $a) (i32.const 0)) (i32.gt_s (local.get $b) (local.get $h))))
      (if (i32.lt_s (local.get $a) (i32.const 0)) (then (local.set $a (i32.const 0))))
      (if (i32.gt_s (local.get $b) (local.get $h)) (then (local.set $b (local.get $h))))
      (local.set $first (select (local.get $cvalRow) (i32.add (local.get $src) (i32.mul (local.get $a) (local.get $stride))) (local.get $outside)))
      (local.set $x (i32.const 0))
      (block $xDone (loop $xs
        (br_if $xDone (i32.ge_s (local.get $x) (local.get $stride)))
        (local.set $v (v128.load (i32.add (local.get $first) (local.get $x))))
        (local.set $p (i32.add (i32.add (local.get $src) (i32.mul (local.get $a) (local.get $stride))) (local.get $x)))
        (local.set $r (local.get $a))
        (block $tDone (loop $taps
          (br_if $tDone (i32.ge_s (local.get $r) (local.get $b)))
          (local.set $v (${f} (local.get $v) (v128.load (local.get $p))))
          (local.set $p (i32.add (local.get $p) (local.get $stride)))
          (local.set $r (i32.add (local.get $r) (i32.const 1)))
          (br $taps)))
        (v128.store (i32.add (i32.add (local.get $dst) (i32.mul (local.get $i) (local.get $stride))) (local.get $x)) (local.get $v))
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (br $xs)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $rows)))
  )
  (func (export "box_cols_u8_${op}") (param $src i32) (param $dst i32) (param $h i32) (param $stride i32) (param $L i32) (param $w i32) (param $size i32) (param $left i32) (param $cval i32)
    (local $i i32) (local $row i32) (local $k i32) (local $x i32) (local $p i32) (local $t i32) (local $v v128) (local $right i32) (local $out i32)
    (local.set $right (i32.sub (i32.sub (local.get $size) (i32.const 1)) (local.get $left)))
    (block $rowsDone (loop $rows
      (br_if $rowsDone (i32.ge_s (local.get $i) (local.get $h)))
      (local.set $row (i32.add (local.get $src) (i32.mul (local.get $i) (local.get $stride))))
      ;; the padding this window reaches, set to cval (earlier passes leave anything there)
      (local.set $k (i32.const 0))
      (block $lDone (loop $lpad
        (br_if $lDone (i32.ge_s (local.get $k) (local.get $left)))
        (i32.store8 (i32.sub (i32.add (local.get $row) (local.get $L)) (i32.add (local.get $k) (i32.const 1))) (local.get $cval))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $lpad)))
      (local.set $k (i32.const 0))
      (block $rDone (loop $rpad
        (br_if $rDone (i32.ge_s (local.get $k) (local.get $right)))
        (i32.store8 (i32.add (i32.add (i32.add (local.get $row) (local.get $L)) (local.get $w)) (local.get $k)) (local.get $cval))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $rpad)))
      (local.set $out (i32.add (i32.add (local.get $dst) (i32.mul (local.get $i) (local.get $stride))) (local.get $L)))
      (local.set $x (i32.const 0))
      (block $xDone (loop $xs
        (br_if $xDone (i32.ge_s (local.get $x) (local.get $w)))
        (local.set $p (i32.add (i32.sub (i32.add (local.get $row) (local.get $L)) (local.get $left)) (local.get $x)))
        (local.set $v (v128.load (local.get $p)))
        (local.set $t (i32.const 1))
        (block $tDone (loop $taps
          (br_if $tDone (i32.ge_s (local.get $t) (local.get $size)))
          (local.set $p (i32.add (local.get $p) (i32.const 1)))
          (local.set $v (${f} (local.get $v) (v128.load (local.get $p))))
          (local.set $t (i32.add (local.get $t) (i32.const 1)))
          (br $taps)))
        (v128.store (i32.add (local.get $out) (local.get $x)) (local.get $v))
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (br $xs)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $rows)))
  )`;
}

/**
 * Run boundaries of a 0/1 byte image, for labelling: for each row, the columns where the value
 * changes (0→1 starts a run, 1→0 ends it; a run reaching the row's end ends at w), written as
 * int32 to `dst`; `rowFirst[r]` gets the number written before row r. Sixteen pixels per vector:
 * each compared with its left neighbour (the previous vector's last byte shuffled in), the
 * changes as a bitmask, its set bits written one by one. Returns the number written.
 */
const runBounds = `
  (func (export "run_bounds_u8") (param $src i32) (param $h i32) (param $w i32) (param $rowFirst i32) (param $dst i32) (result i32)
    (local $r i32) (local $x i32) (local $row i32) (local $m i32) (local $v v128) (local $prev v128) (local $bits i32) (local $rest i32)
    (block $rowsDone (loop $rows
      (br_if $rowsDone (i32.ge_s (local.get $r) (local.get $h)))
      (i32.store (i32.add (local.get $rowFirst) (i32.shl (local.get $r) (i32.const 2))) (local.get $m))
      (local.set $row (i32.add (local.get $src) (i32.mul (local.get $r) (local.get $w))))
      (local.set $prev (v128.const i32x4 0 0 0 0))
      (local.set $x (i32.const 0))
      (block $xDone (loop $xs
        (br_if $xDone (i32.ge_s (local.get $x) (local.get $w)))
        (local.set $v (v128.load (i32.add (local.get $row) (local.get $x))))
        ;; byte k against byte k − 1: lane 0 takes the previous vector's lane 15
        (local.set $bits (i8x16.bitmask (i8x16.shl (v128.xor (local.get $v)
          (i8x16.shuffle 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 (local.get $prev) (local.get $v))) (i32.const 7))))
        ;; the last vector of a row: only its first w − x lanes are this row's pixels
        (local.set $rest (i32.sub (local.get $w) (local.get $x)))
        (if (i32.lt_s (local.get $rest) (i32.const 16))
          (then (local.set $bits (i32.and (local.get $bits) (i32.sub (i32.shl (i32.const 1) (local.get $rest)) (i32.const 1))))))
        (block $bitsDone (loop $each
          (br_if $bitsDone (i32.eqz (local.get $bits)))
          (i32.store (i32.add (local.get $dst) (i32.shl (local.get $m) (i32.const 2)))
            (i32.add (local.get $x) (i32.ctz (local.get $bits))))
          (local.set $m (i32.add (local.get $m) (i32.const 1)))
          (local.set $bits (i32.and (local.get $bits) (i32.sub (local.get $bits) (i32.const 1))))
          (br $each)))
        (local.set $prev (local.get $v))
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (br $xs)))
      ;; a run still open at the row's end ends at w
      (if (i32.and (i32.load8_u (i32.add (local.get $row) (i32.sub (local.get $w) (i32.const 1)))) (i32.const 1))
        (then
          (i32.store (i32.add (local.get $dst) (i32.shl (local.get $m) (i32.const 2))) (local.get $w))
          (local.set $m (i32.add (local.get $m) (i32.const 1)))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rows)))
    (local.get $m)
  )`;

// 64 MiB from the start, never grown: growing detaches the old ArrayBuffer, and V8 answers the
// first detach in a process by adding detach checks to every optimised typed-array loop (a Sobel
// run after a grow measured 13 → 18 ms). Untouched pages cost no physical memory.
export default `(module
  (memory (export "memory") 1024)
${lineFolded('line_symmetric', 'add')}
${lineFolded('line_antisymmetric', 'sub')}
${lineGeneral}
${rowsFolded('rows_symmetric', 'add')}
${rowsFolded('rows_antisymmetric', 'sub')}
${rowsGeneral}
${rowsExtremum('rows_max', 'max')}
${rowsExtremum('rows_min', 'min')}
${gradientRows()}
${uniform2d()}
${lineWindowExtremum('line_window_max', 'max')}
${lineWindowExtremum('line_window_min', 'min')}
${lineVanHerk('line_max', 'max')}
${lineVanHerk('line_min', 'min')}
${[
  ['u8', 1],
  ['i8', 1],
  ['u16', 2],
  ['i16', 2],
]
  .flatMap(([t, b]) => ['min', 'max'].map((op) => integerWindows(t, b, op)))
  .join('\n')}
${runBounds}
${boxPasses('min')}
${boxPasses('max')}
${medianWindow('median3x3_u8', 3, 3, 1)}
${medianWindow('median5x5_u8', 5, 5, 1)}
${medianWindow('median3x3_u16', 3, 3, 2)}
${medianWindow('median5x5_u16', 5, 5, 2)}
)
`;
