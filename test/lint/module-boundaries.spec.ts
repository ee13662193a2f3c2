import { computeProjectGraph, lintAs } from './eslint-stdin';

/** The module-boundary rule really forbids a service importing another service (docs/architecture.md §2). */
describe('module boundaries', () => {
  beforeAll(computeProjectGraph);

  const lint = async (file: string, code: string): Promise<string[]> => lintAs(file, code, '@nx/enforce-module-boundaries');

  it('refuses a service importing another service by package name', async () => {
    const errors = await lint('services/intake/src/probe.ts', "import { ReviewCase } from '@filing/review';\nexport const x = ReviewCase;\n");
    expect(errors).toHaveLength(1);
  });

  it('refuses a service importing another service by relative path', async () => {
    const errors = await lint('services/publication/src/probe.ts', "import { AppModule } from '../../review/src/app.module';\nexport const x = AppModule;\n");
    expect(errors).toHaveLength(1);
  });

  it('refuses a shared library importing a service', async () => {
    const errors = await lint('libs/contracts/src/probe.ts', "import { AppModule } from '@filing/intake';\nexport const x = AppModule;\n");
    expect(errors).toHaveLength(1);
  });

  it('refuses the console (its pages or its server) importing a service', async () => {
    expect(await lint('apps/console/src/probe.tsx', "import { AppModule } from '@filing/intake';\nexport const x = AppModule;\n")).toHaveLength(1);
    expect(
      await lint('apps/console/server/probe.ts', "import { AppModule } from '../../../services/review/src/app.module';\nexport const x = AppModule;\n"),
    ).toHaveLength(1);
  });

  it('allows a service to use the shared libraries', async () => {
    const errors = await lint(
      'services/intake/src/probe.ts',
      "import { Events } from '@filing/contracts';\nimport { OutboxWriter } from '@filing/messaging';\nexport const x = [Events, OutboxWriter];\n",
    );
    expect(errors).toEqual([]);
  });
});
