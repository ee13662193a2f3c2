// The processes of a local platform: every service, plus one city review instance (长春, 220100).
'use strict';
module.exports = [
  { name: 'intake', dir: 'intake', port: 3001, env: {} },
  { name: 'review-220000', dir: 'review', port: 3002, env: { REVIEW_JURISDICTION: '220000', REVIEW_CITY_INSTANCES: '220100' } },
  { name: 'review-220100', dir: 'review', port: 3012, env: { REVIEW_JURISDICTION: '220100' } },
  { name: 'expert-pool', dir: 'expert-pool', port: 3003, env: {} },
  { name: 'assessment', dir: 'assessment', port: 3004, env: {} },
  { name: 'publication', dir: 'publication', port: 3005, env: {} },
];
