// Verifies the hash-chained audit log of intake and names the first broken entry.
//   node -r @swc-node/register services/intake/src/audit/verify-audit.cli.ts      (DATABASE_URL picks the database)
// Exit codes: 0 the chain holds, 1 it is broken (the first broken entry is named), 2 the check could not run.
import { runVerifyAuditCli } from '@filing/audit';

runVerifyAuditCli('intake', /^intake$/);
