import { DOMImplementation } from '@xmldom/xmldom';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { describeNonXmlChar, firstNonXmlChar, isXmlText } from '../domain/xmlText';
import type { ImportIssue } from './importResult';
import { positionAt } from './textPosition';

// XML in and out for GEXF and GraphML. The file is read by saxes, a strict
// XML 1.0 parser with namespaces that runs in a worker as well as on the page
// and in linear time, and stops at the first thing that is not well-formed,
// saying where. The graphology parsers want a DOM Document, which is built
// from saxes's events with xmldom's DOM (xmldom's own parser forgives broken
// XML and takes quadratic time on a file that is cut off, so it is not used).
//
// Before saxes, one pass over the text finds what saxes would locate badly:
// characters no text may hold (saxes misreads a lone surrogate) and a `&`
// that starts no reference (saxes looks for the `;` up to the end of the
// file and reports the error there).

export type XmlParseResult = { ok: true; document: Document } | { ok: false; issue: ImportIssue };

function refusal(message: string, text?: string, offset?: number): XmlParseResult {
  if (text === undefined || offset === undefined)
    return { ok: false, issue: { where: 'het bestand', message, path: [] } };
  const position = positionAt(text, offset);
  return {
    ok: false,
    issue: {
      where: 'het bestand',
      message: `is geen geldige XML op regel ${position.line}, kolom ${position.column}: ${message}`,
      path: [],
      position,
    },
  };
}

const PREDEFINED_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
// Places where `&` is plain text, each with what ends it.
const RAW_SECTIONS: [string, string][] = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
];

/** The first `&` outside comments, CDATA and processing instructions that is not a valid reference. */
function badReference(text: string): { offset: number; message: string } | undefined {
  const starts = /&|<!--|<!\[CDATA\[|<\?/g;
  for (let match = starts.exec(text); match; match = starts.exec(text)) {
    const found = match[0];
    if (found !== '&') {
      const end = text.indexOf(RAW_SECTIONS.find(([open]) => open === found)![1], match.index);
      // Unclosed: saxes says so, at the end of the file.
      if (end < 0) return undefined;
      starts.lastIndex = end;
      continue;
    }
    const reference = /^&(#x[0-9a-fA-F]+|#[0-9]+|[^\s&;<>"']*);/.exec(
      text.slice(match.index, match.index + 40),
    );
    const name = reference?.[1];
    if (name === undefined || name === '')
      return {
        offset: match.index,
        message:
          'een losse & die geen verwijzing begint. Schrijf een & in tekst als &amp; (en < als &lt;).',
      };
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (code > 0x10ffff || !isXmlText(String.fromCodePoint(code)))
        return {
          offset: match.index,
          message: `de verwijzing &${name}; staat voor ${code > 0x10ffff ? 'een teken dat niet bestaat' : describeNonXmlChar(code)}, dat niet in XML kan staan.`,
        };
    } else if (!PREDEFINED_ENTITIES.has(name))
      return {
        offset: match.index,
        message: `onbekende entiteit &${name};. XML kent alleen &amp;, &lt;, &gt;, &quot; en &apos;; schrijf een & als &amp;.`,
      };
  }
  return undefined;
}

interface OpenElement {
  name: string;
  offset: number;
}

/** saxes's message in Dutch plain words, with what is open where that helps. */
function explainSaxes(
  detail: string,
  text: string,
  offset: number,
  open: readonly OpenElement[],
  lastClosed: OpenElement | undefined,
): { message: string; offset: number } {
  const top = open[open.length - 1];
  const openedAt = (element: OpenElement) => `regel ${positionAt(text, element.offset).line}`;
  if (/^unclosed tag: /.test(detail) && top)
    return {
      message: `het bestand houdt op terwijl <${top.name}> (geopend op ${openedAt(top)}) nog open is. Is het bestand volledig?`,
      // Where the file ends: that is where something is missing.
      offset: text.length,
    };
  if (/unexpected close tag|unmatched closing tag/.test(detail)) {
    const start = text.lastIndexOf('</', offset);
    const name = /^<\/([^\s>]*)/.exec(text.slice(start, start + 200))?.[1] ?? '';
    const unclosed = /unexpected/.test(detail) ? lastClosed : undefined;
    return {
      message: unclosed
        ? `de sluittag </${name}> past niet bij <${unclosed.name}> (geopend op ${openedAt(unclosed)}). Ontbreekt daar </${unclosed.name}>?`
        : `de sluittag </${name}> sluit niets dat open is.`,
      offset: start >= 0 ? start : offset,
    };
  }
  const char = text[offset] ?? '';
  const plain: [RegExp, string][] = [
    [/^unexpected end/, 'het bestand houdt onverwacht op. Is het bestand volledig?'],
    [/^duplicate attribute: (.+)\.$/, 'attribuut $1 staat dubbel in één element.'],
    [
      /unquoted attribute value|value must be quoted/,
      'een attribuutwaarde staat niet tussen aanhalingstekens.',
    ],
    [/attribute without value|value required/, 'een attribuut heeft geen waarde (naam="waarde").'],
    [/no whitespace between attributes/, 'er ontbreekt een spatie tussen twee attributen.'],
    [
      /^unbound namespace prefix: "(.*)"\.$/,
      'het voorvoegsel "$1" is nergens gedeclareerd (xmlns:$1="…" ontbreekt).',
    ],
    [/only one root/, 'na het hoofdelement begint een tweede; een XML-bestand heeft er één.'],
    [/text data outside of root node/, 'tekst buiten het hoofdelement.'],
    [/must contain a root element/, 'het bestand bevat geen XML-element.'],
    [/malformed comment/, 'commentaar mag geen -- bevatten en eindigt met -->.'],
    [/"\]\]>" is disallowed/, 'de tekens ]]> mogen niet zo in tekst staan; schrijf ]]&gt;.'],
    [
      /XML declaration|version number|standalone|encoding|expected the name|expected one of/,
      'de XML-declaratie (<?xml …?>) klopt niet.',
    ],
    [
      /malformed character entity/,
      'een tekenverwijzing (&#…;) staat voor een teken dat niet in XML kan staan.',
    ],
    [/entity/, 'een entiteit (&…;) die XML niet kent; schrijf een & als &amp;.'],
    [/doctype/i, 'een DOCTYPE staat op een plaats waar hij niet mag.'],
  ];
  for (const [pattern, message] of plain) {
    const match = pattern.exec(detail);
    if (match) return { message: message.replace(/\$1/g, match[1] ?? ''), offset };
  }
  if (/disallowed character/.test(detail)) {
    const shown =
      char === '<'
        ? "'<' (schrijf &lt;)"
        : char.trim() === ''
          ? 'een spatie of regelovergang'
          : `'${char}'`;
    return {
      message: `hier mag ${shown} niet staan${/attribute name/.test(detail) ? ' (in de naam van een attribuut)' : /tag name|closing tag/.test(detail) ? ' (in de naam van een element)' : ''}.`,
      offset,
    };
  }
  // saxes's words are English; what it found is said by the place.
  return { message: 'de opbouw van de XML klopt hier niet.', offset };
}

/**
 * Parse `text` as XML whose root element is `rootName`, strictly: the first
 * thing that is not well-formed XML 1.0 (with namespaces) refuses the file,
 * located by line and column. A document type declaration is refused
 * outright: GEXF and GraphML never need one, and entity declarations are how
 * XML files exhaust memory or reach for files.
 */
export function parseXmlDocument(
  text: string,
  rootName: string,
  formatLabel: string,
): XmlParseResult {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return refusal(`is leeg; verwacht een ${formatLabel}-bestand.`);
  const doctype = /<!DOCTYPE|<!ENTITY/i.exec(body);
  if (doctype)
    return refusal(
      `bevat een DOCTYPE- of ENTITY-declaratie. Een ${formatLabel}-bestand heeft die niet nodig; Netwerkkaart leest zulke bestanden niet, omdat ze de browser kunnen laten vastlopen.`,
      body,
      doctype.index,
    );
  const bad = firstNonXmlChar(body);
  if (bad)
    return refusal(
      `bevat ${describeNonXmlChar(bad.codePoint)}, dat niet in een tekst mag staan.`,
      body,
      bad.index,
    );
  const reference = badReference(body);
  if (reference) return refusal(reference.message, body, reference.offset);

  const parser = new SaxesParser({ xmlns: true });
  const dom = new DOMImplementation();
  let document: Document | undefined;
  const elements: Element[] = [];
  const open: OpenElement[] = [];
  let failure: { detail: string; offset: number } | undefined;
  parser.on('error', (error) => {
    failure ??= {
      detail: error.message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, ''),
      // saxes has read the character that is wrong; at the end, the end.
      offset: Math.max(0, Math.min(parser.position - 1, body.length)),
    };
    // Stop at the first error: what saxes reads after it is guesswork.
    throw error;
  });
  parser.on('opentagstart', (tag) => {
    open.push({ name: tag.name, offset: Math.max(0, parser.position - tag.name.length - 1) });
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    let element: Element;
    if (!document) {
      document = dom.createDocument(tag.uri || null, tag.name, null) as unknown as Document;
      element = document.documentElement;
    } else {
      element = document.createElementNS(tag.uri || null, tag.name);
      elements[elements.length - 1]!.appendChild(element);
    }
    for (const attribute of Object.values(tag.attributes))
      element.setAttributeNS(attribute.uri || null, attribute.name, attribute.value);
    if (tag.isSelfClosing) open.pop();
    else elements.push(element);
  });
  // saxes closes the element that is open before it complains that a close
  // tag does not match it: that element is the one to name.
  let lastClosed: OpenElement | undefined;
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) {
      elements.pop();
      lastClosed = open.pop();
    }
  });
  const addText = (value: string) => {
    const parent = elements[elements.length - 1];
    if (parent && document) parent.appendChild(document.createTextNode(value));
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(body).close();
  } catch (error) {
    if (!failure) throw error;
  }
  if (failure) {
    const { message, offset } = explainSaxes(
      failure.detail,
      body,
      failure.offset,
      open,
      lastClosed,
    );
    return refusal(message, body, offset);
  }
  const root = document?.documentElement;
  if (!document || !root)
    return refusal(`is leeg of geen XML; verwacht een ${formatLabel}-bestand.`);
  const localName = root.localName ?? root.tagName;
  if (localName.toLowerCase() !== rootName)
    return refusal(
      `begint met <${root.tagName}>; een ${formatLabel}-bestand begint met <${rootName}>.`,
    );
  if (!document.getElementsByTagName('graph')[0])
    return refusal(`bevat geen <graph>-element; verwacht een ${formatLabel}-netwerk.`);
  return { ok: true, document };
}

// The XML text rule lives in the domain, beside the schema that enforces it;
// the writers of this folder take it from here.
export { escapeXmlAttribute, escapeXmlText, xmlSafe } from '../domain/xmlText';

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
