import { DOMParser as XmlDomParser } from '@xmldom/xmldom';
import type { ImportIssue } from '../../../src/io/importResult';

// XML in and out for GEXF and GraphML. The graphology parsers read a
// Document from @xmldom/xmldom (their Node entry, which also runs in the
// browser); xmldom forgives broken XML by default, so we parse it ourselves,
// strictly, and hand the parsers a Document only when the file is sound.

export type XmlParseResult = { ok: true; document: Document } | { ok: false; issue: ImportIssue };

type NativeParser = new () => { parseFromString(text: string, type: 'application/xml'): Document };

// The messages xmldom gives, in words a person understands; others are shown as they are.
const XML_PROBLEMS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/unexpected end of input/i, () => 'het bestand houdt onverwacht op'],
  [/unclosed xml attribute/i, () => 'een element of attribuut wordt niet afgesloten'],
  [
    /end tag name: (\S+) is not match the current start tagName:(\S+)/i,
    (m) => `de sluittag </${m[1]}> past niet bij <${m[2]}>`,
  ],
  [/entity not found:\s*(\S+)/i, (m) => `onbekende entiteit ${m[1]}`],
  [/attribute (\S+) redefined/i, (m) => `attribuut ${m[1]} staat dubbel in één element`],
  [
    /attribute "?(.*?)"? missed quot/i,
    (m) => `attribuutwaarde ${m[1]} staat niet tussen aanhalingstekens`,
  ],
  [/invalid doc source/i, () => 'het bestand is leeg'],
  // What xmldom says when elements are left open at the end, as in a cut-off file.
  [
    /Only one element can be added/i,
    () => 'de elementen sluiten niet goed af (ontbreekt het einde van het bestand?)',
  ],
];

function dutchXmlProblem(detail: string): string {
  for (const [pattern, say] of XML_PROBLEMS) {
    const match = pattern.exec(detail);
    if (match) return say(match);
  }
  return detail;
}

const issue = (message: string): XmlParseResult => ({
  ok: false,
  issue: { where: 'het bestand', message, path: [] },
});

/**
 * Parse `text` as XML whose root element is `rootName`. A document type
 * declaration is refused outright: GEXF and GraphML never need one, and
 * entity declarations are how XML files exhaust memory or reach for files.
 * Where the platform has a DOMParser (the browser) it checks well-formedness
 * first, since it is stricter than xmldom; `nativeParser` replaces it in tests.
 */
export function parseXmlDocument(
  text: string,
  rootName: string,
  formatLabel: string,
  nativeParser: NativeParser | undefined = (globalThis as { DOMParser?: NativeParser }).DOMParser,
): XmlParseResult {
  const body = text.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE|<!ENTITY/i.test(body))
    return issue(
      `bevat een DOCTYPE- of ENTITY-declaratie. Een ${formatLabel}-bestand heeft die niet nodig; Netwerkkaart leest zulke bestanden niet, omdat ze de browser kunnen laten vastlopen.`,
    );
  if (nativeParser) {
    const native = new nativeParser().parseFromString(body, 'application/xml');
    const error = native.getElementsByTagName('parsererror')[0];
    if (error) {
      const detail = (error.textContent ?? '').trim().split('\n')[0]?.slice(0, 200) ?? '';
      return issue(`is geen geldige XML${detail ? ` (${detail})` : ''}. Is het bestand volledig?`);
    }
  }
  // xmldom reports unclosed tags and unquoted attributes only as warnings,
  // so every level counts; the most severe one is shown.
  const problems: { severity: number; message: string }[] = [];
  const collect = (severity: number) => (message: string) => problems.push({ severity, message });
  let document: Document | undefined;
  try {
    document = new XmlDomParser({
      locator: {},
      errorHandler: { warning: collect(0), error: collect(1), fatalError: collect(2) },
    }).parseFromString(body, 'application/xml');
  } catch (error) {
    collect(2)(error instanceof Error ? error.message : String(error));
  }
  if (problems.length) {
    const worst = problems.reduce((a, b) => (b.severity > a.severity ? b : a)).message;
    const position = /line:(\d+),col:(\d+)/.exec(worst);
    const detail = worst
      .replace(/^\[xmldom \w+\]\s*/, '')
      .replace(/\s*@#\[.*$/s, '')
      .trim();
    const where = position ? ` op regel ${position[1]}, kolom ${position[2]}` : '';
    return issue(
      `is geen geldige XML${where}: ${dutchXmlProblem(detail)}. Controleer of het bestand volledig is en alle elementen gesloten zijn.`,
    );
  }
  const root = document?.documentElement;
  if (!document || !root) return issue(`is leeg of geen XML; verwacht een ${formatLabel}-bestand.`);
  const localName = root.localName ?? root.tagName;
  if (localName.toLowerCase() !== rootName)
    return issue(
      `begint met <${root.tagName}>; een ${formatLabel}-bestand begint met <${rootName}>.`,
    );
  if (!document.getElementsByTagName('graph')[0])
    return issue(`bevat geen <graph>-element; verwacht een ${formatLabel}-netwerk.`);
  return { ok: true, document };
}

// XML 1.0 cannot hold these characters at all, not even as &#...; references.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text that XML can carry: characters XML 1.0 forbids are dropped. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Escape for element content; \r as a reference, since parsers turn a bare one into \n. */
export function escapeXmlText(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Escape for an attribute value; whitespace as references, since parsers normalise it to spaces. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

export const xmlErrorMessage = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).replace(/^graphology-\w+\/\w+: /, '');

/**
 * Problems the graphology parsers would only throw about, or silently merge:
 * nodes without an id or with the same id, edges with the same id, and edges
 * to nodes that are not in the file.
 */
export function graphStructureIssues(document: Document): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const nodeIds = new Set<string>();
  const nodes = document.getElementsByTagName('node');
  for (let i = 0; i < nodes.length; i++) {
    const id = nodes[i]?.getAttribute('id');
    if (!id)
      issues.push({ where: `knoop ${i + 1}`, message: 'heeft geen id.', path: ['nodes', i] });
    else if (nodeIds.has(id))
      issues.push({
        where: `knoop ${i + 1} (id "${id}")`,
        message: 'heeft dezelfde id als een eerdere knoop; elke id moet uniek zijn.',
        path: ['nodes', i],
      });
    else nodeIds.add(id);
  }
  const edgeIds = new Set<string>();
  const edges = document.getElementsByTagName('edge');
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i];
    const id = edge?.getAttribute('id');
    const source = edge?.getAttribute('source') ?? '';
    const target = edge?.getAttribute('target') ?? '';
    const where = `verbinding ${i + 1} (${source || '?'} → ${target || '?'})`;
    if (id) {
      if (edgeIds.has(id))
        issues.push({
          where,
          message: `heeft dezelfde id "${id}" als een eerdere verbinding.`,
          path: ['edges', i],
        });
      edgeIds.add(id);
    }
    for (const [end, word] of [
      [source, 'source'],
      [target, 'target'],
    ] as const) {
      if (!end) issues.push({ where, message: `heeft geen "${word}".`, path: ['edges', i, word] });
      else if (!nodeIds.has(end))
        issues.push({
          where,
          message: `verwijst naar knoop "${end}", die niet in het bestand staat.`,
          path: ['edges', i, word],
        });
    }
  }
  return issues;
}
