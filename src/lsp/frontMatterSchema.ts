// The JSON schema of a slide file's front matter, made from the one list of
// keys the parser checks against (src/deck/frontMatterKeys.ts), so YAML tools
// (the YAML language server, yamllint with a schema, an editor's own YAML
// mode) check it too. The schema is committed as frontMatter.schema.json
// beside this file; `npm run -s lsp -- --schema` prints it as made now, and a
// unit test keeps the committed one equal to it.
import { FRONT_MATTER_KEYS, KIND_WORDS, type FrontMatterKey } from '../deck/frontMatterKeys.ts';

export const SCHEMA_FILE = 'src/lsp/frontMatter.schema.json';

function property(key: FrontMatterKey): Record<string, unknown> {
  const where = key.scope === 'deck' ? 'Deck key (first file only).' : 'Part key (any file).';
  const description = `${key.doc} ${where}${key.default ? ` Default: ${key.default}.` : ''}`;
  switch (key.kind) {
    case 'minutes':
      return { description, type: 'number', exclusiveMinimum: 0 };
    case 'keywords':
      return { description, anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'string' }] };
    default:
      // A number or a date is taken as written (`date: 2021-09-17`, `marker: 1`).
      return { description, type: ['string', 'number'], ...(key.default ? { default: key.default } : {}) };
  }
}

export function frontMatterSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'iur-deck slide file front matter',
    description: `The YAML between the first two --- lines of a slide file. Values: ${Object.values(KIND_WORDS).join(', ')}.`,
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(FRONT_MATTER_KEYS.map((k) => [k.name, property(k)])),
  };
}

/** The schema as the committed file holds it. */
export function frontMatterSchemaText(): string {
  return `${JSON.stringify(frontMatterSchema(), null, 2)}\n`;
}
