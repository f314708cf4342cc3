// BudouX's phrase parser with its Simplified Chinese model, and nothing else
// of the package. `import 'budoux'` also loads BudouX's HTML processor, and
// with it linkedom: about 500 modules and 0.3 s of CPU at every start of
// build, check, export and dev, for a feature we do not use. The package
// exports only its index, so the two files wanted are required by path from
// its own folder, when the first Chinese text asks for them.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Parser } from 'budoux';

let parser: Parser | undefined;

/** The CommonJS build of the package (its "require" export): parser.js and the models sit beside index.js. */
function distDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve('budoux'));
}

/** The installed BudouX's version (its package.json is not exported either). */
export function budouxVersion(): string {
  const require = createRequire(import.meta.url);
  return (require(path.join(distDir(), '..', 'package.json')) as { version: string }).version;
}

/** The parser for Simplified Chinese, made on first use. */
export function simplifiedChineseParser(): Parser {
  if (parser) return parser;
  const require = createRequire(import.meta.url);
  const dist = distDir();
  const { Parser: ParserClass } = require(path.join(dist, 'parser.js')) as { Parser: typeof Parser };
  const { model } = require(path.join(dist, 'data', 'models', 'zh-hans.js')) as { model: ConstructorParameters<typeof Parser>[0] };
  parser = new ParserClass(model);
  return parser;
}
