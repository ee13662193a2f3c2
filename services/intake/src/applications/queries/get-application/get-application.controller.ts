import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Application } from '../../domain/application.entity';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class GetApplicationController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    const app = await this.dataSource.getRepository(Application).findOneBy({ id });
    if (!app) throw new NotFoundException(`application ${id} not found`);
    return app;
  }
}
