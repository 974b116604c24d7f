import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Fixture projects hold test files of their own (scanned as data, never run).
    exclude: [...configDefaults.exclude, 'test/fixtures/**'],
  },
});
