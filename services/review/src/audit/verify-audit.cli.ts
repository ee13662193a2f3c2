// Verifies the hash-chained audit log of one review instance and names the first broken entry.
//   npm run -w @filing/review audit:verify                      (REVIEW_JURISDICTION picks the instance, 220000 by default)
//   node -r @swc-node/register services/review/src/audit/verify-audit.cli.ts [--schema review_220100]
// Exit codes: 0 the chain holds, 1 it is broken, 2 the check could not run.
import { runVerifyAuditCli } from '@filing/audit';

runVerifyAuditCli(`review_${process.env.REVIEW_JURISDICTION || '220000'}`, /^review_\d{6}$/);
