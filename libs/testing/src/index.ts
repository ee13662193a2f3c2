export * from './kafka.helpers';
export * from './service-process';
export * from './wait-for';
