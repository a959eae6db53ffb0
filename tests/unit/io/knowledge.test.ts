import { describe, expect, it } from 'vitest';
import { sortNetwork } from '../../../src/domain/network';
import { exchangeJsonSchema } from '../../../src/io/exchangeSchema';
import { exchangeJson } from '../../../src/io/exportNetwork';
import { importJsonText } from '../../../src/io/importNetwork';
import { validateValue as importValue } from '../../../src/io/validateDocument';
import { validatePosition } from '../../../src/io/validateKnowledge';
import { validateOrganisation, validateRelation } from '../../../src/io/validateRecord';
import { sampleDocument, sampleNetwork } from '../fixtures';

// The knowledge fields of the exchange format (issue #15): optional, so
// every file written before them stays valid; their references checked
// against the document, with a located Dutch message.

const THEMES = [
  { id: 'informatieveiligheid', label: 'Informatieveiligheid' },
  { id: 'verkiezingen', label: 'Verkiezingen', description: 'Stembureaus en uitslagen' },
];

function knowledgeDocument(): Record<string, any> {
  const doc = sampleDocument() as Record<string, any>;
  doc.themes = structuredClone(THEMES);
  doc.sources.push({
    id: 'vastgelegd-gm0513-2026-11-30',
    title: 'Vastgelegd door gemeente Gouda op 30 november 2026',
    publisher: 'Gemeente Gouda',
    year: 2026,
  });
  doc.organisations[0].positions = [
    {
      theme: 'informatieveiligheid',
      role: 'follower',
      network: 'ibd',
      since: '2026-11-30',
      reason: 'Wij nemen over wat de IBD en Nijmegen al uitwerkten.',
      sourceId: 'vastgelegd-gm0513-2026-11-30',
    },
  ];
  doc.organisations[4].themes = ['informatieveiligheid'];
  doc.relations[6] = {
    ...doc.relations[6],
    role: 'follower',
    themes: ['informatieveiligheid'],
    reason: 'Nijmegen had het draaiboek al klaar.',
  };
  return doc;
}

const errorsOf = (doc: unknown) => {
  const result = importValue(doc);
  return result.ok ? [] : result.errors.map((e) => `${e.where}: ${e.message}`);
};

describe('knowledge fields in the exchange format', () => {
  it('leaves files without them valid, as before', () => {
    const result = importValue(sampleDocument());
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.network.themes).toBeUndefined();
      expect(result.warnings).toEqual([]);
    }
  });

  it('reads themes, positions, theme tags and reasons, and writes them back unchanged', () => {
    const first = importValue(knowledgeDocument());
    expect(first.ok ? [] : first.errors).toEqual([]);
    if (!first.ok) return;
    expect(first.warnings).toEqual([]);
    expect(first.network.themes).toEqual(THEMES);
    const gouda = first.network.organisations.find((o) => o.id === 'GM0513')!;
    expect(gouda.positions![0]!.reason).toContain('IBD');
    const again = importJsonText(exchangeJson(first.network));
    expect(again.ok && again.network).toEqual(sortNetwork(first.network));
  });

  it.each([
    [
      'an organisation theme',
      (d: Record<string, any>) => (d.organisations[4].themes = ['onbekend']),
      'organisatie 5 (id "ibd"), veld "themes.0": verwijst naar thema "onbekend", dat niet in de lijst met thema\'s ("themes") staat.',
    ],
    [
      'a relation theme',
      (d: Record<string, any>) => (d.relations[6].themes = ['informatieveiligheid', 'vervoer']),
      'relatie 7 (GM0513 → GM0268), veld "themes.1": verwijst naar thema "vervoer", dat niet in de lijst met thema\'s ("themes") staat.',
    ],
    [
      'a position theme',
      (d: Record<string, any>) => (d.organisations[0].positions[0].theme = 'omgeving'),
      'organisatie 1 (id "GM0513"), veld "positions.0.theme": verwijst naar thema "omgeving", dat niet in de lijst met thema\'s ("themes") staat.',
    ],
    [
      "a position's network",
      (d: Record<string, any>) => (d.organisations[0].positions[0].network = 'ibd-nl'),
      'organisatie 1 (id "GM0513"), veld "positions.0.network": verwijst naar organisatie "ibd-nl", die niet in het bestand staat.',
    ],
    [
      "a position's source",
      (d: Record<string, any>) => (d.organisations[0].positions[0].sourceId = 'nergens'),
      'organisatie 1 (id "GM0513"), veld "positions.0.sourceId": verwijst naar bron "nergens", die niet in "sources" staat.',
    ],
  ])('refuses %s that points nowhere, saying where', (_what, change, message) => {
    const doc = knowledgeDocument();
    change(doc);
    expect(errorsOf(doc)).toEqual([message]);
  });

  it('refuses a theme reference when the file has no themes at all', () => {
    const doc = sampleDocument() as Record<string, any>;
    doc.organisations[4].themes = ['informatieveiligheid'];
    expect(errorsOf(doc)).toEqual([
      'organisatie 5 (id "ibd"), veld "themes.0": verwijst naar thema "informatieveiligheid", dat niet in de lijst met thema\'s ("themes") staat.',
    ]);
  });

  it('refuses a duplicate theme id, a position in the organisation itself and a double position', () => {
    const doc = knowledgeDocument();
    doc.themes.push({ id: 'verkiezingen', label: 'Nog eens' });
    doc.organisations[0].positions.push(
      { theme: 'verkiezingen', role: 'frontrunner', network: 'GM0513' },
      { theme: 'informatieveiligheid', role: 'frontrunner', network: 'ibd' },
    );
    expect(errorsOf(doc)).toEqual([
      'thema 3 (id "verkiezingen"), veld "id": komt al eerder voor; elke thema-id moet uniek zijn.',
      'organisatie 1 (id "GM0513"), veld "positions.1.network": een organisatie kan geen koploper of volger in zichzelf zijn.',
      'organisatie 1 (id "GM0513"), veld "positions.2": staat er dubbel in (zelfde thema en netwerk als positie 1).',
    ]);
  });

  it('refuses wrong shapes with the schema messages', () => {
    const doc = knowledgeDocument();
    doc.themes[0].label = '';
    doc.organisations[0].positions[0].role = 'koploper';
    doc.organisations[0].positions[0].since = '30-11-2026';
    doc.relations[6].reason = 42;
    expect(errorsOf(doc)).toEqual([
      'thema 1 (id "informatieveiligheid"), veld "label": mag niet leeg zijn, kreeg ""',
      'organisatie 1 (id "GM0513"), veld "positions.0.role": verwacht een van: frontrunner, follower, kreeg "koploper"',
      'organisatie 1 (id "GM0513"), veld "positions.0.since": verwacht een datum als JJJJ, JJJJ-MM of JJJJ-MM-DD, kreeg "30-11-2026"',
      'relatie 7 (GM0513 → GM0268), veld "reason": verwacht tekst, kreeg 42',
    ]);
  });

  it('publishes the fields as optional in the JSON Schema', () => {
    const schema = exchangeJsonSchema() as any;
    expect(schema.required).not.toContain('themes');
    const org = schema.properties.organisations.items;
    expect(org.required).not.toContain('positions');
    expect(org.properties.positions.items.required).toEqual(['theme', 'role']);
    expect(schema.properties.relations.items.properties.reason.type).toBe('string');
    expect(schema.properties.themes.items.required).toEqual(['id', 'label']);
  });
});

describe('knowledge fields in the forms', () => {
  const network = { ...sampleNetwork(), themes: structuredClone(THEMES) };

  it('checks a position field by field, in Dutch', () => {
    expect(
      validatePosition({ theme: '', role: '', since: 'gisteren', network: '' }, network, 'GM0513'),
    ).toEqual({
      ok: false,
      errors: {
        theme: 'Kies een thema',
        role: 'Kies koploper of volger',
        since: 'Verwacht een datum als JJJJ, JJJJ-MM of JJJJ-MM-DD',
      },
    });
    expect(
      validatePosition(
        { theme: 'omgeving', role: 'follower', network: 'GM0513', sourceId: 'weg' },
        network,
        'GM0513',
      ),
    ).toEqual({
      ok: false,
      errors: {
        theme: 'Thema "omgeving" bestaat niet in dit netwerk',
        network: 'Kies een ander netwerk of een andere dienst dan de gemeente zelf',
        sourceId: 'Bron "weg" bestaat niet in dit netwerk',
      },
    });
    expect(
      validatePosition(
        { theme: 'verkiezingen', role: 'frontrunner', network: '', since: '2024', reason: '' },
        network,
        'GM0513',
      ),
    ).toEqual({ ok: true, value: { theme: 'verkiezingen', role: 'frontrunner', since: '2024' } });
  });

  it('refuses an unknown theme on a relation or an organisation, at its field', () => {
    const rel = validateRelation(
      { source: 'GM0513', target: 'GM0363', type: 'knowledge', themes: ['vervoer'] },
      network,
    );
    expect(rel).toEqual({
      ok: false,
      errors: {
        themes: 'Verwijst naar thema "vervoer", dat niet in de lijst met thema\'s ("themes") staat',
      },
    });
    const gouda = network.organisations[0]!;
    const org = validateOrganisation(
      { ...gouda, positions: [{ theme: 'verkiezingen', role: 'follower', network: 'nergens' }] },
      network,
      { editingId: gouda.id },
    );
    expect(org.ok ? {} : org.errors).toEqual({
      positions: 'Verwijst naar organisatie "nergens", die niet in het bestand staat',
    });
  });
});
