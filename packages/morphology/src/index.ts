/**
 * `@ndimage/morphology`: Labelling, binary and grey morphology and measurements, exact to scipy.ndimage.
 *
 * This package is a shell until its issue (#4) lands: it builds, publishes and has no exports yet.
 *
 * @packageDocumentation
 */
export {};
