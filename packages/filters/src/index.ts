/**
 * `@ndimage/filters`: Gaussian, Sobel, Prewitt, Laplace, uniform, minimum/maximum, median and rank filters, exact to scipy.ndimage.
 *
 * This package is a shell until its issue (#3) lands: it builds, publishes and has no exports yet.
 *
 * @packageDocumentation
 */
export {};
