// The processes of a local platform: every service, plus one city review instance (长春, 220100).
// PORT_OFFSET shifts every port, so two platforms (e.g. two checkouts) can run side by side on one machine.
'use strict';
const OFFSET = Number(process.env.PORT_OFFSET ?? 0);
if (!Number.isInteger(OFFSET) || OFFSET < 0 || OFFSET > 60000) throw new Error(`PORT_OFFSET must be a whole number of ports, got ${process.env.PORT_OFFSET}`);
module.exports = [
  { name: 'intake', dir: 'intake', port: 3001, env: {} },
  { name: 'review-220000', dir: 'review', port: 3002, env: { REVIEW_JURISDICTION: '220000', REVIEW_CITY_INSTANCES: '220100' } },
  { name: 'review-220100', dir: 'review', port: 3012, env: { REVIEW_JURISDICTION: '220100' } },
  { name: 'expert-pool', dir: 'expert-pool', port: 3003, env: {} },
  { name: 'assessment', dir: 'assessment', port: 3004, env: {} },
  { name: 'publication', dir: 'publication', port: 3005, env: {} },
  { name: 'notification', dir: 'notification', port: 3006, env: {} },
  // basePort: the port without the local offset, as a cluster runs it (deploy/ is generated from it).
].map((s) => ({ ...s, basePort: s.port, port: s.port + OFFSET }));
