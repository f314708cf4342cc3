// A deck never reads or publishes a file from outside its project: the five
// escapes found by a test against bad decks (an absolute image path, a ..
// that climbs out, an image symlink to /etc/shadow, a theme path outside,
// a slide file that is a symlink to /etc/passwd), a theme whose url() leaves
// the project, and raw HTML / Mermaid images. Each fails with file:line and
// writes nothing; no byte of the outside file reaches dist/, the single file
// or the PDF. A symlink whose target is inside still works, and the dev
// server refuses what the build refuses.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/deckPage.ts';

const SECRET = '/etc/passwd';
const secret = readFileSync(SECRET);
/** A line of the secret file that no deck output would hold by chance. */
const secretLine =
  secret
    .toString('utf8')
    .split('\n')
    .find((l) => l.startsWith('root:')) ?? 'root:x:0:0';
const FRONT = '---\ntitle: 逃逸\n---\n\n';
let work: string;

function run(args: string[]): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, ['src/cli/bin.mjs', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
}

/** Every file below `p` (or `p` itself). */
function filesUnder(p: string): string[] {
  if (!existsSync(p)) return [];
  if (!statSync(p).isDirectory()) return [p];
  return readdirSync(p).flatMap((n) => filesUnder(path.join(p, n)));
}

function leaks(p: string): string[] {
  return filesUnder(p).filter((f) => readFileSync(f).toString('latin1').includes(secretLine));
}

interface Escape {
  name: string;
  /** Makes the deck in `dir`; returns the message expected (file:line: error: …). */
  make: (dir: string) => Promise<RegExp>;
}

const escapes: Escape[] = [
  {
    name: 'an absolute image path: ![x](/etc/passwd)',
    make: async (dir) => {
      await writeFile(path.join(dir, '01.md'), `${FRONT}## 图\n\n![x](/etc/passwd)\n`);
      return /01\.md:7: error: image \/etc\/passwd lies outside the deck's folders.*copy the file into assets\//;
    },
  },
  {
    name: 'a .. that climbs out: ![x](../../../../../../../../etc/passwd)',
    make: async (dir) => {
      await writeFile(path.join(dir, '01.md'), `${FRONT}## 图\n\n![x](../../../../../../../../../../etc/passwd)\n`);
      return /01\.md:7: error: image \.\.\/.*etc\/passwd lies outside the deck's folders/;
    },
  },
  {
    name: 'an image that is a symlink to a file outside',
    make: async (dir) => {
      await writeFile(path.join(dir, '01.md'), `${FRONT}## 图\n\n![x](./pic.png)\n`);
      await symlink(SECRET, path.join(dir, 'pic.png'));
      return /01\.md:7: error: image \.\/pic\.png lies outside the deck's folders \(it leads to \/etc\/passwd\)/;
    },
  },
  {
    name: 'a theme path outside the project',
    make: async (dir) => {
      const evil = path.join(dir, '..', 'evil.css');
      await writeFile(evil, `/* ${secretLine} */ body { color: red; }\n`);
      await writeFile(path.join(dir, '01.md'), `---\ntitle: 逃逸\ntheme: ${path.relative(process.cwd(), evil)}\n---\n\n## 页\n`);
      return /01\.md:3: error: theme \.\.\/.*evil\.css lies outside the deck's folders/;
    },
  },
  {
    name: 'a theme path that is not a theme name nor a .css file',
    make: async (dir) => {
      await writeFile(path.join(dir, '01.md'), `---\ntitle: 逃逸\ntheme: ../../../../../../../tmp/evil\n---\n\n## 页\n`);
      return /01\.md:3: error: theme "\.\.\/.*tmp\/evil" is neither a theme name \(known: institute/;
    },
  },
  {
    name: 'a theme inside the project whose url() leads outside',
    make: async (dir) => {
      await writeFile(path.join(dir, '01.md'), `---\ntitle: 逃逸\ntheme: tests/fixtures/escape/evil-url.css\n---\n\n## 页\n`);
      return /tests\/fixtures\/escape\/evil-url\.css:1: error: file \.\.\/.*etc\/passwd lies outside the deck's folders/;
    },
  },
  {
    name: 'a slide file that is a symlink to /etc/passwd',
    make: async (dir) => {
      await writeFile(path.join(dir, '00.md'), `${FRONT}## 页\n`);
      await symlink(SECRET, path.join(dir, '01-passwd.md'));
      return /01-passwd\.md:1: error: this slide file .* lies outside the deck's folders \(it leads to \/etc\/passwd\)/;
    },
  },
  {
    name: 'raw HTML <img src="/etc/passwd">',
    make: async (dir) => {
      await writeFile(path.join(dir, '01.md'), `${FRONT}## 图\n\n<img src="/etc/passwd">\n`);
      return /01\.md:7: error: image \/etc\/passwd lies outside/;
    },
  },
  {
    name: 'a Mermaid image: A@{ img: "/etc/passwd" }',
    make: async (dir) => {
      await writeFile(
        path.join(dir, '01.md'),
        `${FRONT}## 图\n\n\`\`\`mermaid\nflowchart LR\n  A@{ img: "/etc/passwd", label: "x" }\n\`\`\`\n`,
      );
      return /01\.md:9: error: image \/etc\/passwd lies outside/;
    },
  },
];

beforeAll(async () => {
  work = await tempDir('contain');
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe.each(escapes)('$name', (escape) => {
  it('build, single-file build and export fail with file:line and write no byte of it', async () => {
    const dir = path.join(work, `deck-${escapes.indexOf(escape)}`);
    await mkdir(dir);
    const says = await escape.make(dir);
    const outs = {
      dist: path.join(dir, '..', `dist-${escapes.indexOf(escape)}`),
      single: path.join(dir, '..', `single-${escapes.indexOf(escape)}`),
      pdf: path.join(dir, '..', `deck-${escapes.indexOf(escape)}.pdf`),
    };
    for (const [args, out] of [
      [['build', '--slides', dir, '--out', outs.dist], outs.dist],
      [['build', '--single', '--slides', dir, '--out', outs.single], outs.single],
      [['export', '--slides', dir, '--out', outs.pdf], outs.pdf],
    ] as const) {
      const r = run([...args]);
      expect(r.out).toMatch(says);
      expect(r.out).not.toMatch(/^\s+at /m);
      expect(r.code).toBe(1);
      expect(leaks(out)).toEqual([]);
    }
  });
});

describe('a symlink whose target lies inside', () => {
  it('still works: the picture it leads to is built into dist/', async () => {
    const dir = path.join(work, 'inside');
    await mkdir(path.join(dir, 'real'), { recursive: true });
    // A 1×1 PNG.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    await writeFile(path.join(dir, 'real', 'pic.png'), png);
    await symlink('real/pic.png', path.join(dir, 'pic.png'));
    await writeFile(path.join(dir, '01.md'), `${FRONT}## 图\n\n![x](./pic.png)\n`);
    const out = path.join(work, 'inside-dist');
    const r = run(['build', '--slides', dir, '--out', out]);
    expect(r.code).toBe(0);
    const assets = readdirSync(path.join(out, 'assets')).filter((n) => n.endsWith('pic.png'));
    expect(assets).toHaveLength(1);
    expect(readFileSync(path.join(out, 'assets', assets[0])).equals(png)).toBe(true);
  });
});

describe('raw errors, now with file:line', () => {
  it('a folder named x.md', async () => {
    const dir = path.join(work, 'folder-md');
    await mkdir(path.join(dir, 'x.md'), { recursive: true });
    await writeFile(path.join(dir, '00.md'), `${FRONT}## 页\n`);
    const r = run(['build', '--slides', dir, '--out', path.join(work, 'folder-md-dist')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/folder-md\/x\.md:1: error: this is a folder, not a slide file/);
    expect(r.out).not.toMatch(/EISDIR/);
  });

  it('a YAML alias bomb in front matter', async () => {
    const dir = path.join(work, 'bomb');
    await mkdir(dir);
    const lines = ['---', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    let prev = 'a';
    for (const n of 'bcdefghi') {
      lines.push(`${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]`);
      prev = n;
    }
    await writeFile(path.join(dir, '00.md'), [...lines, '---', '', '## 页', ''].join('\n'));
    const r = run(['build', '--slides', dir, '--out', path.join(work, 'bomb-dist')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/bomb\/00\.md:2: error: invalid front matter: too many aliases/);
    expect(r.out).not.toMatch(/Excessive alias count/);
  });
});

describe('the dev server', () => {
  it('answers 403 for a symlink in the slides folder that leads outside, and serves the slides', async () => {
    const dir = path.join(work, 'dev');
    await mkdir(dir);
    await writeFile(path.join(dir, '00.md'), `${FRONT}## 页\n`);
    await symlink(SECRET, path.join(dir, '01-passwd.md.txt'));
    const port = 5483;
    const dev = spawn(process.execPath, ['src/cli/bin.mjs', 'dev', '--slides', dir, '--port', String(port)], { stdio: 'ignore' });
    try {
      const get = (p: string) =>
        fetch(`http://localhost:${port}${p}`).then(
          async (r) => ({ status: r.status, text: await r.text() }),
          () => undefined,
        );
      let page;
      for (let i = 0; i < 200 && !page; i++) {
        page = await get('/');
        if (!page) await sleep(100);
      }
      expect(page?.status).toBe(200);
      expect(page?.text).toContain('Content-Security-Policy');
      const leaked = await get(`/@fs${dir}/01-passwd.md.txt?raw`);
      expect(leaked?.status).toBe(403);
      expect(leaked?.text).not.toContain(secretLine);
      expect((await get(`/@fs${dir}/00.md?raw`))?.status).toBe(200);
    } finally {
      dev.kill('SIGTERM');
    }
  });
});
