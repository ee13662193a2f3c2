import 'reflect-metadata';
import { startHybridService } from '@filing/messaging';
import { AppModule } from './app.module';

startHybridService(AppModule, {
  name: 'notification',
  title: 'Notification service',
  description: 'Tells each person what awaits them: the console inbox, e-mail over SMTP and SMS through the province gateway.',
  port: 3006,
}).catch((err) => {
  process.stderr.write(`notification failed to start: ${err.stack ?? err}\n`);
  process.exit(1);
});
