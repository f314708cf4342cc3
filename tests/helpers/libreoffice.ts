// LibreOffice Impress as the tests' real PowerPoint client: a fontconfig file
// of its own (a chosen Chinese sans standing in for Microsoft YaHei, as a
// receiver's PC supplies one), a plain conversion to PDF (several files in
// one run), and its own Python API (python3-uno) against one headless soffice
// that is ended, with its children, when done: edits (tests/helpers/loEdit.py)
// and the animations as Impress reads them (loAnimations.py).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A fontconfig setup: the system's, extra font folders, and `family` standing in for `typeface` (`more`: further typeface → family pairs). */
export async function fontConfig(
  into: string,
  name: string,
  typeface: string,
  family: string,
  dirs: string[] = [],
  more: Record<string, string> = {},
): Promise<string> {
  const aliases = Object.entries({ [typeface]: family, ...more }).map(
    ([face, stand]) => `  <alias binding="same"><family>${face}</family><prefer><family>${stand}</family></prefer></alias>`,
  );
  const file = path.join(into, `${name}.conf`);
  await writeFile(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${dirs.map((d) => `  <dir>${d}</dir>`).join('\n')}
  <cachedir>${path.join(into, `${name}-cache`)}</cachedir>
${aliases.join('\n')}
</fontconfig>
`,
  );
  return file;
}

/** soffice --convert-to pdf with a profile and fonts of its own (no clash with a running soffice): one run for all the files. */
export function convertToPdf(files: string | string[], outDir: string, fontsConf: string, profile: string): void {
  const list = typeof files === 'string' ? [files] : files;
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...list], {
    env: { ...process.env, FONTCONFIG_FILE: fontsConf },
    stdio: 'ignore',
    timeout: 170_000 * list.length,
  });
}

/** The system Python, which has LibreOffice's uno module (python3-uno); a pyenv python3 on PATH may not. */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** One headless soffice (its own profile and fonts) and a python3-uno script of this folder against it; soffice and its children end with it. */
async function unoRun(
  script: string,
  args: string[],
  fontsConf: string,
  profile: string,
): Promise<{ code: number | null; stderr: string }> {
  const pipe = `iur-${process.pid}-${Date.now()}`;
  const office = spawn(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--invisible', '--norestore', `--accept=pipe,name=${pipe};urp;`],
    {
      env: { ...process.env, FONTCONFIG_FILE: fontsConf },
      stdio: 'ignore',
      detached: true,
    },
  );
  try {
    return await new Promise((resolve) => {
      const py = spawn(PYTHON, [path.join(import.meta.dirname, script), pipe, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      py.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => py.kill(), 240_000);
      py.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stderr });
      });
    });
  } finally {
    // soffice (a script) starts soffice.bin in its process group: end the group we started.
    if (office.pid !== undefined) {
      try {
        process.kill(-office.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
}

/**
 * The file as exported and each edit of loEdit.py, rendered to
 * `outDir/<edit>.pdf`; what each edit did. LibreOffice 7.4 now and then falls
 * over closing a document it was driven through: a fresh soffice then does
 * the edits not yet rendered (at most twice).
 */
export async function editAndRender(file: string, outDir: string, fontsConf: string, profile: string): Promise<Record<string, unknown>> {
  let last = { code: null as number | null, stderr: '' };
  for (let attempt = 0; attempt < 3; attempt++) {
    last = await unoRun('loEdit.py', [file, outDir], fontsConf, profile);
    if (last.code === 0) break;
  }
  if (last.code !== 0) throw new Error(`loEdit.py exited with ${last.code}: ${last.stderr.trim()}`);
  const report: Record<string, unknown> = {};
  for (const name of (await readdir(outDir)).filter((n) => n.endsWith('.json'))) {
    report[name.slice(0, -5)] = JSON.parse(await readFile(path.join(outDir, name), 'utf8')) as unknown;
  }
  return report;
}

/** A shape as LibreOffice Impress opened it (tests/helpers/loShapes.py): an embedded formula with its StarMath text. */
export interface LoShape {
  type: string;
  text: string;
  clsid?: string;
  formula?: string;
}

/** Every slide's shapes as LibreOffice Impress opens the file, through its own API. */
export async function loShapes(file: string, outJson: string, fontsConf: string, profile: string): Promise<LoShape[][]> {
  const run = await unoRun('loShapes.py', [file, outJson], fontsConf, profile);
  if (run.code !== 0) throw new Error(`loShapes.py exited with ${run.code}: ${run.stderr.trim()}`);
  return JSON.parse(await readFile(outJson, 'utf8')) as LoShape[][];
}

/** One effect as LibreOffice reads it (loAnimations.py): preset, class (1: entrance), trigger (1: on click, 2: with previous, 3: after previous), target. */
export interface LoEffect {
  shape: string | null;
  paragraph: number | null;
  preset: string;
  class: number;
  trigger: number;
  begin: number | null;
}

/** Each slide's main sequence as LibreOffice Impress reads the file: its groups of effects, in order. */
export async function loAnimations(file: string, fontsConf: string, profile: string): Promise<{ slide: number; groups: LoEffect[][] }[]> {
  const out = `${file}.animations.json`;
  const { code, stderr } = await unoRun('loAnimations.py', [file, out], fontsConf, profile);
  if (code !== 0) throw new Error(`loAnimations.py exited with ${code}: ${stderr.trim()}`);
  return JSON.parse(await readFile(out, 'utf8')) as { slide: number; groups: LoEffect[][] }[];
}
