import { BadRequestException, Body, ConflictException, Controller, ForbiddenException, HttpCode, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AuditLog, principalActor } from '@filing/audit';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { Clock } from '@filing/runtime';
import { StandardDocument } from '../../domain/standard';
import { StandardVersion } from '../../domain/standard.entity';
import { validateStandard } from '../../domain/standard-validation';
import { LoadStandardRequest } from './load-standard.request';

/**
 * An administrator loads a new version of a standard. It must add up; otherwise it is refused with every reason.
 * Cases already being evaluated keep the version they pinned.
 */
@ApiTags('standards')
@ApiBearerAuth()
@Controller('standards')
export class LoadStandardController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  async load(@Body() body: LoadStandardRequest, @CurrentPrincipal() principal: Principal) {
    // The standards are the province's (吉人社规〔2022〕7号 附件1/2): a city administrator cannot change them.
    if (!principal.isProvince()) throw new ForbiddenException('only a provincial administrator (220000) loads evaluation standards');
    const document: StandardDocument = {
      standardId: body.standardId,
      version: body.version,
      institutionKind: body.institutionKind,
      title: body.title,
      effectiveFrom: body.effectiveFrom,
      provisional: body.provisional ?? false,
      provenance: body.provenance ?? '',
      total: body.total,
      passLine: body.passLine,
      items: body.items.map((i) => ({ ...i, subItems: i.subItems.map((s) => ({ ...s })) })),
      vetoes: body.vetoes.map((v) => ({ ...v })),
    };
    const problems = validateStandard(document);
    if (problems.length) throw new BadRequestException({ error: 'Bad Request', message: `standard refused: ${problems.join('; ')}`, problems });

    return this.dataSource.transaction(async (manager) => {
      const kinds = await manager.find(StandardVersion, { where: { standardId: document.standardId } });
      if (kinds.some((k) => k.version === document.version)) {
        throw new ConflictException(`standard ${document.standardId} version ${document.version} is already loaded; versions are never edited, load a new one`);
      }
      if (kinds.some((k) => k.institutionKind !== document.institutionKind)) {
        throw new ConflictException(`standard ${document.standardId} is for ${kinds[0].institutionKind}, not ${document.institutionKind}`);
      }
      const row = await manager.save(
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
        details: { standardId: row.standardId, version: row.version, institutionKind: row.institutionKind, effectiveFrom: row.effectiveFrom, provisional: row.provisional, total: document.total, passLine: document.passLine },
      });
      return { standardId: row.standardId, version: row.version, institutionKind: row.institutionKind, effectiveFrom: row.effectiveFrom, loadedAt: row.loadedAt };
    });
  }
}
