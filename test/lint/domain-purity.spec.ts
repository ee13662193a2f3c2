import { computeProjectGraph, lintAs } from './eslint-stdin';

/** A service's domain/ imports no framework and nothing else of its service (eslint.config.js, docs/architecture.md §2). */
describe('domain purity', () => {
  beforeAll(computeProjectGraph);

  const lint = (file: string, code: string): string[] => lintAs(file, code, 'no-restricted-imports');

  it.each([
    ['typeorm', "import { Entity } from 'typeorm';\nexport const x = Entity;\n"],
    ['a Nest package', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n"],
    ['the messaging library', "import { OutboxWriter } from '@filing/messaging';\nexport const x = OutboxWriter;\n"],
    ['the service runtime', "import { Clock } from '@filing/runtime';\nexport const x = Clock;\n"],
  ])('refuses a domain file importing %s', (_what, code) => {
    expect(lint('services/assessment/src/evaluations/domain/probe.ts', code)).toHaveLength(1);
  });

  it("refuses a domain file importing its service's infrastructure or slices", () => {
    expect(
      lint('services/review/src/cases/domain/probe.ts', "import { ReviewCase } from '../infrastructure/case.entity';\nexport const x = ReviewCase;\n"),
    ).toHaveLength(1);
    expect(
      lint('services/expert-pool/src/draws/domain/probe.ts', "import { x } from '../commands/commit-draw/commit-draw.handler';\nexport const y = x;\n"),
    ).toHaveLength(1);
  });

  it("refuses an entity in intake's applications/domain (its entities live in infrastructure/)", () => {
    expect(
      lint('services/intake/src/applications/domain/probe.entity.ts', "import { Entity } from 'typeorm';\n@Entity('probe')\nexport class Probe {}\n"),
    ).toHaveLength(1);
  });

  it('lets a domain file import the contracts, the calendar, node built-ins and its own domain', () => {
    const code =
      "import { CASE_STAGES } from '@filing/contracts';\nimport { createHash } from 'node:crypto';\nimport { consolidate } from './consolidation';\nexport const x = [CASE_STAGES, createHash, consolidate];\n";
    expect(lint('services/assessment/src/evaluations/domain/probe.ts', code)).toEqual([]);
  });

  it('lets infrastructure import the framework', () => {
    expect(lint('services/assessment/src/evaluations/infrastructure/probe.ts', "import { Entity } from 'typeorm';\nexport const x = Entity;\n")).toEqual([]);
  });
});
