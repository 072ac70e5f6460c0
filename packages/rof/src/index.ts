/**
 * `@ndimage/rof`: Rudin–Osher–Fatemi total-variation denoising: the textbook algorithm and a converging solver.
 *
 * This package is a shell until its issue (#5) lands: it builds, publishes and has no exports yet.
 *
 * @packageDocumentation
 */
export {};
