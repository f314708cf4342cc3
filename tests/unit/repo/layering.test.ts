// The layering rules of src/ (.dependency-cruiser.cjs), run by dependency-cruiser
// as `npm test` runs: no import circle, imports pointing down the layers (the
// model below the page, markdown below deck, browser below export, files and
// process at the bottom, the command line at the top, tools out of the
// product), the page and Node meeting only in shared/, no export format
// importing another. And the rules themselves checked on a small tree of bad
// imports, so they cannot pass by matching nothing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise as depcruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const config = path.join(root, '.dependency-cruiser.cjs');

/**
 * Runs dependency-cruiser on `dir`/src with the project's rules, as its command line does (the
 * options and the tsconfig they name, the err-long report) but in this process: two runs of the
 * command line cost the unit tests 3 s more. Its report and exit code.
 */
async function cruise(dir: string): Promise<{ code: number | null; report: string }> {
  const options = await extractDepcruiseOptions(config);
  const tsConfig = options.tsConfig?.fileName === undefined ? undefined : extractTSConfig(options.tsConfig.fileName);
  const result = await depcruise(['src'], { ...options, baseDir: dir, outputType: 'err-long' }, {}, { tsConfig });
  return { code: result.exitCode, report: typeof result.output === 'string' ? result.output : JSON.stringify(result.output) };
}

describe('the layering of src/ (dependency-cruiser)', () => {
  it('keeps every rule', async () => {
    const { code, report } = await cruise(root);
    // On failure the message is dependency-cruiser's: each broken rule, the import, and why the rule is there.
    expect(code, report).toBe(0);
    expect(report).toMatch(/no dependency violations found/);
  });

  describe('catches what it is for', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'iur-layering-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    };
    write('src/export/contract.ts', 'export const CONTRACT = 1;\n');
    write('src/export/pdf/renderPdf.ts', "import { CONTRACT } from '../contract.ts';\nexport const PDF = CONTRACT;\n");
    write('src/export/pptx/renderPptx.ts', "import { PDF } from '../pdf/renderPdf.ts';\nexport const PPTX = PDF;\n");
    write(
      'src/export/handout/handout.ts',
      "import { PDF } from '../pdf/renderPdf.ts';\nimport { PPTX } from '../pptx/renderPptx.ts';\nexport const H = PDF + PPTX;\n",
    );
    write('src/deck/model.ts', "import { CONTRACT } from '../export/contract.ts';\nexport const M = CONTRACT;\n");
    write('src/shared/problem.ts', 'export interface Problem { message: string }\n');
    write(
      'src/client/page.ts',
      "import { readFileSync } from 'node:fs';\nimport { PDF } from '../export/pdf/renderPdf.ts';\nimport type { M } from '../deck/model.ts';\nimport type { Problem } from '../shared/problem.ts';\nexport const P: typeof M = PDF + readFileSync.length;\nexport type Q = Problem;\n",
    );
    write('src/bench/a.ts', "import { B } from './b.ts';\nexport const A = 1 + B;\n");
    write('src/bench/b.ts', "import type { A } from './a.ts';\nexport const B = 2;\nexport type T = typeof A;\n");
    // One bad import per folder-level rule.
    write('src/deck/outline.ts', "export const OUTLINE = '<!--outline-->';\n");
    write('src/markdown/rules/layouts.ts', "import { OUTLINE } from '../../deck/outline.ts';\nexport const L = OUTLINE;\n");
    write('src/export/errors.ts', 'export class BrowserCrashError extends Error {}\n');
    write('src/browser/launch.ts', "import { BrowserCrashError } from '../export/errors.ts';\nexport const E = BrowserCrashError;\n");
    write('src/project/jsonFile.ts', "import { E } from '../browser/launch.ts';\nexport const J = E;\n");
    write('src/project/paths.ts', "export const ROOT = '/';\n");
    write('src/process/temporaries.ts', "import { ROOT } from '../project/paths.ts';\nexport const T = ROOT;\n");
    write('src/cli/args.ts', 'export const ARGS = 1;\n');
    write('src/export/args.ts', "import { ARGS } from '../cli/args.ts';\nexport const X = ARGS;\n");
    write('src/shots/main.ts', 'export const SHOT = 1;\n');
    write(
      'src/render/html.ts',
      "import { SHOT } from '../shots/main.ts';\nimport { P } from '../client/page.ts';\nexport const H = SHOT + P;\n",
    );
    write(
      'src/shared/words.ts',
      "import { readFileSync } from 'node:fs';\nimport { M } from '../deck/model.ts';\nexport const W = readFileSync.length + M;\n",
    );
    let code: number | null = null;
    let report = '';
    beforeAll(async () => ({ code, report } = await cruise(dir)));

    it('fails, naming the broken rules', () => {
      expect(code).not.toBe(0);
    });
    it.each([
      ['no-format-imports-another', 'src/export/pptx/renderPptx.ts → src/export/pdf/renderPdf.ts'],
      ['handout-is-a-pdf-client', 'src/export/handout/handout.ts → src/export/pptx/renderPptx.ts'],
      ['model-stays-below-the-page', 'src/deck/model.ts → src/export/contract.ts'],
      ['client-no-node-builtins', 'src/client/page.ts → fs'],
      ['client-only-on-shared', 'src/client/page.ts → src/export/pdf/renderPdf.ts'],
      ['client-only-on-shared', 'src/client/page.ts → src/deck/model.ts'],
      ['node-never-imports-the-page', 'src/render/html.ts → src/client/page.ts'],
      ['shared-stands-alone', 'src/shared/words.ts → src/deck/model.ts'],
      ['shared-no-node-builtins', 'src/shared/words.ts → fs'],
      ['markdown-below-deck', 'src/markdown/rules/layouts.ts → src/deck/outline.ts'],
      ['browser-below-export', 'src/browser/launch.ts → src/export/errors.ts'],
      ['files-and-process-at-the-bottom', 'src/project/jsonFile.ts → src/browser/launch.ts'],
      ['process-below-project', 'src/process/temporaries.ts → src/project/paths.ts'],
      ['cli-at-the-top', 'src/export/args.ts → src/cli/args.ts'],
      ['tools-out-of-the-product', 'src/render/html.ts → src/shots/main.ts'],
      ['no-circular', 'src/bench/a.ts → \n      src/bench/b.ts'],
    ])('%s', (rule, edge) => {
      expect(report).toContain(`error ${rule}: ${edge}`);
    });
    it('lets a handout use the PDF writer, and the page take a type from shared/', () => {
      expect(report).not.toContain('src/export/handout/handout.ts → src/export/pdf/renderPdf.ts');
      expect(report).not.toContain('src/client/page.ts → src/shared/problem.ts');
    });
  });
});
