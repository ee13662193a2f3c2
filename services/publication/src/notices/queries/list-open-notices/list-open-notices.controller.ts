import { Controller, Get, Inject } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '@filing/auth';
import { Clock } from '@filing/runtime';
import { PUBLICATION_CONFIG, PublicationConfig } from '../../../infrastructure/publication.config';
import { NOTICE_COLUMNS, NOTICE_FROM, NoticeRow } from '../../notice.row';
import { publicNoticeView } from '../public-notice.view';

/** Notices whose window is running today (正在公示). Public, no token. */
@ApiTags('public notices')
@Public()
@Controller('public/notices')
export class ListOpenNoticesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(PUBLICATION_CONFIG) private readonly config: PublicationConfig,
  ) {}

  @Get()
  async list() {
    const today = this.clock.today();
    const rows: NoticeRow[] = await this.dataSource.query(
      `SELECT ${NOTICE_COLUMNS} FROM ${NOTICE_FROM} WHERE n.status = 'open' AND n.start_date <= $1 AND n.end_date >= $1 ORDER BY n.start_date DESC, n.opened_at DESC LIMIT 500`,
      [today],
    );
    return { today, items: rows.map((n) => publicNoticeView(n, this.config, today)) };
  }
}
