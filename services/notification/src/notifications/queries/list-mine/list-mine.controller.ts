import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal } from '@filing/auth';
import { recipientIdsOf } from '../../domain/recipients';
import { NoticeRow, NotificationRepository } from '../../infrastructure/notification.repository';
import { ListMineRequest } from './list-mine.request';

/** A notice as its reader sees it (the dedupe key and the event id are the service's own business). */
export function noticeView(n: NoticeRow) {
  return {
    id: n.id,
    caseId: n.caseId,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    createdAt: n.createdAt,
    readAt: n.readAt,
  };
}

/** The signed-in person's inbox: their account's, institution's, expert record's and roles' notices, newest first. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class ListMineController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notices: NotificationRepository,
  ) {}

  @Get('mine')
  async list(@Query() q: ListMineRequest, @CurrentPrincipal() p: Principal) {
    const page = await this.notices.listFor(this.dataSource.manager, recipientIdsOf(p), {
      unreadOnly: q.unread === true,
      limit: q.limit ?? 20,
      offset: q.offset ?? 0,
    });
    return { items: page.items.map(noticeView), total: page.total, unread: page.unread };
  }

  /** The bell's number; cheap enough to poll. */
  @Get('mine/unread-count')
  async unread(@CurrentPrincipal() p: Principal) {
    return { unread: await this.notices.unreadCount(this.dataSource.manager, recipientIdsOf(p)) };
  }
}
