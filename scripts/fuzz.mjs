// `node scripts/fuzz.mjs TARGET SECONDS [extra libFuzzer flags…]`: runs one cargo-fuzz target for SECONDS
// (niced, one job), seeding its corpus from crate/tests/data first, and prints the executions.
// `node scripts/fuzz.mjs --seed` only writes the seed corpora. Targets and findings: fuzz/README.md.
// `ZCK_FUZZ_SURFACE=N node scripts/fuzz.mjs surface_pinned SECONDS`: one of the five APIs of `surfaces` alone.
//
// Needs cargo-fuzz (`cargo install cargo-fuzz`). The toolchain is stable; cargo-fuzz needs nightly flags
// (-Zsanitizer, -Cpasses=sancov…), so it runs with RUSTC_BOOTSTRAP=1. No sanitizer (the crate forbids unsafe
// code) and with debug assertions, so integer overflow panics as it does under `cargo test`.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { ROOT, ENV } from './lib.mjs';

const DATA = join(ROOT, 'crate', 'tests', 'data');
const FUZZ = join(ROOT, 'fuzz');
export const TARGETS = ['connection_config', 'mapping', 'mapping_json', 'deluge', 'deluge_small_stack', 'explain', 'data_center', 'live_test', 'surfaces', 'surface_pinned'];
/** Largest input per target: 16 KiB, but 1 MiB where depth is the point (issue 12 item 3). */
const MAX_LEN = { deluge_small_stack: 1 << 20 };

const json = (p) => JSON.parse(readFileSync(join(DATA, p), 'utf8'));
const text = (v) => (typeof v === 'string' ? v : JSON.stringify(v));
const u16le = (n) => Buffer.from([n & 0xff, (n >> 8) & 0xff]);
/** One selector byte, then the text (the `live_test` and `surfaces` harnesses read byte 0 as a choice). */
const selected = (byte, body) => Buffer.concat([Buffer.from([byte]), Buffer.from(body)]);

/** Seed inputs per target, from the table-driven test data. */
function seeds() {
  const apply = json('mapping/apply.json');
  const validate = json('mapping/validate.json');
  const corpusDir = join(DATA, 'deluge', 'corpus');
  return {
    connection_config: json('connections/cases.json').map((c) => text(c.config)),
    mapping: [...apply, ...validate].map((c) => JSON.stringify({ crm: c.crm, mapping: c.mapping, records: c.records ?? [] })),
    // The records alone, for the reader of `apply_mapping_to_json` (keys a…j are the ones its harness maps).
    mapping_json: [...apply.map((c) => JSON.stringify(c.records ?? [])), readFileSync(join(DATA, 'fuzz-regressions', 'mapping_json-every-kind-of-value.json'), 'utf8')],
    deluge: [
      ...json('deluge/check.json').map((c) => c.text),
      ...json('deluge/format.json').flatMap((c) => [c.input, c.output]),
      ...json('deluge/corpus.json').flatMap((c) => (typeof c.text === 'string' ? [c.text] : [])),
      ...readdirSync(corpusDir).map((f) => readFileSync(join(corpusDir, f), 'utf8')),
    ],
    // The same texts, plus chains and nesting long enough to need the bound of the parser (issue 12 item 3).
    deluge_small_stack: [
      ...readdirSync(corpusDir).map((f) => readFileSync(join(corpusDir, f), 'utf8')),
      `a = 1${' + 1'.repeat(100000)};\ninfo a;\n`,
      `ok = true${' && x'.repeat(60000)};\n`,
      `v = m${'.get(1)'.repeat(60000)};\n`,
      `w = ${'('.repeat(50000)}1${')'.repeat(50000)};\n`,
      `${'if (x)\n{\n'.repeat(2000)}${'}\n'.repeat(2000)}`,
    ],
    explain: [
      ...json('errors/cases.json').map((c) => Buffer.concat([u16le(c.status ?? 0), Buffer.from(text(c.body ?? ''))])),
      ...json('token/responses.json').map((c) => Buffer.concat([u16le(c.input.status ?? 200), Buffer.from(JSON.stringify(c.input))])),
    ],
    data_center: [...json('detect.json').map((c) => c.input), ...json('auth.json').flatMap((c) => (c.input?.dataCenter ? [c.input.dataCenter] : []))],
    // Byte 0: bit 0 apiDomain, bit 1 dataCenter, bits 2-3 environment, bits 4-6 the mock's reply (harness `live_test`).
    live_test: [
      ...json('connection-test/api-domain-attacks.json').flatMap((c) => [0x01, 0x11, 0x41, 0x51, 0x61].map((b) => selected(b, c.input))),
      ...json('detect.json').flatMap((c) => [selected(0x02, c.input), selected(0x0a, c.input)]),
    ],
    // Byte 0 mod 5: checkThrottle, validateWebhook, generateInvokeUrl, generateRecordCall, buildCoql (harness `surfaces`).
    surfaces: [
      ...json('token/throttle.json').map((c) => selected(0, JSON.stringify(c.input))),
      ...json('mapping/webhook.json').map((c) => selected(1, JSON.stringify(c.input))),
      ...json('deluge/generate.json').map((c) => selected(2, JSON.stringify(c.spec))),
      ...json('deluge/record.json').map((c) => selected(3, JSON.stringify(c.spec))),
      ...[
        { select: ['Last_Name', 'Email'], from: 'Leads', where: "Lead_Source = 'Web'", limit: 200, dataCenter: 'jp', connection: 'zoho_crm' },
        { select: ['Amount'], from: 'Deals', where: "Amount between 100 and 500 and Stage = 'Won'", orderBy: ['Amount desc'], offset: 2000, dataCenter: 'eu', apiVersion: 'v8', connection: 'zoho_crm' },
        { select: ['Last_Name'], from: 'Contacts' },
      ].map((q) => selected(4, JSON.stringify(q))),
    ],
  };
}

function seed() {
  const all = seeds();
  // `surface_pinned` overwrites byte 0 with ZCK_FUZZ_SURFACE: the seeds of every API serve it.
  all.surface_pinned = all.surfaces;
  for (const [target, inputs] of Object.entries(all)) {
    const dir = join(FUZZ, 'corpus', target);
    mkdirSync(dir, { recursive: true });
    for (const input of inputs) {
      if (input === undefined || input === null) continue;
      const bytes = Buffer.isBuffer(input) ? input : Buffer.from(String(input));
      writeFileSync(join(dir, `seed-${createHash('sha1').update(bytes).digest('hex')}`), bytes);
    }
    console.log(`${target}: ${inputs.length} seeds`);
  }
}

const [target, seconds, ...extra] = process.argv.slice(2);
if (target === '--seed') {
  seed();
  process.exit(0);
}
if (!TARGETS.includes(target) || !(Number(seconds) > 0)) {
  console.error(`usage: node scripts/fuzz.mjs TARGET SECONDS [libFuzzer flags]\n  targets: ${TARGETS.join(', ')}\n  node scripts/fuzz.mjs --seed`);
  process.exit(2);
}
seed();
const args = ['-n', '15', 'cargo', 'fuzz', 'run', '--sanitizer', 'none', '--debug-assertions', target, join('corpus', target), '--',
  `-max_total_time=${seconds}`, '-timeout=10', '-rss_limit_mb=2048', `-max_len=${MAX_LEN[target] ?? 16384}`, '-print_final_stats=1',
  // One child process at a time that keeps going after a crash, so a run always lasts SECONDS and finds them all.
  '-fork=1', '-ignore_crashes=1', '-ignore_timeouts=1', '-ignore_ooms=1', ...extra];
const child = spawn('nice', args, { cwd: FUZZ, env: { ...ENV, RUSTC_BOOTSTRAP: '1' }, stdio: ['ignore', 'inherit', 'pipe'] });
let tail = '';
child.stderr.on('data', (d) => {
  process.stderr.write(d);
  tail = (tail + d.toString()).slice(-20000);
});
child.on('close', (code) => {
  // Fork mode prints `#N: cov: … crash: a/b/c`; a plain run prints its final stats.
  const forkLines = [...tail.matchAll(/#(\d+): cov: .*?oom\/timeout\/crash: (\d+)\/(\d+)\/(\d+)/g)];
  const last = forkLines.at(-1);
  const stat = tail.match(/stat::number_of_executed_units:\s*(\d+)/);
  const runs = last ? last[1] : stat ? stat[1] : '?';
  const problems = last ? Number(last[2]) + Number(last[3]) + Number(last[4]) : /ERROR: libFuzzer|panicked at|deadly signal/.test(tail) ? 1 : 0;
  console.log(`\nfuzz ${target}: ${runs} executions in ${seconds} s; ${problems ? `${problems} crash/timeout/oom (see fuzz/artifacts/${target}/)` : 'no crash'}; exit ${code}`);
  process.exit(code ?? 1);
});
