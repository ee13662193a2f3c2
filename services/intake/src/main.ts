import 'reflect-metadata';
import { startHybridService } from '@filing/messaging';
import { AppModule } from './app.module';

startHybridService(AppModule, {
  name: 'intake',
  title: 'Intake service',
  description: 'Applications for filing (机构申报), applicants, occupations and materials.',
  port: 3001,
}).catch((err) => {
  process.stderr.write(`intake failed to start: ${err.stack ?? err}\n`);
  process.exit(1);
});
