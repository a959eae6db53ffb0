import { describe, expect, it } from 'vitest';
import {
  validateOrganisation,
  validateRecord,
  validateRelation,
} from '../../../src/io/validateRecord';
import { sampleNetwork } from '../fixtures';

const net = sampleNetwork();
const newOrg = { id: 'g40', kind: 'association', name: 'G40-stedennetwerk', shortName: 'G40' };

function errorsOf(result: { ok: boolean; errors?: Record<string, string | undefined> }) {
  expect(result.ok).toBe(false);
  return result.errors!;
}

describe('validateOrganisation', () => {
  it('accepts a valid new organisation and returns it', () => {
    expect(validateOrganisation(newOrg, net)).toEqual({ ok: true, value: newOrg });
  });

  it('treats a cleared optional input as not set', () => {
    const result = validateOrganisation(
      { ...newOrg, website: '', description: undefined, population: undefined },
      net,
    );
    expect(result).toEqual({ ok: true, value: newOrg });
  });

  it('gives one Dutch message per field, as import would', () => {
    const errors = errorsOf(
      validateOrganisation(
        {
          id: 'x',
          kind: 'club',
          name: '',
          website: 'ftp://x.nl',
          cbsCode: '0513',
          population: 70_000.5,
          populationYear: 1700,
          lat: 95,
          tags: ['ok', 3],
        },
        net,
      ),
    );
    expect(errors).toEqual({
      kind: 'Verwacht een van: municipality, association, chainPartner, sharedService',
      name: 'Dit veld is verplicht',
      website: 'Verwacht een webadres dat begint met http:// of https://',
      cbsCode: 'Verwacht een CBS-code: GM gevolgd door vier cijfers',
      population: 'Verwacht een heel aantal inwoners, zonder decimalen',
      populationYear: 'Verwacht een jaartal vanaf 1800',
      lat: 'Breedtegraad ligt tussen -90 en 90',
      tags: 'Verwacht tekst',
    });
  });

  it('says which required field is missing', () => {
    expect(errorsOf(validateOrganisation({ id: 'x', name: 'X' }, net))).toEqual({
      kind: 'Dit veld is verplicht',
    });
    expect(errorsOf(validateOrganisation({ ...newOrg, population: 'veel' }, net))).toEqual({
      population: 'Verwacht een aantal inwoners (getal)',
    });
  });

  it('refuses an id that is taken, but not the organisation being edited', () => {
    const gouda = net.organisations[0]!;
    expect(errorsOf(validateOrganisation({ ...gouda, name: 'Gouda' }, net))).toEqual({
      id: 'Er is al een organisatie met id "GM0513"; kies een andere id',
    });
    const edited = validateOrganisation({ ...gouda, population: 75_000 }, net, {
      editingId: 'GM0513',
    });
    expect(edited).toEqual({ ok: true, value: { ...gouda, population: 75_000 } });
  });

  it('keeps the id of an existing organisation', () => {
    const gouda = net.organisations[0]!;
    expect(
      errorsOf(validateOrganisation({ ...gouda, id: 'GM9999' }, net, { editingId: 'GM0513' })),
    ).toEqual({ id: 'De id van een bestaande organisatie kan niet worden gewijzigd' });
  });

  it('checks the source reference', () => {
    expect(errorsOf(validateOrganisation({ ...newOrg, sourceId: 'nergens' }, net))).toEqual({
      sourceId: 'Bron "nergens" bestaat niet in dit netwerk',
    });
    expect(validateOrganisation({ ...newOrg, sourceId: 'test' }, net).ok).toBe(true);
  });

  it('refuses something that is not a form at all', () => {
    expect(errorsOf(validateOrganisation(null, net))).toEqual({
      '': 'Verwacht een ingevuld formulier',
    });
  });
});

describe('validateRelation', () => {
  const rel = { source: 'GM0268', target: 'ibd', type: 'uses', role: 'follower', since: '2024-03' };

  it('accepts a valid new relation', () => {
    expect(validateRelation(rel, net)).toEqual({ ok: true, value: rel });
  });

  it('gives one Dutch message per field', () => {
    const errors = errorsOf(
      validateRelation(
        {
          source: 'GM0268',
          target: 'ibd',
          type: 'friend',
          role: 'leader',
          since: '2024-13',
          weight: -1,
        },
        net,
      ),
    );
    expect(errors).toEqual({
      type: 'Verwacht een van: member, uses, partner, knowledge',
      role: 'Verwacht een van: frontrunner, follower',
      since: 'Verwacht een datum als JJJJ, JJJJ-MM of JJJJ-MM-DD',
      weight: 'Het gewicht mag niet negatief zijn',
    });
  });

  it('needs both ends to exist in the current network', () => {
    expect(errorsOf(validateRelation({ ...rel, source: 'GM0000', target: 'weg' }, net))).toEqual({
      source: 'Organisatie "GM0000" bestaat niet in dit netwerk',
      target: 'Organisatie "weg" bestaat niet in dit netwerk',
    });
    expect(errorsOf(validateRelation({ ...rel, source: '' }, net))).toEqual({
      source: 'Dit veld is verplicht',
    });
  });

  it('refuses a relation of an organisation with itself', () => {
    expect(errorsOf(validateRelation({ ...rel, target: 'GM0268' }, net))).toEqual({
      target: 'Een relatie verbindt twee verschillende organisaties',
    });
  });

  it('refuses a duplicate, unless it is the relation being edited', () => {
    const existing = { source: 'GM0513', target: 'vng', type: 'member' };
    expect(errorsOf(validateRelation(existing, net))).toEqual({
      target: 'Deze relatie bestaat al: er is al een lidmaatschap van Gouda naar VNG',
    });
    const edited = validateRelation({ ...existing, role: 'frontrunner' }, net, {
      editingKey: 'GM0513|member|vng',
    });
    expect(edited.ok).toBe(true);
    // Changing the type of an edited relation onto one that exists is still a duplicate.
    const onto = validateRelation({ source: 'GM0513', target: 'ibd', type: 'uses' }, net, {
      editingKey: 'GM0513|member|ibd',
    });
    expect(errorsOf(onto).target).toMatch(/bestaat al/);
  });

  it('checks the source reference', () => {
    expect(errorsOf(validateRelation({ ...rel, sourceId: 'nergens' }, net))).toEqual({
      sourceId: 'Bron "nergens" bestaat niet in dit netwerk',
    });
  });
});

describe('validateRecord', () => {
  it('dispatches on the kind of record', () => {
    expect(validateRecord('organisation', newOrg, net).ok).toBe(true);
    expect(
      validateRecord('relation', { source: 'GM0513', target: 'GM0513', type: 'knowledge' }, net),
    ).toMatchObject({ ok: false, errors: { target: expect.stringContaining('verschillende') } });
  });
});

describe('text no file can hold, in a form (issue #19)', () => {
  it('is refused at its field, naming the character', () => {
    const errors = errorsOf(
      validateOrganisation({ ...newOrg, name: 'G40\u0008', description: 'a\uFFFEb' }, net),
    );
    expect(errors.name).toBe(
      'Bevat het stuurteken U+0008 op positie 4, dat in geen bestand kan staan; haal het teken weg',
    );
    expect(errors.description).toContain('het niet-teken U+FFFE op positie 2');
    expect(
      errorsOf(
        validateRelation({ source: 'GM0513', target: 'vng', type: 'member', note: '\uD800' }, net),
      ).note,
    ).toContain('los surrogaat U+D800');
  });
});
