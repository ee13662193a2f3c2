import { Module } from '@nestjs/common';
import { RecordCalendarOverridesMessageController } from './commands/record-calendar-overrides/record-calendar-overrides.message-controller';

/** Review's copy of the working-day calendar overrides loaded at publication; StageDeadlines reads it. */
@Module({ controllers: [RecordCalendarOverridesMessageController] })
export class CalendarModule {}
