import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@filing/auth';
import { Clock, NotFound } from '@filing/runtime';
import { recipientIdsOf } from '../../domain/recipients';
import { NotificationRepository } from '../../infrastructure/notification.repository';
import { noticeView } from '../../queries/list-mine/list-mine.controller';

/** Marks one of the caller's notices read (again is fine), or all of them; another person's notice is not found. */
@Injectable()
export class MarkReadHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notices: NotificationRepository,
    private readonly clock: Clock,
  ) {}

  async one(id: string, p: Principal) {
    return this.dataSource.transaction(async (m) => {
      const n = await this.notices.noticeFor(m, id, recipientIdsOf(p));
      if (!n) throw new NotFound({ code: 'NOTICE_NOT_FOUND', message: `未找到通知 ${id}`, id });
      if (!n.readAt) {
        n.readAt = this.clock.now();
        await this.notices.markRead(m, [id], n.readAt);
      }
      return noticeView(n);
    });
  }

  async all(p: Principal) {
    return this.dataSource.transaction(async (m) => {
      const ids = await this.notices.unreadIdsFor(m, recipientIdsOf(p));
      const marked = await this.notices.markRead(m, ids, this.clock.now());
      return { marked, unread: 0 };
    });
  }
}
