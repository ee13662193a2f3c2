export * from './kafka.helpers';
export * from './service-process';
export * from './wait-for';
export * from './keycloak';
export * from './in-process';
export * from './http';
export * from './mail-catcher';
export * from './sms-gateway';
