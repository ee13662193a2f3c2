import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { Draw } from '../../infrastructure/draw.entity';
import { assertOfficer } from '../../draw-access';

/** The avoidance record (回避记录): every excluded expert with the rule(s) that excluded them. Officer only. */
@ApiTags('draws')
@ApiBearerAuth()
@Controller('draws')
export class GetExclusionsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':id/exclusions')
  @Roles('discipline-officer')
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() p: Principal) {
    const d = await this.dataSource.getRepository(Draw).createQueryBuilder('d').addSelect('d.exclusions').where('d.id = :id', { id }).getOne();
    if (!d) throw new NotFoundException(`draw ${id} not found`);
    assertOfficer(d, p);
    const excluded = d.exclusions ?? [];
    const byRule: Record<string, number> = {};
    for (const x of excluded) byRule[x.hits[0].rule] = (byRule[x.hits[0].rule] ?? 0) + 1;
    return { drawId: d.id, committedAt: d.committedAt, eligibleCount: d.eligibleCount ?? 0, excludedCount: excluded.length, byRule, excluded };
  }
}
