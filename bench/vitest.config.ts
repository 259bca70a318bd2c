// The generator's own tests (pure, no database): `npx vitest run --config bench/vitest.config.ts`.
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: path.resolve(import.meta.dirname, '..'),
    include: ['bench/**/*.bench-test.ts'],
    environment: 'node',
  },
});
