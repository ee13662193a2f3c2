import { Controller, Get, Param } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '@filing/auth';
import { NotFound } from '@filing/runtime';
import { ObjectionsRepository } from '../../infrastructure/objections.repository';

/** An objector follows their objection by its receipt number (not guessable); no personal data is returned. */
@ApiTags('public notices')
@Public()
@Controller('public/objections')
export class GetObjectionStatusController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly objections: ObjectionsRepository,
  ) {}

  @Get(':receiptNumber')
  async get(@Param('receiptNumber') receiptNumber: string) {
    const o = await this.objections.statusByReceipt(this.dataSource.manager, receiptNumber);
    if (!o) throw new NotFound(`no objection with receipt ${receiptNumber}`);
    return o;
  }
}
