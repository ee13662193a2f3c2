import { Injectable } from '@nestjs/common';
import { intEnv } from './config';

/**
 * Time as the procedure sees it. Production uses the system clock. In test and demo mode (CLOCK_MODE=controllable,
 * refused when NODE_ENV=production) an operator can move time forward, so a five-working-day notice can be run
 * through in seconds.
 */
export abstract class Clock {
  abstract now(): Date;
  /** Today's calendar date in China (Asia/Shanghai), as YYYY-MM-DD. */
  today(): string {
    return chinaDate(this.now());
  }
}

export function chinaDate(d: Date): string {
  // China has no daylight saving time: UTC+8 all year.
  return new Date(d.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

@Injectable()
export class ControllableClock extends Clock {
  /** CLOCK_OFFSET_MS starts the clock that far from real time: processes started with one offset share one "now". */
  private offsetMs = intEnv('CLOCK_OFFSET_MS', 0);

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Sets the clock to an instant; time keeps running from there. */
  set(instant: Date): void {
    this.offsetMs = instant.getTime() - Date.now();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export function clockIsControllable(): boolean {
  const mode = process.env.CLOCK_MODE ?? 'system';
  if (mode === 'system') return false;
  if (mode !== 'controllable') throw new Error(`configuration: CLOCK_MODE must be system or controllable, got "${mode}"`);
  if (process.env.NODE_ENV === 'production') throw new Error('configuration: CLOCK_MODE=controllable is refused when NODE_ENV=production');
  return true;
}
