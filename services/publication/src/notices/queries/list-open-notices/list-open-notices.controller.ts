import { Controller, Get, Inject, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { Public } from '@filing/auth';
import { Clock } from '@filing/runtime';
import { PUBLICATION_CONFIG, PublicationConfig } from '../../../infrastructure/publication.config';
import { NoticesRepository } from '../../infrastructure/notices.repository';
import { publicNoticeView } from '../public-notice.view';

export class ListPublicNoticesQuery {
  @ApiPropertyOptional({
    enum: ['current', 'past'],
    default: 'current',
    description: 'current: the window runs today (正在公示); past: the window has ended (往期公示), newest first',
  })
  @IsOptional()
  @IsIn(['current', 'past'])
  period?: 'current' | 'past';

  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1000000) offset?: number;
}

/** Notices whose window is running today (正在公示), or past ones (往期公示). Public, no token. */
@ApiTags('public notices')
@Public()
@Controller('public/notices')
export class ListOpenNoticesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(PUBLICATION_CONFIG) private readonly config: PublicationConfig,
    private readonly notices: NoticesRepository,
  ) {}

  @Get()
  async list(@Query() query: ListPublicNoticesQuery) {
    const today = this.clock.today();
    if (query.period === 'past') {
      const { total, rows } = await this.notices.past(this.dataSource.manager, today, query.limit ?? 50, query.offset ?? 0);
      return { today, total, items: rows.map((n) => publicNoticeView(n, this.config, today)) };
    }
    const rows = await this.notices.running(this.dataSource.manager, today);
    return { today, total: rows.length, items: rows.map((n) => publicNoticeView(n, this.config, today)) };
  }
}
