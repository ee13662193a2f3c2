import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { Clock, InvalidCommand, MissingPrecondition, NotAllowed } from '@filing/runtime';
import { StandardDocument } from '../../domain/standard';
import { validateStandard } from '../../domain/standard-validation';
import { StandardRepository } from '../../infrastructure/standard.repository';
import { StandardVersion } from '../../infrastructure/standard-version.entity';

/**
 * An administrator loads a new version of a standard. It must add up; otherwise it is refused with every reason.
 * Cases already being evaluated keep the version they pinned.
 */
@Injectable()
export class LoadStandardHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly standards: StandardRepository,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async execute(document: StandardDocument, principal: Principal) {
    // The standards are the province's (吉人社规〔2022〕7号 附件1/2): a city administrator cannot change them.
    if (!principal.isProvince()) throw new NotAllowed('only a provincial administrator (220000) loads evaluation standards');
    const problems = validateStandard(document);
    if (problems.length) throw new InvalidCommand({ error: 'Bad Request', message: `standard refused: ${problems.join('; ')}`, problems });

    return this.dataSource.transaction(async (manager) => {
      const kinds = await this.standards.versionsOf(manager, document.standardId);
      if (kinds.some((k) => k.version === document.version)) {
        throw new MissingPrecondition(
          `standard ${document.standardId} version ${document.version} is already loaded; versions are never edited, load a new one`,
        );
      }
      if (kinds.some((k) => k.institutionKind !== document.institutionKind)) {
        throw new MissingPrecondition(`standard ${document.standardId} is for ${kinds[0].institutionKind}, not ${document.institutionKind}`);
      }
      const row = await this.standards.add(
        manager,
        Object.assign(new StandardVersion(), {
          standardId: document.standardId,
          version: document.version,
          institutionKind: document.institutionKind,
          effectiveFrom: document.effectiveFrom,
          provisional: document.provisional,
          document,
          loadedAt: this.clock.now(),
          loadedBy: principal.sub,
        }),
      );
      await this.audit.append(manager, {
        jurisdiction: principal.jurisdiction,
        action: 'standard-loaded',
        actor: principalActor(principal, 'admin'),
        at: row.loadedAt.toISOString(),
        details: {
          standardId: row.standardId,
          version: row.version,
          institutionKind: row.institutionKind,
          effectiveFrom: row.effectiveFrom,
          provisional: row.provisional,
          total: document.total,
          passLine: document.passLine,
        },
      });
      return {
        standardId: row.standardId,
        version: row.version,
        institutionKind: row.institutionKind,
        effectiveFrom: row.effectiveFrom,
        loadedAt: row.loadedAt,
      };
    });
  }
}
