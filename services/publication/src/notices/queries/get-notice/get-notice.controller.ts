import { Controller, Get, Inject, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '@filing/auth';
import { Clock } from '@filing/runtime';
import { PUBLICATION_CONFIG, PublicationConfig } from '../../../infrastructure/publication.config';
import { NOTICE_COLUMNS, NOTICE_FROM, NoticeRow } from '../../notice.row';
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
  ) {}

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    const [n]: NoticeRow[] = await this.dataSource.query(`SELECT ${NOTICE_COLUMNS} FROM ${NOTICE_FROM} WHERE n.id = $1`, [id]);
    if (!n) throw new NotFoundException(`notice ${id} not found`);
    return publicNoticeView(n, this.config, this.clock.today());
  }
}
