// The front matter's JSON schema is made from the parser's one list of keys,
// and the committed file (src/lsp/frontMatter.schema.json) is what the
// generator makes now: after a change to the keys, write it again with
// `npm run -s lsp -- --schema > src/lsp/frontMatter.schema.json && npx prettier --write src/lsp/frontMatter.schema.json`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRONT_MATTER_KEYS } from '../../../src/deck/frontMatterKeys.ts';
import { frontMatterSchema, SCHEMA_FILE } from '../../../src/lsp/frontMatterSchema.ts';

const root = path.resolve(import.meta.dirname, '../../..');

describe('the front-matter schema', () => {
  it('is committed as the generator makes it now', () => {
    expect(JSON.parse(readFileSync(path.join(root, SCHEMA_FILE), 'utf8'))).toEqual(frontMatterSchema());
  });

  it("has every key of the parser's list and no other, each with its doc and kind", () => {
    const schema = frontMatterSchema() as {
      additionalProperties: boolean;
      properties: Record<string, { description: string; type?: unknown }>;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(FRONT_MATTER_KEYS.map((k) => k.name));
    expect(schema.properties.duration).toMatchObject({ type: 'number', exclusiveMinimum: 0 });
    expect(schema.properties.theme.description).toContain('themes/');
  });
});
