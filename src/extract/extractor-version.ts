/**
 * Part of the extraction cache key: bump it whenever a change to an extractor changes the facts
 * it produces, so that cached facts of older extractors are not reused. In a module of its own:
 * importing the extractors would load the TypeScript compiler.
 */
export const EXTRACTOR_VERSION = 5;
