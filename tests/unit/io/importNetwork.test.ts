import { describe, expect, it } from 'vitest';
import { importJsonText } from '../../../src/io/importNetwork';
import { checkFileSize, type ImportResult } from '../../../src/io/importResult';
import { formatBytes, IMPORT_LIMITS } from '../../../src/io/limits';
import { validateValue } from '../../../src/io/validateDocument';
import { sampleDocument } from '../fixtures';

function errorsOf(result: ImportResult) {
  if (result.ok) throw new Error('expected the import to be rejected');
  return result.errors;
}

function withChange(change: (doc: Record<string, any>) => void): string {
  const doc = sampleDocument() as Record<string, any>;
  change(doc);
  return JSON.stringify(doc);
}

describe('import: valid input', () => {
  it('accepts exchange format v1 and keeps every field', () => {
    const result = importJsonText(JSON.stringify(sampleDocument()));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.format).toBe('netwerkkaart-v1');
    expect(result.network.organisations).toHaveLength(6);
    expect(result.network.relations).toHaveLength(7);
    expect(result.network.organisations[0]).toMatchObject({
      cbsCode: 'GM0513',
      population: 70_000,
    });
  });

  it('keeps hostile strings as inert text', () => {
    const result = importJsonText(
      withChange((d) => {
        d.organisations[0].name = '<img src=x onerror=alert(1)>';
        d.organisations[0].description = '"; DROP TABLE gemeenten; -- ${process.exit()}';
      }),
    );
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.network.organisations[0]!.name).toBe('<img src=x onerror=alert(1)>');
  });

  it('warns about unknown fields instead of keeping them silently', () => {
    const result = importJsonText(withChange((d) => (d.organisations[0].kleur = 'rood')));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.warnings.join(' ')).toContain('"kleur"');
      expect(result.network.organisations[0]).not.toHaveProperty('kleur');
    }
  });

  it('accepts the plain d3 shape and says how many nodes got the default kind', () => {
    const text = JSON.stringify({
      nodes: [
        { id: 'a', name: 'Alfa', kind: 'municipality' },
        { id: 'b', label: 'Beta' },
        { id: 3 },
      ],
      links: [
        { source: 'a', target: 'b', value: 2 },
        { source: 'b', target: 3, type: 'member' },
      ],
    });
    const result = importJsonText(text, { defaultKind: 'chainPartner', defaultType: 'partner' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.format).toBe('d3');
    expect(result.assumed).toEqual({ kinds: 2, types: 1 });
    expect(result.network.organisations.map((o) => [o.id, o.kind, o.name])).toEqual([
      ['a', 'municipality', 'Alfa'],
      ['b', 'chainPartner', 'Beta'],
      ['3', 'chainPartner', '3'],
    ]);
    expect(result.network.relations[0]).toEqual({
      source: 'a',
      target: 'b',
      type: 'partner',
      weight: 2,
    });
  });

  it('names the d3 kinds and types it does not know, and the count of each', () => {
    const text = JSON.stringify({
      nodes: [
        { id: 'a', kind: 'Provincie' },
        { id: 'b', kind: 'Provincie' },
        { id: 'c', kind: 'municipality' },
      ],
      links: [{ source: 'a', target: 'c', type: 'vriend' }],
    });
    const result = importJsonText(text);
    expect(result.ok && result.unmapped).toEqual([
      { field: 'kind', value: 'Provincie', count: 2 },
      { field: 'type', value: 'vriend', count: 1 },
    ]);
  });

  it('resolves d3 links given as node indexes', () => {
    const result = validateValue({
      nodes: [{ id: 'x' }, { id: 'y' }],
      links: [{ source: 0, target: 1 }],
    });
    expect(result.ok && result.network.relations[0]).toMatchObject({ source: 'x', target: 'y' });
  });
});

describe('import: every rejection has its own message', () => {
  it('malformed JSON, with line and column', () => {
    const [e] = errorsOf(importJsonText('{\n  "format": "netwerkkaart",\n  "version": 1,,\n}'));
    expect(e!.message).toContain('geen geldige JSON');
    expect(e!.where).toMatch(/regel 3/);
  });

  it('says in Dutch what is wrong with broken JSON, and where when it can', () => {
    const cases: [string, RegExp, RegExp | null][] = [
      ['', /het bestand is leeg/, null],
      ['   \n', /het bestand is leeg/, null],
      ['{"organisations": [', /houdt op/, null],
      ['{"a": [1, 2,]\n}', /komma te veel vóór '\]'/, /regel 1, kolom 12/],
      ['{\n"a": 1,\n}', /naam tussen dubbele aanhalingstekens/, /regel 3/],
      ['{"a": 1}\n{"b": 2}', /nog meer tekst/, /regel 2/],
      ['{"a": "x\ny"}', /regelovergang/, /regel 1/],
      ['{"a" 1}', /(onverwacht|opbouw|naam)/, null],
    ];
    for (const [text, reason, where] of cases) {
      const [e] = errorsOf(importJsonText(text));
      expect(e!.message, JSON.stringify(text)).toMatch(reason);
      // No English parser message comes through.
      expect(e!.message, JSON.stringify(text)).not.toMatch(/Unexpected|Expected|JSON input/);
      if (where) expect(e!.where, JSON.stringify(text)).toMatch(where);
    }
  });

  it('token errors with line and column, where V8 gives none', () => {
    const cases: [string, RegExp, string][] = [
      ['{"a": NaN}', /NaN en Infinity bestaan niet/, 'regel 1, kolom 7'],
      ['{\n  "a": +1}', /begint niet met \+/, 'regel 2, kolom 8'],
      ['{"a": .5}', /0\.5, niet \.5/, 'regel 1, kolom 7'],
      ["{'a': 1}", /naam tussen dubbele aanhalingstekens/, 'regel 1, kolom 2'],
      ['{"a": [1,\n 2 3]}', /ontbreekt er een komma/, 'regel 2, kolom 4'],
      ['{"a": "\\x"}', /geen geldige escape/, 'regel 1, kolom 8'],
      ['[1,2', /houdt op/, 'regel 1, kolom 5'],
    ];
    for (const [text, reason, where] of cases) {
      const [e] = errorsOf(importJsonText(text));
      expect(e!.message, text).toMatch(reason);
      expect(e!.where, text).toBe(where);
      expect(e!.position, text).toBeDefined();
    }
  });

  it('deep but valid nesting is read, and refused for what it is', () => {
    for (const depth of [10_000, 100_000]) {
      const [e] = errorsOf(importJsonText('['.repeat(depth) + ']'.repeat(depth)));
      expect(e!.message).toContain('verwacht een JSON-object');
    }
    const deep = withChange((d) => (d.organisations[0].description = 'X'));
    const [e] = errorsOf(
      importJsonText(deep.replace('"X"', '['.repeat(20_000) + ']'.repeat(20_000))),
    );
    expect(e!.where).toBe('organisatie 1 (id "GM0513"), veld "description"');
    expect(e!.message).toContain('verwacht tekst');
  });

  it('a record that is not an object, in Dutch', () => {
    const result = importJsonText(
      '{"format":"netwerkkaart","version":1,"organisations":[1],"relations":[null]}',
    );
    expect(errorsOf(result).map((e) => `${e.where}: ${e.message}`)).toEqual([
      'organisatie 1: verwacht een organisatie: een object met "id", "kind" en "name", kreeg 1',
      'relatie 1: verwacht een relatie: een object met "source", "target" en "type", kreeg null',
    ]);
  });

  it('a document that is not an object', () => {
    expect(errorsOf(importJsonText('[1,2,3]'))[0]!.message).toContain('verwacht een JSON-object');
  });

  it('a wrong format', () => {
    const [e] = errorsOf(importJsonText(withChange((d) => (d.format = 'gephi'))));
    expect(e!.where).toBe('veld "format"');
    expect(e!.message).toContain('"gephi"');
  });

  it('a missing format', () => {
    const [e] = errorsOf(importJsonText(withChange((d) => delete d.format)));
    expect(e!.message).toContain('ontbreekt');
  });

  it('an unknown version', () => {
    const [e] = errorsOf(importJsonText(withChange((d) => (d.version = 2))));
    expect(e!.where).toBe('veld "version"');
    expect(e!.message).toContain('leest versie 1');
  });

  it('wrong field types, naming record, id and field', () => {
    const errors = errorsOf(
      importJsonText(
        withChange((d) => {
          d.organisations[0].name = 42;
          d.organisations[1].population = '180000';
        }),
      ),
    );
    expect(errors).toHaveLength(2);
    expect(errors[0]!.where).toBe('organisatie 1 (id "GM0513"), veld "name"');
    expect(errors[0]!.message).toContain('verwacht tekst');
    expect(errors[1]!.where).toBe('organisatie 2 (id "GM0268"), veld "population"');
    expect(errors[1]!.message).toContain('"180000"');
  });

  it('a missing required field', () => {
    const [e] = errorsOf(importJsonText(withChange((d) => delete d.organisations[2].name)));
    expect(e!.where).toBe('organisatie 3 (id "GM0363"), veld "name"');
    expect(e!.message).toContain('ontbreekt');
  });

  it('an unknown kind', () => {
    const [e] = errorsOf(
      importJsonText(withChange((d) => (d.organisations[3].kind = 'provincie'))),
    );
    expect(e!.where).toContain('veld "kind"');
    expect(e!.message).toContain('municipality, association, chainPartner, sharedService');
  });

  it('an unknown relation type', () => {
    const [e] = errorsOf(importJsonText(withChange((d) => (d.relations[0].type = 'owns'))));
    expect(e!.where).toBe('relatie 1 (GM0513 → vng), veld "type"');
    expect(e!.message).toContain('member, uses, partner, knowledge');
  });

  it('an unknown role', () => {
    const [e] = errorsOf(importJsonText(withChange((d) => (d.relations[3].role = 'leader'))));
    expect(e!.where).toContain('veld "role"');
  });

  it('duplicate ids', () => {
    const [e] = errorsOf(importJsonText(withChange((d) => (d.organisations[5].id = 'vng'))));
    expect(e!.where).toBe('organisatie 6 (id "vng"), veld "id"');
    expect(e!.message).toContain('komt al voor bij organisatie 4');
  });

  it('duplicate relations', () => {
    const [e] = errorsOf(
      importJsonText(withChange((d) => d.relations.push({ ...d.relations[1] }))),
    );
    expect(e!.message).toContain('dubbel');
  });

  it('a relation to an id that does not exist', () => {
    const [e] = errorsOf(importJsonText(withChange((d) => (d.relations[0].target = 'g99'))));
    expect(e!.where).toBe('relatie 1 (GM0513 → g99), veld "target"');
    expect(e!.message).toContain('"g99"');
  });

  it('a relation from an organisation to itself', () => {
    const [e] = errorsOf(importJsonText(withChange((d) => (d.relations[0].target = 'GM0513'))));
    expect(e!.message).toContain('zichzelf');
  });

  it('a reference to an unknown source', () => {
    const [e] = errorsOf(
      importJsonText(withChange((d) => (d.organisations[0].sourceId = 'cbs-9999'))),
    );
    expect(e!.message).toContain('"cbs-9999"');
  });

  it('a negative population', () => {
    const [e] = errorsOf(importJsonText(withChange((d) => (d.organisations[0].population = -5))));
    expect(e!.message).toContain('niet negatief');
  });

  it('a fractional population', () => {
    const [e] = errorsOf(
      importJsonText(withChange((d) => (d.organisations[0].population = 70000.5))),
    );
    expect(e!.message).toContain('zonder decimalen');
  });

  it('a cbsCode that is not GM plus four digits', () => {
    for (const code of ['0513', 'GM513', 'gm0513', 'GM05130', 'PV0513']) {
      const [e] = errorsOf(importJsonText(withChange((d) => (d.organisations[0].cbsCode = code))));
      expect(e!.message).toContain('GM gevolgd door vier cijfers');
    }
  });

  it('a website that is not http(s)', () => {
    for (const url of [
      'javascript:alert(1)',
      'ftp://vng.nl',
      'vng.nl',
      'data:text/html,<b>x</b>',
    ]) {
      const [e] = errorsOf(importJsonText(withChange((d) => (d.organisations[3].website = url))));
      expect(e!.message).toContain('http:// of https://');
    }
  });

  it('a __proto__ key anywhere', () => {
    const text = JSON.stringify(sampleDocument()).replace(
      '"tags":[]',
      '"__proto__":{"isAdmin":true},"tags":[]',
    );
    const [e] = errorsOf(importJsonText(text));
    expect(e!.message).toContain('"__proto__"');
    expect(e!.where).toMatch(/^organisatie 1 \(id "GM0513"\), veld "__proto__"$/);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('a constructor key', () => {
    const [e] = errorsOf(
      importJsonText(withChange((d) => (d.relations[0].constructor = { prototype: {} }))),
    );
    expect(e!.message).toContain('is niet toegestaan');
    // The record is named, so the key can be found in a file of thousands.
    expect(e!.where).toMatch(/^relatie 1 \(.*\), veld "constructor"$/);
  });

  it('strings over a sane length', () => {
    const [e] = errorsOf(
      importJsonText(withChange((d) => (d.organisations[0].name = 'x'.repeat(10_000)))),
    );
    expect(e!.message).toContain(`maximaal ${IMPORT_LIMITS.maxNameLength} tekens`);
    expect(e!.message.length).toBeLessThan(300);
  });

  it('control characters in an id', () => {
    const [e] = errorsOf(
      importJsonText(withChange((d) => (d.organisations[5].id = 'min\u0000bzk'))),
    );
    expect(e!.message).toContain('het stuurteken U+0000 op positie 4');
  });

  it('a file over the size limit, saying the limit', () => {
    const [e] = errorsOf(checkFileSize(IMPORT_LIMITS.maxFileBytes + 1)!);
    expect(e!.message).toContain('100,0 MB');
    expect(checkFileSize(1000)).toBeUndefined();
    // The limit is an option, so the rule is checked on a kilobyte, not on 100 MB.
    const limits = { maxFileBytes: 1_000 };
    const huge = `{"format":"netwerkkaart","version":1,"organisations":[],"relations":[],"title":"${'x'.repeat(1_000)}"}`;
    const [tooBig] = errorsOf(importJsonText(huge, { limits }));
    expect(tooBig!.message).toContain('Netwerkkaart leest bestanden tot 1000 bytes');
    expect(importJsonText(huge).ok).toBe(false); // a title over 300 characters, not the size
    expect(errorsOf(importJsonText(huge))[0]!.message).not.toContain('Netwerkkaart leest');
  });

  it('reports all errors at once, not only the first', () => {
    const errors = errorsOf(
      importJsonText(
        withChange((d) => {
          d.organisations[0].population = -1;
          d.organisations[1].cbsCode = 'X';
          d.organisations[3].kind = 'club';
          d.relations[2].target = 'nergens';
          d.relations[4].type = 'likes';
        }),
      ),
    );
    expect(errors).toHaveLength(5);
  });

  it('caps the list of reported errors but counts them all', () => {
    const text = withChange((d) => {
      for (let i = 0; i < 500; i++)
        d.relations.push({ source: 'GM0513', target: `x${i}`, type: 'member' });
    });
    const result = importJsonText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.totalErrors).toBe(500);
      expect(result.errors).toHaveLength(IMPORT_LIMITS.maxErrorsReported);
    }
    const fewer = importJsonText(text, { limits: { maxErrorsReported: 3 } });
    expect(!fewer.ok && [fewer.errors.length, fewer.totalErrors]).toEqual([3, 500]);
  });
});

describe('formatBytes', () => {
  it('writes sizes the Dutch way, with a dot between thousands', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1,5 kB');
    expect(formatBytes(9_000.5 * 1024 * 1024)).toBe('9.000,5 MB');
    expect(formatBytes(10_242.9 * 1024 * 1024)).toBe('10,0 GB');
    expect(formatBytes(20 * 1024 ** 3)).toBe('20,0 GB');
  });
});
