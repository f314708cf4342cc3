// One command line: every command says a mistake the same way, through the
// one parser (src/process/args.ts), and takes --slides, --debug and --help.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const commands: [string, string[]][] = [
  ['dev', ['src/cli/bin.mjs', 'dev']],
  ['build', ['src/cli/bin.mjs', 'build']],
  ['export', ['src/cli/bin.mjs', 'export']],
  ['check', ['src/cli/bin.mjs', 'check']],
  ['bench', ['--import', 'tsx', 'src/bench/main.ts']],
];

const run = (args: string[]) => spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000 });

describe.each(commands)('%s', (name, base) => {
  it('an unknown option: "unknown option --x (see --help)", exit 1', () => {
    const r = run([...base, '--bogus']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(new RegExp(`^(iur-deck ${name}|${name}): unknown option --bogus \\(see --help\\)$`));
  });

  it('--help lists --slides and --debug, and exits 0', () => {
    const r = run([...base, '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/--slides DIR/);
    expect(r.stdout).toMatch(/--debug/);
  });
});

describe('--slides given a file', () => {
  it('says it is a file and a folder is expected', () => {
    const r = run(['src/cli/bin.mjs', 'build', '--slides', 'tests/fixtures/basic/01-intro.md', '--out', 'dist-never']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /01-intro\.md: error: this is a file, not a folder: --slides takes the folder that holds the \.md files \(--slides tests\/fixtures\/basic\)/,
    );
  });
});
