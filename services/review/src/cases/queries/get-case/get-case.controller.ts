import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ReviewCase } from '../../domain/case.entity';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class GetCaseController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    const found = await this.dataSource.getRepository(ReviewCase).findOneBy({ id });
    if (!found) throw new NotFoundException(`case ${id} not found at this review instance`);
    return found;
  }
}
