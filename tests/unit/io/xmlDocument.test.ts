import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type { Network } from '../../../src/domain/network';
import { exportGexf, importGexf } from '../../../src/io/gexfFormat';
import { exportGraphml, importGraphml } from '../../../src/io/graphmlFormat';
import { importJsonText } from '../../../src/io/importNetwork';
import { parseXmlDocument } from '../../../src/io/xmlDocument';
import { graphPicture } from '../../../src/render/graphPicture';
import { framedSvg } from '../../../src/render/picture';
import { estimateText } from '../../../src/render/shapes';
import { timed } from '../cpuTime';
import { sampleNetwork } from '../fixtures';

const national = JSON.parse(readFileSync('data/netwerkkaart-nl.json', 'utf8')) as Network;

const refusal = (text: string) => {
  const result = parseXmlDocument(text, 'graphml', 'GraphML');
  if (result.ok) throw new Error(`accepted: ${text}`);
  return result.issue;
};

/** Whether saxes alone, without our pass before it, finds the text well-formed. */
function saxesAccepts(text: string): boolean {
  const parser = new SaxesParser({ xmlns: true });
  let ok = true;
  parser.on('error', () => {
    ok = false;
  });
  parser.write(text).close();
  return ok;
}

describe('strict XML: refused where it breaks, in Dutch', () => {
  const cases: [string, string, RegExp][] = [
    ['<graphml><graph><node id="a" x="1<2"/></graph></graphml>', 'regel 1, kolom 34', /'<'/],
    ['<graphml><graph>&#0;</graph></graphml>', 'regel 1, kolom 17', /&#0;.*U\+0000/],
    ['<graphml><graph>Zorg & Veiligheid</graph></graphml>', 'regel 1, kolom 22', /losse &/],
    ['<graphml><graph>&nbsp;</graph></graphml>', 'regel 1, kolom 17', /onbekende entiteit &nbsp;/],
    ['<graphml>\n<graph>\u0008</graph></graphml>', 'regel 2, kolom 8', /stuurteken U\+0008/],
    ['<graphml><graph>x\uD800</graph></graphml>', 'regel 1, kolom 18', /U\+D800/],
    [
      '<graphml><graph><node id="a" id="b"/></graph></graphml>',
      'regel 1, kolom 37',
      /id staat dubbel/,
    ],
    ['<graphml><graph><node id=a/></graph></graphml>', 'regel 1, kolom 26', /aanhalingstekens/],
    ['<graphml><graph/></graphml><x/>', 'regel 1, kolom 30', /tweede/],
    [
      '<graphml><graph><y:node/></graph></graphml>',
      'regel 1, kolom 25',
      /"y" is nergens gedeclareerd/,
    ],
    [
      '<graphml>\n<graph>\n<node>\n</graph>\n</graphml>',
      'regel 4, kolom 1',
      /<\/graph> past niet bij <node> \(geopend op regel 3\)/,
    ],
    [
      '<graphml>\r\n<graph>\r\n</graph>\r\n</graph',
      'regel 4, kolom 8',
      /houdt op terwijl <graphml>/,
    ],
    ['<graphml><graph>]]></graph></graphml>', 'regel 1, kolom 19', /]]>/],
  ];
  it.each(cases)('%j', (text, where, message) => {
    const issue = refusal(text);
    expect(issue.message).toMatch(/^is geen geldige XML op /);
    expect(issue.message).toContain(where);
    expect(issue.message).toMatch(message);
    expect(issue.position).toBeDefined();
    // Our pass before saxes refuses only what saxes refuses too (at a worse place).
    expect(saxesAccepts(text)).toBe(false);
  });

  it('refuses what XML allows but no text may hold, as the schema does', () => {
    const text = '<graphml><graph>\uFDD0</graph></graphml>';
    expect(saxesAccepts(text)).toBe(true);
    expect(refusal(text).message).toContain('niet-teken U+FDD0');
  });

  it('accepts comments, CDATA and processing instructions with & and < inside', () => {
    const text =
      '<?xml version="1.0"?><!-- a & b --><graphml><?pi a & b?><graph><![CDATA[x & <y>]]></graph></graphml>';
    expect(parseXmlDocument(text, 'graphml', 'GraphML').ok).toBe(true);
  });
});

describe('a GraphML with one </data> missing (issue #19)', () => {
  it('is refused at the close tag that does not match, naming the element left open', () => {
    const text = exportGraphml(national);
    const at = text.indexOf('</data>', text.indexOf('<node id="GM0034">'));
    const result = importGraphml(text.slice(0, at) + text.slice(at + '</data>'.length));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = text.slice(0, at).split('\n').length;
    const closeLine = text.slice(0, text.indexOf('</node>', at)).split('\n').length;
    expect(result.errors[0]!.message).toBe(
      `is geen geldige XML op regel ${closeLine}, kolom 5: de sluittag </node> past niet bij <data> (geopend op regel ${line}). Ontbreekt daar </data>?`,
    );
  });
});

describe('a file cut off', () => {
  const files = { graphml: exportGraphml(national), gexf: exportGexf(national) };
  const readers = { graphml: importGraphml, gexf: importGexf };
  it.each([0.18, 0.3, 0.42, 0.54, 0.9])(
    'at %s of its length is refused in well under a second, located at the end',
    (share) => {
      for (const format of ['graphml', 'gexf'] as const) {
        const cut = files[format].slice(0, Math.floor(files[format].length * share));
        const { value: result, cpuMs: ms } = timed(() => readers[format](cut));
        expect(result.ok).toBe(false);
        if (result.ok) return;
        const lines = cut.split('\n');
        expect(result.errors[0]!.position?.line, format).toBe(lines.length);
        expect(result.errors[0]!.message).toContain('Is het bestand volledig?');
        expect(ms, `${format} at ${share}`).toBeLessThan(1000);
      }
    },
  );
});

describe('a 1 MB file cut off anywhere', () => {
  it('is answered in under a second, at the line where it ends', () => {
    const files = { graphml: exportGraphml(national), gexf: exportGexf(national) };
    fc.assert(
      fc.property(
        fc.constantFrom('graphml' as const, 'gexf' as const),
        fc.integer({ min: 1, max: 1_000_000 }),
        (format, length) => {
          const cut = files[format].slice(0, length);
          const { value: result, cpuMs } = timed(() =>
            (format === 'gexf' ? importGexf : importGraphml)(cut),
          );
          expect(cpuMs).toBeLessThan(1000);
          expect(result.ok).toBe(false);
          if (!result.ok && result.errors[0]!.position)
            expect(result.errors[0]!.position.line).toBe(cut.split('\n').length);
        },
      ),
      { numRuns: 30, seed: 19 },
    );
  }, 60_000);
});

const xmllint = '/usr/bin/xmllint';
function lint(text: string): string {
  const run = spawnSync(xmllint, ['--noout', '-'], { input: text, encoding: 'utf8' });
  return run.status === 0 ? 'ok' : run.stderr;
}

describe('what we write is valid XML, even from a store that holds bad text', () => {
  // As an older version could have stored it: the schema refuses this now.
  const bad = sampleNetwork();
  bad.organisations[0]!.name = 'Gou\u0008da';
  bad.organisations.push(
    { id: 'idx', kind: 'association', name: 'Eén' },
    { id: 'idx\uFFFE', kind: 'association', name: 'Twee\uD800' },
  );
  bad.relations.push({ source: 'idx', target: 'idx\uFFFE', type: 'knowledge', note: '\u0000' });

  it.runIf(existsSync(xmllint))('GEXF and GraphML pass xmllint', () => {
    expect(lint(exportGexf(bad))).toBe('ok');
    expect(lint(exportGraphml(bad))).toBe('ok');
  });

  it('the app reads its own export back with every id distinct', () => {
    for (const [write, read] of [
      [exportGexf, importGexf],
      [exportGraphml, importGraphml],
    ] as const) {
      const result = read(write(bad));
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      const ids = result.network.organisations.map((o) => o.id);
      expect(ids).toContain('idx');
      expect(ids).toContain('idx\uFFFD');
      expect(new Set(ids).size).toBe(bad.organisations.length);
    }
  });

  it.runIf(existsSync(xmllint))('the SVG passes xmllint', () => {
    // The report picture of the map, framed with title, date and sources: what the export menu writes.
    const picture = graphPicture({
      nodes: [
        {
          id: 'idx\uFFFE',
          label: 'Gou\u0008da',
          kind: 'municipality',
          radius: 5,
          color: '#000',
          labelPriority: 1,
        },
      ],
      edges: [],
      xs: Float32Array.from([10]),
      ys: Float32Array.from([10]),
      hidden: null,
      colors: ['#000'],
      colorKey: [{ label: 'Gemeente\uFFFF', symbol: { shape: 'dot', color: '#000' } }],
      measure: estimateText,
    });
    const svg = framedSvg(
      picture,
      { title: 'Titel\u0001', date: 'Gegevens van 1 januari 2025', sources: 'Bron: CBS\u0002' },
      estimateText,
    );
    expect(lint(svg)).toBe('ok');
  });

  it('refuses such text on import, naming the record, the field and the character', () => {
    const doc = JSON.parse(
      JSON.stringify({ format: 'netwerkkaart', version: 1, ...sampleNetwork() }),
    );
    doc.organisations[1].name = 'Nij\u0008megen';
    doc.organisations[2].id = 'GM\uFFFE';
    const result = importJsonText(JSON.stringify(doc));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const texts = result.errors.map((e) => `${e.where}: ${e.message}`);
    expect(
      texts.some((t) =>
        /^organisatie 2 \(id "GM0268"\), veld "name": bevat het stuurteken U\+0008 op positie 4/.test(
          t,
        ),
      ),
    ).toBe(true);
    expect(
      texts.some((t) => /^organisatie 3 .*veld "id": bevat het niet-teken U\+FFFE/.test(t)),
    ).toBe(true);
  });
});
