import 'reflect-metadata';
import { startHybridService } from '@filing/messaging';
import { AppModule } from './app.module';

startHybridService(AppModule, {
  name: 'publication',
  title: 'Publication service',
  description: 'Public notices (公示), objections (异议), filing notices (备案通知), the register and the national feed.',
  port: 3005,
}).catch((err) => {
  process.stderr.write(`publication failed to start: ${err.stack ?? err}\n`);
  process.exit(1);
});
