export * from './working-day-calendar';
export * from './calendar-coverage';
export * from './calendar-coverage.watch';
