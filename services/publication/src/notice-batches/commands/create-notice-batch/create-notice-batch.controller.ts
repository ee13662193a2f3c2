import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { CreateNoticeBatchHandler } from './create-notice-batch.handler';
import { CreateNoticeBatchRequest } from './create-notice-batch.request';

/** 合并发布公示: the centre (who acts on notices and their objections) lists open notices in one 公示. */
@ApiTags('notice batches')
@ApiBearerAuth()
@Controller('notice-batches')
export class CreateNoticeBatchController {
  constructor(private readonly handler: CreateNoticeBatchHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('center-staff')
  create(@Body() body: CreateNoticeBatchRequest, @CurrentPrincipal() principal: Principal) {
    return this.handler.create(body, principal);
  }
}
