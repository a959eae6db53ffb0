import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { exchangeJsonSchema } from '../../../src/io/exchangeSchema';
import { importJsonText } from '../../../src/io/importNetwork';
import { sampleDocument } from '../fixtures';

// The published schema is generated from the zod schema. `npm run schema`
// rewrites it; this test fails when the two drift apart.
const PUBLISHED = 'public/schema/netwerkkaart-v1.schema.json';

describe('published JSON Schema', () => {
  const generated = `${JSON.stringify(exchangeJsonSchema(), null, 2)}\n`;
  if (process.env.UPDATE_SCHEMA === '1') writeFileSync(PUBLISHED, generated);

  it('matches the zod schema', () => {
    expect(readFileSync(PUBLISHED, 'utf8')).toBe(generated);
  });

  it('describes the required envelope and the enums', () => {
    const schema = JSON.parse(generated);
    expect(schema.required).toEqual(
      expect.arrayContaining(['format', 'version', 'organisations', 'relations']),
    );
    const org = schema.properties.organisations.items;
    expect(org.properties.kind.enum).toEqual([
      'municipality',
      'association',
      'chainPartner',
      'sharedService',
    ]);
    expect(org.properties.cbsCode.pattern).toBe('^GM\\d{4}$');
  });
});

// The same bad documents through the published schema (ajv, as another tool
// would check a file) and through the app's own import (jsonRead + zod): the
// verdicts must agree, so the schema never promises what the app refuses.
describe('published JSON Schema and the import agree', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
  const validate = ajv.compile(exchangeJsonSchema());
  const base = () => JSON.parse(JSON.stringify(sampleDocument())) as Record<string, any>;
  const change = (edit: (d: Record<string, any>) => void) => {
    const d = base();
    edit(d);
    return JSON.stringify(d);
  };
  // A key JavaScript would not keep in an object literal goes in as text.
  const insert = (after: string, text: string) => {
    const json = JSON.stringify(base());
    const at = json.indexOf(after) + after.length;
    return json.slice(0, at) + text + json.slice(at);
  };

  // Each refused by both; what each sets wrong is in its name.
  const bad: [string, string][] = [
    ['a javascript: website', change((d) => (d.organisations[3].website = 'javascript:alert(1)'))],
    ['a data: website', change((d) => (d.organisations[3].website = 'data:text/html,<b>x</b>'))],
    ['an ftp source url', change((d) => (d.sources[0].url = 'ftp://example.org/bestand'))],
    ['a website without a host', change((d) => (d.organisations[3].website = 'https://'))],
    ['a control character in an id', change((d) => (d.organisations[0].id = 'GM\u00010513'))],
    ['a delete character in a source id', change((d) => (d.sources[0].id = 'test\u007f'))],
    ['a tab in a theme id', change((d) => (d.organisations[0].themes = ['a\tb']))],
    ['a __proto__ key in an organisation', insert('"organisations":[{', '"__proto__":{"a":1},')],
    ['a constructor key in a relation', change((d) => (d.relations[0].constructor = 1))],
    ['a prototype key at the top', change((d) => (d.prototype = {}))],
    ['a __proto__ key deep in an unknown field', insert('{', '"extra":[{"a":{"__proto__":1}}],')],
    ['an unknown kind', change((d) => (d.organisations[0].kind = 'province'))],
    ['an unknown relation type', change((d) => (d.relations[0].type = 'friend'))],
    ['an unknown role', change((d) => (d.relations[0].role = 'leader'))],
    ['an unknown domain', change((d) => (d.organisations[3].domain = 'sport'))],
    ['a negative population', change((d) => (d.organisations[0].population = -1))],
    ['a broken population', change((d) => (d.organisations[0].population = 1.5))],
    ['a population as text', change((d) => (d.organisations[0].population = '70000'))],
    ['a year before 1800', change((d) => (d.organisations[0].populationYear = 1799))],
    ['a latitude beyond 90', change((d) => (d.organisations[0].lat = 91))],
    ['a cbsCode without GM', change((d) => (d.organisations[0].cbsCode = '0513'))],
    ['an empty name', change((d) => (d.organisations[0].name = ''))],
    ['a name of 301 characters', change((d) => (d.organisations[0].name = 'x'.repeat(301)))],
    ['a missing kind', change((d) => delete d.organisations[0].kind)],
    ['a missing relation list', change((d) => delete d.relations)],
    ['another format', change((d) => (d.format = 'gephi'))],
    ['version 2', change((d) => (d.version = 2))],
    ['a since that is no date', change((d) => (d.relations[0].since = '1 januari'))],
    ['a referenceDate without day', change((d) => (d.referenceDate = '2025-01'))],
    ['a negative weight', change((d) => (d.relations[0].weight = -1))],
    ['x without y', change((d) => (d.organisations[0].x = 10))],
    ['y as text', change((d) => Object.assign(d.organisations[0], { x: 1, y: '2' }))],
    ['tags that are not a list', change((d) => (d.organisations[0].tags = 'a|b'))],
    ['51 tags', change((d) => (d.organisations[0].tags = Array.from({ length: 51 }, String)))],
  ];

  it.each(bad)('both refuse %s', (_name, text) => {
    const app = importJsonText(text);
    expect(app.ok).toBe(false);
    expect(validate(JSON.parse(text))).toBe(false);
  });

  const good: [string, string][] = [
    ['the sample', JSON.stringify(base())],
    ['an http website in capitals', change((d) => (d.organisations[3].website = 'HTTP://VNG.NL'))],
    ['x and y', change((d) => Object.assign(d.organisations[0], { x: -12.5, y: 300 }))],
    ['an unknown field', change((d) => (d.organisations[0].kleur = { r: 1 }))],
  ];

  it.each(good)('both accept %s', (_name, text) => {
    const app = importJsonText(text);
    expect(app.ok).toBe(true);
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  // What JSON Schema cannot say: these the app refuses and the schema lets
  // through. Named here so nobody takes the schema for the whole check.
  const appOnly: [string, string][] = [
    [
      'two organisations with one id',
      change((d) => (d.organisations[1].id = d.organisations[0].id)),
    ],
    ['a relation to an unknown id', change((d) => (d.relations[0].target = 'nergens'))],
    ['a sourceId without its source', change((d) => (d.organisations[0].sourceId = 'nergens'))],
    [
      'a website that only looks like one',
      change((d) => (d.organisations[3].website = 'http://a b')),
    ],
  ];

  it.each(appOnly)('only the app refuses %s', (_name, text) => {
    expect(importJsonText(text).ok).toBe(false);
    expect(validate(JSON.parse(text))).toBe(true);
  });
});
