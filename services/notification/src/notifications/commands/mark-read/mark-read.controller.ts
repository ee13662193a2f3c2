import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@filing/auth';
import { MarkReadHandler } from './mark-read.handler';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class MarkReadController {
  constructor(private readonly handler: MarkReadHandler) {}

  @Post('mine/read')
  @HttpCode(200)
  async all(@CurrentPrincipal() p: Principal) {
    return this.handler.all(p);
  }

  @Post(':id/read')
  @HttpCode(200)
  async one(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() p: Principal) {
    return this.handler.one(id, p);
  }
}
