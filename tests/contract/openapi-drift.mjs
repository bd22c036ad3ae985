#!/usr/bin/env node
// Contract drift test: the set of "METHOD /path" routes that the server has
// (`opennrm routes`) must equal the operations in docs/api/openapi.yaml.
//
// Usage: node openapi-drift.mjs [SERVER_BINARY]
//   SERVER_BINARY  defaults to <repo>/build/opennrm
//   OPENAPI_FILE   (env) another document to compare, e.g. a modified copy
//
// Exit status: 0 no drift, 1 drift, 2 the check could not run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const binary = path.resolve(process.argv[2] || path.join(repoRoot, 'build', 'opennrm'));
const docFile = path.resolve(process.env.OPENAPI_FILE || path.join(repoRoot, 'docs', 'api', 'openapi.yaml'));

// The HTTP methods an OpenAPI 3.1 path item may hold as operations.
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function fail(message) {
  console.error(`openapi-drift: ${message}`);
  process.exit(2);
}

// Routes of the server, as printed by `opennrm routes -c CONFIG` run from the
// repository root (so that it finds data/), against a throw-away data dir.
function serverRoutes() {
  if (!fs.existsSync(binary)) fail(`no server binary at ${binary} (build it, or pass its path)`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'opennrm-drift-'));
  try {
    const config = path.join(tmp, 'opennrm.toml');
    fs.writeFileSync(
      config,
      `[storage]\ndata_dir = ${JSON.stringify(path.join(tmp, 'data'))}\n` +
        `[security]\nmaster_key_file = ${JSON.stringify(path.join(tmp, 'keys', 'master.key'))}\n`,
    );
    // OPENNRM_* variables override the configuration file; keep them out.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OPENNRM_')));
    let out;
    try {
      out = execFileSync(binary, ['routes', '-c', config], {
        cwd: repoRoot,
        env,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 120_000,
      });
    } catch (e) {
      fail(`\`${binary} routes -c ${config}\` failed (${e.status ?? e.signal ?? e.code}):\n${e.stderr || e.message}`);
    }
    const routes = [];
    for (const line of out.split('\n').map((l) => l.trim()).filter(Boolean)) {
      const m = /^([A-Z]+) (\/\S*)$/.exec(line);
      if (!m) fail(`unexpected line from \`routes\`: ${JSON.stringify(line)}`);
      routes.push(`${m[1]} ${m[2]}`);
    }
    if (routes.length === 0) fail('`routes` listed no route');
    return routes;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// Operations of the document: every path × HTTP method (not `parameters`,
// `servers`, `summary`, ... of a path item).
function documentRoutes() {
  let doc;
  try {
    doc = YAML.parse(fs.readFileSync(docFile, 'utf8'));
  } catch (e) {
    fail(`cannot read ${docFile}: ${e.message}`);
  }
  if (!doc || typeof doc.paths !== 'object' || doc.paths === null) fail(`${docFile} has no paths`);
  const routes = [];
  const paths = Object.keys(doc.paths);
  for (const [p, item] of Object.entries(doc.paths)) {
    if (item && item.$ref) fail(`path ${p} is a $ref; the drift test reads inline path items only`);
    for (const method of METHODS) {
      if (item && item[method]) routes.push(`${method.toUpperCase()} ${p}`);
    }
  }
  return { routes, paths: paths.length };
}

function duplicates(list) {
  return [...new Set(list.filter((x, i) => list.indexOf(x) !== i))];
}

const server = serverRoutes();
const { routes: documented, paths: pathCount } = documentRoutes();
const serverSet = new Set(server);
const docSet = new Set(documented);
const undocumented = server.filter((r) => !docSet.has(r));
const unserved = documented.filter((r) => !serverSet.has(r));
const dup = duplicates(server);

// Paths inside the repository relative to its root, others absolute.
const rel = (f) => {
  const r = path.relative(repoRoot, f);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : f;
};
if (dup.length) {
  console.log(`Registered more than once in the server: ${dup.join(', ')}`);
}
if (undocumented.length || unserved.length || dup.length) {
  if (undocumented.length) {
    console.log(`Routes the server has but ${rel(docFile)} lacks (${undocumented.length}):`);
    for (const r of undocumented) console.log(`  - ${r}`);
  }
  if (unserved.length) {
    console.log(`Operations ${rel(docFile)} documents but the server lacks (${unserved.length}):`);
    for (const r of unserved) console.log(`  - ${r}`);
  }
  console.log(`openapi-drift: DRIFT between ${rel(binary)} and ${rel(docFile)}`);
  process.exit(1);
}
console.log(
  `openapi-drift: OK: ${serverSet.size} routes, the same in ${rel(binary)} and ${rel(docFile)} ` +
    `(${pathCount} paths)`,
);
