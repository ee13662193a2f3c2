import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { InvalidCalendarDateError, parseCalendarDate } from '@filing/calendar';
import { Events, Role } from '@filing/contracts';
import { OutboxWriter } from '@filing/messaging';
import { Clock, InvalidCommand } from '@filing/runtime';
import { CalendarRepository } from '../../infrastructure/calendar.repository';
import { LoadCalendarOverridesRequest } from './load-calendar-overrides.request';

/**
 * An administrator loads a year's holiday arrangement (放假调休, for a year chinese-days lacks) or corrects single days:
 * the year's overrides are replaced, review is told through the outbox (it counts stage limits on its own copy), and
 * the load is audited, in one transaction.
 */
@Injectable()
export class LoadCalendarOverridesHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CalendarRepository,
    private readonly clock: Clock,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditLog,
  ) {}

  async load(body: LoadCalendarOverridesRequest, principal: Principal) {
    const seen = new Set<string>();
    for (const d of body.days) {
      try {
        if (parseCalendarDate(d.date).year !== body.year) throw new InvalidCommand(`days: ${d.date} is not in ${body.year}`);
      } catch (err) {
        if (err instanceof InvalidCalendarDateError) throw new InvalidCommand(`days: ${err.message}`);
        throw err;
      }
      if (seen.has(d.date)) throw new InvalidCommand(`days: ${d.date} is listed twice`);
      seen.add(d.date);
    }
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await this.calendars.replaceYear(
        manager,
        body.year,
        body.days.map((d) => ({ date: d.date, kind: d.kind, note: [d.note, body.source].filter(Boolean).join(' · ') || null })),
        principal.sub,
        now,
      );
      await this.outbox.add(manager, Events.calendarOverridesLoaded, {
        year: body.year,
        days: body.days.map((d) => ({ date: d.date, kind: d.kind })),
        loadedBy: { subject: principal.sub, role: 'admin' satisfies Role, jurisdiction: principal.jurisdiction },
        loadedAt: now.toISOString(),
      });
      await this.audit.append(manager, {
        jurisdiction: principal.jurisdiction,
        action: 'calendar-overrides-loaded',
        actor: principalActor(principal, 'admin'),
        at: now.toISOString(),
        reason: body.source ?? null,
        details: { year: body.year, days: body.days.map((d) => ({ date: d.date, kind: d.kind })) },
      });
    });
    const calendar = await this.calendars.calendar();
    return { year: body.year, days: body.days.length, coveredYears: calendar.coveredYears() };
  }
}
