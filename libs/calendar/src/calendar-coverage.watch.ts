import { Gauge } from 'prom-client';
import { Clock, HealthRegistry, metricsRegistry } from '@filing/runtime';
import { calendarCoverage } from './calendar-coverage';
import { WorkingDayCalendar } from './working-day-calendar';

let source: (() => Promise<number>) | undefined;

const daysLeft = new Gauge({
  name: 'filing_calendar_days_left',
  help: 'Days until the working-day calendar data ends (alert from 60: load the next year at publication)',
  registers: [metricsRegistry],
  async collect() {
    if (source) this.set(await source());
  },
});

/**
 * Reports how far the working-day calendar reaches: the `calendar` check (in /health/ready's body, not affecting
 * readiness) fails with what to do from 60 days before the data ends, and `filing_calendar_days_left` says how many
 * days are left. `calendar` reads the service's current calendar (official data plus loaded overrides).
 */
export function watchCalendarCoverage(health: HealthRegistry, clock: Clock, calendar: () => Promise<WorkingDayCalendar>): void {
  const coverage = async () => calendarCoverage(await calendar(), clock.today());
  source = async () => (await coverage()).daysLeft;
  void daysLeft;
  health.register(
    'calendar',
    async () => {
      const c = await coverage();
      return c.warning ? { ok: false, detail: c.warning } : { ok: true, detail: `covered until ${c.coveredUntil} (${c.daysLeft} days)` };
    },
    { affectsReadiness: false },
  );
}
