// A formula as PowerPoint's own equation: KaTeX's MathML of its TeX
// (src/markdown/math/katexRender.ts) converted to Office MathML by
// mathml2omml (its accents made Office's combining ones), set in Cambria
// Math (what PowerPoint sets equations in) at the run's size and colour,
// inside <a14:m> as PowerPoint writes it in a text paragraph; a display formula as an m:oMathPara of its own. A MathML element
// mathml2omml has no rule for (it says "Type not supported" and goes on,
// losing the structure) makes the conversion fail: the formula then goes in
// as a picture, and the export says so at its line.
import { mml2omml } from 'mathml2omml';
import { formulaMathml } from '../../markdown/math/katexRender.ts';

export const MATH_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/math';

export interface MathStyle {
  /** Font size, CSS px. */
  size: number;
  /** RRGGBB. */
  colour: string;
}

export type OmmlResult = { omml: string } | { error: string };

/** Runs mathml2omml, with what it would only print (elements it cannot convert) as the failure. */
function convert(mathml: string): { omml: string; unsupported: string[] } {
  const unsupported: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    const m = /^Type not supported: (.*)$/.exec(String(args[0]));
    if (m) unsupported.push(m[1]);
    else warn(...args);
  };
  try {
    return { omml: mml2omml(mathml), unsupported };
  } finally {
    console.warn = warn;
  }
}

/** The end of the element that starts at `at` (a start tag), by counting every tag's depth. */
function elementEnd(xml: string, at: number): number {
  const tags = /<(\/?)[\w:]+(?:\s[^>]*?)?(\/?)>/g;
  tags.lastIndex = at;
  let depth = 0;
  for (let t = tags.exec(xml); t; t = tags.exec(xml)) {
    if (!t[2]) depth += t[1] ? -1 : 1;
    if (depth === 0) return t.index + t[0].length;
  }
  return -1;
}

/**
 * A sum or integral (m:nary) takes the element after it as its operand: KaTeX's
 * MathML puts the operand beside the operator, and mathml2omml moves it in only
 * when it is an <mrow>, leaving PowerPoint an empty box to draw.
 */
export function fillNaryOperands(omml: string): string {
  let out = omml;
  for (let at = out.indexOf('<m:e/></m:nary>'); at >= 0; at = out.indexOf('<m:e/></m:nary>', at + 1)) {
    const next = at + '<m:e/></m:nary>'.length;
    if (!out.startsWith('<m:', next) || out.startsWith('</', next)) continue;
    const end = elementEnd(out, next);
    if (end < 0) break;
    out = `${out.slice(0, at)}<m:e>${out.slice(next, end)}</m:e></m:nary>${out.slice(end)}`;
  }
  return out;
}

/**
 * KaTeX writes a few accents as spacing characters (ˉ for \\bar); Office's own
 * accents are the combining ones, and LibreOffice reads an accent it does not
 * know as an acute (\\bar{x} came out as x́).
 */
const ACCENTS: Record<string, string> = {
  '\u02c9': '\u0304', // ˉ bar → combining macron
  '\u203e': '\u0305', // ‾ overline → combining overline
  '\u02ca': '\u0301', // ˊ acute → combining acute
  '\u02cb': '\u0300', // ˋ grave → combining grave
};

/** Each m:acc's character as Office writes it. */
export function officeAccents(omml: string): string {
  return omml.replace(/<m:accPr><m:chr m:val="([^"]*)"\/>/g, (tag, chr: string) =>
    ACCENTS[chr] ? `<m:accPr><m:chr m:val="${ACCENTS[chr]}"/>` : tag,
  );
}

/** The run properties of every math run: Cambria Math at the formula's size and colour. */
function runProps(style: MathStyle): string {
  const sz = Math.round(style.size * 0.75 * 100);
  return `<a:rPr lang="en-US" sz="${sz}" dirty="0"><a:solidFill><a:srgbClr val="${style.colour}"/></a:solidFill><a:latin typeface="Cambria Math" panose="02040503050406030204" pitchFamily="18" charset="0"/><a:ea typeface="Cambria Math" panose="02040503050406030204" pitchFamily="18" charset="0"/></a:rPr>`;
}

/** <a14:m> holding the formula's OMML, or why it could not be made. */
export function formulaOmml(tex: string, display: boolean, style: MathStyle): OmmlResult {
  let mathml: string;
  try {
    mathml = formulaMathml(tex, display);
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
  const { omml, unsupported } = convert(mathml);
  if (unsupported.length > 0) return { error: `PowerPoint's equations have nothing for ${[...new Set(unsupported)].join(', ')}` };
  const inner = /<m:oMath\b[^>]*>([\s\S]*)<\/m:oMath>/.exec(officeAccents(fillNaryOperands(omml)))?.[1];
  if (inner === undefined) return { error: 'the converter made no equation of it' };
  // PowerPoint's math runs carry DrawingML run properties, before their text.
  const body = inner.replace(/<m:t\b/g, `${runProps(style)}<m:t`).replace(/<m:ctrlPr\/>/g, `<m:ctrlPr>${runProps(style)}</m:ctrlPr>`);
  const math = display
    ? `<m:oMathPara xmlns:m="${MATH_NS}"><m:oMathParaPr><m:jc m:val="centerGroup"/></m:oMathParaPr><m:oMath>${body}</m:oMath></m:oMathPara>`
    : `<m:oMath xmlns:m="${MATH_NS}">${body}</m:oMath>`;
  return { omml: `<a14:m>${math}</a14:m>` };
}
