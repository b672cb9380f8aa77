import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

/** See the `components-isolated` project. */
const ISOLATED_COMPONENT_FILE = 'tests/component/lazyParts.test.ts'

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      // Vitest leaves a core to itself by default: on a 2-core machine that is one worker, and
      // the files ran one after another (most of a file's time is its start: a fork, jsdom, setup).
      maxWorkers: 2,
      testTimeout: 30_000,
      hookTimeout: 30_000,
      server: { deps: { inline: ['element-plus'] } },
      reporters: ['default', ['json', { outputFile: 'test-results/unit-report.json' }]],
      // Projects in one run: only the components get Element Plus's select and Polish loaded up
      // front (tests/setup/jsdom.ts), which took about 2.5 s per file in every other file too.
      projects: [
        {
          extends: true,
          test: {
            name: 'logic',
            include: ['tests/unit/**/*.test.ts', 'tests/api/**/*.test.ts', 'tests/tooling/**/*.test.ts'],
            // One MariaDB server for the MySQL runs of the API contract suites.
            globalSetup: ['tests/setup/mariadbGlobal.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'components',
            include: ['tests/component/**/*.test.ts'],
            exclude: [ISOLATED_COMPONENT_FILE],
            setupFiles: ['tests/setup/jsdom.ts'],
            // The component files share their worker's modules and its one jsdom window: Vue,
            // Element Plus and the app's modules are evaluated once per worker instead of once
            // per file (the project: 77 s -> 35 s alone on this 2-core machine). What a test or a
            // file could leave behind is undone (tests/setup/jsdom.ts): the apps it mounted after
            // each test; stubbed globals and spies before each test (below) and after each test;
            // the window's nodes, storage, URL and the root's attributes before each file.
            isolate: false,
            unstubGlobals: true,
            restoreMocks: true,
          },
        },
        {
          extends: true,
          // The one component file that resets the module registry (vi.resetModules) to see the
          // app as a page has it before Element Plus arrives: shared, every later file in its
          // worker would load the app's modules and Element Plus again.
          test: {
            name: 'components-isolated',
            include: [ISOLATED_COMPONENT_FILE],
            setupFiles: ['tests/setup/jsdom.ts'],
          },
        },
      ],
    },
  }),
)
