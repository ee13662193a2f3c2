import 'reflect-metadata';
import { startHybridService } from '@filing/messaging';
import { AppModule } from './app.module';

startHybridService(AppModule, {
  name: 'assessment',
  title: 'Assessment service',
  description: 'Evaluation standards, score sheets, veto items and the three opinions (初评/技术评估/综合技术评估意见).',
  port: 3004,
}).catch((err) => {
  process.stderr.write(`assessment failed to start: ${err.stack ?? err}\n`);
  process.exit(1);
});
