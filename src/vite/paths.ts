// Where the project lives on disk, for the parts that find its files
// (client code, themes, caches) from any working directory.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
