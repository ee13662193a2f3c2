import 'reflect-metadata';
import { startHybridService } from '@filing/messaging';
import { AppModule } from './app.module';

startHybridService(AppModule, {
  name: 'expert-pool',
  title: 'Expert pool service',
  description: 'Expert databases per level, the verifiable random draw (抽取), groups and leaders (组长).',
  port: 3003,
}).catch((err) => {
  process.stderr.write(`expert-pool failed to start: ${err.stack ?? err}\n`);
  process.exit(1);
});
