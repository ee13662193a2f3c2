import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { NotFound } from '@filing/runtime';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { DrawRepository } from '../../infrastructure/draw.repository';
import { assertOfficer } from '../../draw-access';

/** The avoidance record (回避记录): every excluded expert with the rule(s) that excluded them. Officer only. */
@ApiTags('draws')
@ApiBearerAuth()
@Controller('draws')
export class GetExclusionsController {
  constructor(private readonly draws: DrawRepository) {}

  @Get(':id/exclusions')
  @Roles('discipline-officer')
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() p: Principal) {
    const d = await this.draws.withExclusions(id);
    if (!d) throw new NotFound(`draw ${id} not found`);
    assertOfficer(d, p);
    const excluded = d.exclusions ?? [];
    const byRule: Record<string, number> = {};
    for (const x of excluded) byRule[x.hits[0].rule] = (byRule[x.hits[0].rule] ?? 0) + 1;
    return { drawId: d.id, committedAt: d.committedAt, eligibleCount: d.eligibleCount ?? 0, excludedCount: excluded.length, byRule, excluded };
  }
}
