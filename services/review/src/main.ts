import 'reflect-metadata';
import { startHybridService } from '@filing/messaging';
import { AppModule } from './app.module';
import { reviewInstance } from './infrastructure/review.config';

startHybridService(AppModule, {
  name: `review-${reviewInstance.jurisdiction}`,
  title: `Review service (${reviewInstance.jurisdiction})`,
  description: 'Cases and their lifecycle: acceptance, re-checks (复核), returns (退回), approvals (审定).',
  port: reviewInstance.isProvince ? 3002 : 3012,
}).catch((err) => {
  process.stderr.write(`review failed to start: ${err.stack ?? err}\n`);
  process.exit(1);
});
