import { BadRequestException, Body, Controller, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AuditLog, principalActor } from '@filing/audit';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { InvalidCalendarDateError, parseCalendarDate } from '@filing/calendar';
import { Events, Role } from '@filing/contracts';
import { OutboxWriter } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { SCHEMA } from '../../../infrastructure/database';
import { CalendarRepository } from '../../calendar.repository';
import { LoadCalendarOverridesRequest } from './load-calendar-overrides.request';

/** An administrator loads a year's holiday arrangement (for a year chinese-days lacks) or corrects single days. */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar/overrides')
export class LoadCalendarOverridesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CalendarRepository,
    private readonly clock: Clock,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditLog,
  ) {}

  @Post()
  @Roles('admin')
  async load(@Body() body: LoadCalendarOverridesRequest, @CurrentPrincipal() principal: Principal) {
    const seen = new Set<string>();
    for (const d of body.days) {
      try {
        if (parseCalendarDate(d.date).year !== body.year) throw new BadRequestException(`days: ${d.date} is not in ${body.year}`);
      } catch (err) {
        if (err instanceof InvalidCalendarDateError) throw new BadRequestException(`days: ${err.message}`);
        throw err;
      }
      if (seen.has(d.date)) throw new BadRequestException(`days: ${d.date} is listed twice`);
      seen.add(d.date);
    }
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM ${SCHEMA}.calendar_override WHERE date >= $1 AND date <= $2`, [`${body.year}-01-01`, `${body.year}-12-31`]);
      for (const d of body.days) {
        await manager.query(`INSERT INTO ${SCHEMA}.calendar_override (date, kind, note, loaded_by, loaded_at) VALUES ($1, $2, $3, $4, $5)`, [
          d.date,
          d.kind,
          [d.note, body.source].filter(Boolean).join(' · ') || null,
          principal.sub,
          now,
        ]);
      }
      // Review counts its stage time limits on the same calendar; it keeps its own copy from this event.
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
