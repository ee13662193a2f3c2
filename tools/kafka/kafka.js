#!/usr/bin/env node
// Usage: npm run kafka -- <fetch|start|stop|status|topics> [--port N] [--controller-port N] [--data-dir DIR]
'use strict';
const broker = require('./broker');

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port') opts.port = Number(argv[++i]);
    else if (a === '--controller-port') opts.controllerPort = Number(argv[++i]);
    else if (a === '--data-dir') opts.dataDir = argv[++i];
    else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

async function main() {
  const [cmd, ...rest] = process.argv.slice(2);
  const opts = parseArgs(rest);
  const external = broker.brokersFromEnv();
  switch (cmd) {
    case 'fetch':
      broker.fetchJars(broker.settings(opts));
      break;
    case 'start': {
      if (external) {
        console.log(`KAFKA_BROKERS is set (${external.join(',')}); using that cluster, not starting one`);
        await broker.waitForMetadata(external);
        break;
      }
      const r = await broker.start(opts);
      console.log(`${r.startedNow ? 'started' : 'already running'}: ${r.brokers.join(',')} pid ${r.pid}`);
      break;
    }
    case 'stop':
      await broker.stop(opts);
      break;
    case 'status': {
      const brokers = external ?? broker.settings(opts).brokers;
      const ok = await broker.answersMetadata(brokers);
      console.log(`${brokers.join(',')}: ${ok ? 'answers metadata' : 'not reachable'}`);
      process.exitCode = ok ? 0 : 1;
      break;
    }
    case 'topics': {
      const brokers = external ?? broker.settings(opts).brokers;
      const r = await broker.createTopics(brokers, broker.catalogueTopics());
      console.log(`topics: ${r.created.length} created, ${r.existing} already there`);
      break;
    }
    default:
      console.error('usage: kafka.js <fetch|start|stop|status|topics> [--port N] [--controller-port N] [--data-dir DIR]');
      process.exitCode = 2;
  }
}

main().catch((err) => {
  console.error(`[kafka] ${err.message}`);
  process.exit(1);
});
