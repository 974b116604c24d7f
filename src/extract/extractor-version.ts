/**
 * Part of the extraction cache key: bump it whenever a change to an extractor changes the facts
 * it produces, or a change to the GenAI signal changes which files it passes (the cache keeps
 * each file's verdict), so that what older versions recorded is not reused. In a module of its own:
 * importing the extractors would load the TypeScript compiler.
 */
export const EXTRACTOR_VERSION = 15;
