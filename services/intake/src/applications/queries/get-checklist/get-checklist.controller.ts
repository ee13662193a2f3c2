import { Controller, Get, Param, ParseEnumPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { APPLICATION_KINDS, ApplicationKind, INSTITUTION_KINDS, InstitutionKind } from '@filing/contracts';
import { checklistFor } from '../../domain/checklist';

const kinds = <T extends string>(list: readonly T[]) => Object.fromEntries(list.map((k) => [k, k])) as Record<T, T>;

/** The material checklist (备案材料清单) for an application kind and institution kind. */
@ApiTags('materials')
@ApiBearerAuth()
@Controller('checklists')
export class GetChecklistController {
  @Get(':applicationKind')
  @ApiParam({ name: 'applicationKind', enum: APPLICATION_KINDS })
  @ApiQuery({ name: 'institutionKind', enum: INSTITUTION_KINDS })
  @ApiOperation({ summary: 'Checklist items, required or optional' })
  get(
    @Param('applicationKind', new ParseEnumPipe(kinds(APPLICATION_KINDS))) applicationKind: ApplicationKind,
    @Query('institutionKind', new ParseEnumPipe(kinds(INSTITUTION_KINDS))) institutionKind: InstitutionKind,
  ) {
    return checklistFor(applicationKind, institutionKind);
  }
}
