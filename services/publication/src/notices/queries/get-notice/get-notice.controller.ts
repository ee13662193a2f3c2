import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '@filing/auth';
import { Clock, NotFound } from '@filing/runtime';
import { PUBLICATION_CONFIG, PublicationConfig } from '../../../infrastructure/publication.config';
import { NoticesRepository } from '../../infrastructure/notices.repository';
import { publicNoticeView } from '../public-notice.view';

/** One notice's details (公示内容), public. */
@ApiTags('public notices')
@Public()
@Controller('public/notices')
export class GetNoticeController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(PUBLICATION_CONFIG) private readonly config: PublicationConfig,
    private readonly notices: NoticesRepository,
  ) {}

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    const n = await this.notices.byId(this.dataSource.manager, id);
    if (!n) throw new NotFound(`notice ${id} not found`);
    return publicNoticeView(n, this.config, this.clock.today());
  }
}
