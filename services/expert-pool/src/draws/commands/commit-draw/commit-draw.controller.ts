import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { CommitDrawHandler } from './commit-draw.handler';

/** POST /draws/:id/commitment: the officer's commitment before the draw, for the handler. */
@ApiTags('draws')
@ApiBearerAuth()
@Controller('draws')
export class CommitDrawController {
  constructor(private readonly handler: CommitDrawHandler) {}

  @Post(':id/commitment')
  @HttpCode(201)
  @Roles('discipline-officer')
  commit(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() p: Principal) {
    return this.handler.execute(id, p);
  }
}
