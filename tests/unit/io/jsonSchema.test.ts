import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exchangeJsonSchema } from '../../../src/io/exchangeSchema';

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
