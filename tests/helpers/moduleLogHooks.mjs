// Loader hooks for moduleLog.mjs: appends the URL of every module resolved
// through import (ESM, and the CommonJS packages import reaches) to the log file.
import { appendFileSync } from 'node:fs';

/** @type {string} */
let file = '';

/** @param {{ file: string }} data */
export function initialize(data) {
  file = data.file;
}

/**
 * @param {string} specifier
 * @param {unknown} context
 * @param {(specifier: string, context: unknown) => Promise<{ url: string }>} next
 */
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(file, `${resolved.url}\n`);
  return resolved;
}
