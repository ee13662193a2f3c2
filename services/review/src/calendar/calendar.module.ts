import { Module } from '@nestjs/common';
import { CalendarOverrideRepository } from './infrastructure/calendar-override.repository';
import { RecordCalendarOverridesHandler } from './commands/record-calendar-overrides/record-calendar-overrides.handler';
import { RecordCalendarOverridesMessageController } from './commands/record-calendar-overrides/record-calendar-overrides.message-controller';

/** Review's copy of the working-day calendar overrides loaded at publication; StageDeadlines reads it. */
@Module({ controllers: [RecordCalendarOverridesMessageController], providers: [RecordCalendarOverridesHandler, CalendarOverrideRepository] })
export class CalendarModule {}
