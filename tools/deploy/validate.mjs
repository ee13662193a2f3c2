#!/usr/bin/env node
// Validates rendered Kubernetes manifests (multi-document YAML, from the files given or stdin) against the
// Kubernetes schemas of the `kubernetes-models` package, looked up by apiVersion/kind, and Strimzi KafkaTopics and
// KafkaUsers against tools/deploy/kafka-topic.schema.json and kafka-user.schema.json. An apiVersion/kind with no schema is an error, not a pass.
//   kubectl kustomize deploy/overlays/province | node tools/deploy/validate.mjs
// Prints a JSON report ({ resources, invalid: [{ apiVersion, kind, name, errors }] }) and exits 1 if anything is invalid.
// ESM because kubernetes-models ships only ES modules; the Jest spec runs this script as a child process.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseAllDocuments } from 'yaml';

const require = createRequire(import.meta.url);
const Ajv = require('ajv');

const ajv = new Ajv({ allErrors: true, strict: false });
const validateKafkaTopic = ajv.compile(JSON.parse(readFileSync(new URL('./kafka-topic.schema.json', import.meta.url), 'utf8')));
const validateKafkaUser = ajv.compile(JSON.parse(readFileSync(new URL('./kafka-user.schema.json', import.meta.url), 'utf8')));

async function kubernetesModel(apiVersion, kind) {
  // `apps/v1` → kubernetes-models/apps/v1/Deployment; the core group `v1` → kubernetes-models/v1/Service.
  if (!/^([a-z0-9.-]+\/)?v[0-9a-z]+$/.test(apiVersion ?? '') || !/^[A-Z][A-Za-z0-9]*$/.test(kind ?? '')) return undefined;
  try {
    const mod = await import(`kubernetes-models/${apiVersion}/${kind}`);
    return mod[kind];
  } catch {
    return undefined;
  }
}

async function errorsOf(doc) {
  if (!doc || typeof doc !== 'object') return ['not a Kubernetes object'];
  const { apiVersion, kind } = doc;
  if (apiVersion === 'kafka.strimzi.io/v1beta2' && kind === 'KafkaTopic') {
    return validateKafkaTopic(doc) ? [] : validateKafkaTopic.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
  }
  if (apiVersion === 'kafka.strimzi.io/v1beta2' && kind === 'KafkaUser') {
    return validateKafkaUser(doc) ? [] : validateKafkaUser.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
  }
  const Model = await kubernetesModel(apiVersion, kind);
  if (!Model) return [`no schema for apiVersion ${apiVersion} kind ${kind}`];
  if (!doc.metadata?.name) return ['metadata.name is missing'];
  try {
    new Model(doc).validate();
    return [];
  } catch (err) {
    return (err.errors ?? [{ instancePath: '', message: err.message }]).map((e) => `${e.instancePath || '/'} ${e.message}`);
  }
}

async function main() {
  const files = process.argv.slice(2);
  const text = files.length ? files.map((f) => readFileSync(f, 'utf8')).join('\n---\n') : readFileSync(0, 'utf8');
  const docs = parseAllDocuments(text)
    .map((d) => d.toJS())
    .filter((d) => d !== null && d !== undefined);
  const invalid = [];
  for (const doc of docs) {
    const errors = await errorsOf(doc);
    if (errors.length) invalid.push({ apiVersion: doc?.apiVersion, kind: doc?.kind, name: doc?.metadata?.name, errors });
  }
  process.stdout.write(`${JSON.stringify({ resources: docs.length, invalid }, null, 2)}\n`);
  if (invalid.length) process.exitCode = 1;
}

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exitCode = 2;
});
