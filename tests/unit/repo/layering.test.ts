// The layering rules of src/ (.dependency-cruiser.cjs), run by dependency-cruiser
// as `npm test` runs: no import circle, the model below the page, no Node in
// the client, no export format importing another. And the rules themselves
// checked on a small tree of bad imports, so they cannot pass by matching nothing.
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
    write('src/export/format.ts', 'export const CONTRACT = 1;\n');
    write('src/export/pdf/renderPdf.ts', "import { CONTRACT } from '../format.ts';\nexport const PDF = CONTRACT;\n");
    write('src/export/pptx/renderPptx.ts', "import { PDF } from '../pdf/renderPdf.ts';\nexport const PPTX = PDF;\n");
    write(
      'src/export/handout/handout.ts',
      "import { PDF } from '../pdf/renderPdf.ts';\nimport { PPTX } from '../pptx/renderPptx.ts';\nexport const H = PDF + PPTX;\n",
    );
    write('src/deck/model.ts', "import { CONTRACT } from '../export/format.ts';\nexport const M = CONTRACT;\n");
    write(
      'src/client/page.ts',
      "import { readFileSync } from 'node:fs';\nimport { PDF } from '../export/pdf/renderPdf.ts';\nimport type { M } from '../deck/model.ts';\nexport const P: typeof M = PDF + readFileSync.length;\n",
    );
    write('src/bench/a.ts', "import { B } from './b.ts';\nexport const A = 1 + B;\n");
    write('src/bench/b.ts', "import type { A } from './a.ts';\nexport const B = 2;\nexport type T = typeof A;\n");
    let code: number | null = null;
    let report = '';
    beforeAll(async () => ({ code, report } = await cruise(dir)));

    it('fails, naming the broken rules', () => {
      expect(code).not.toBe(0);
    });
    it.each([
      ['no-format-imports-another', 'src/export/pptx/renderPptx.ts → src/export/pdf/renderPdf.ts'],
      ['handout-is-a-pdf-client', 'src/export/handout/handout.ts → src/export/pptx/renderPptx.ts'],
      ['model-stays-below-the-page', 'src/deck/model.ts → src/export/format.ts'],
      ['client-no-node-builtins', 'src/client/page.ts → fs'],
      ['client-no-node-side-code', 'src/client/page.ts → src/export/pdf/renderPdf.ts'],
      ['no-circular', 'src/bench/a.ts → \n      src/bench/b.ts'],
    ])('%s', (rule, edge) => {
      expect(report).toContain(`error ${rule}: ${edge}`);
    });
    it('lets a handout use the PDF writer, and the client take a type from the model', () => {
      expect(report).not.toContain('src/export/handout/handout.ts → src/export/pdf/renderPdf.ts');
      expect(report).not.toContain('src/client/page.ts → src/deck/model.ts');
    });
  });
});
