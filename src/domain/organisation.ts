import type { Position } from './knowledge';

// The four kinds of organisation (nodes) of DESIGN.md. Union types are derived
// from `as const` arrays so the UI can list the options.
export const ORGANISATION_KINDS = [
  'municipality',
  'association',
  'chainPartner',
  'sharedService',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const KIND_LABELS: Record<OrganisationKind, { nl: string; nlPlural: string }> = {
  municipality: { nl: 'Gemeente', nlPlural: 'Gemeenten' },
  association: { nl: 'Vereniging / netwerk', nlPlural: 'Verenigingen en netwerken' },
  chainPartner: { nl: 'Ketenpartner', nlPlural: 'Ketenpartners' },
  sharedService: { nl: 'Gedeelde dienst', nlPlural: 'Gedeelde diensten' },
};

export const PROVINCES = [
  'Groningen',
  'Fryslân',
  'Drenthe',
  'Overijssel',
  'Flevoland',
  'Gelderland',
  'Utrecht',
  'Noord-Holland',
  'Zuid-Holland',
  'Zeeland',
  'Noord-Brabant',
  'Limburg',
] as const;
export type Province = (typeof PROVINCES)[number];

/**
 * The domain of a body: RegioAtlas's six (bestuurlijk, zorg, onderwijs,
 * economie, fysiek, veiligheid), plus national networks and the joint
 * municipal execution (GGU), so 300+ bodies can be grouped, not listed flat.
 */
export const ORGANISATION_DOMAINS = [
  'bestuurlijk',
  'zorg',
  'onderwijs',
  'economie',
  'fysiek',
  'veiligheid',
  'landelijk',
  'ggu',
] as const;
export type OrganisationDomain = (typeof ORGANISATION_DOMAINS)[number];

export const DOMAIN_LABELS: Record<OrganisationDomain, string> = {
  bestuurlijk: 'Bestuur en bedrijfsvoering',
  zorg: 'Zorg en welzijn',
  onderwijs: 'Onderwijs',
  economie: 'Economie en werk',
  fysiek: 'Fysieke leefomgeving',
  veiligheid: 'Veiligheid',
  landelijk: 'Landelijk netwerk',
  ggu: 'Gezamenlijke Gemeentelijke Uitvoering (GGU)',
};

/** CBS municipality code: "GM" followed by four digits. */
export const CBS_CODE_PATTERN = /^GM\d{4}$/;

export interface Organisation {
  id: string;
  kind: OrganisationKind;
  name: string;
  shortName?: string;
  description?: string;
  category?: string;
  domain?: OrganisationDomain;
  /**
   * How many members (or users) the body really has, when the listed ones are
   * only part of them: counts are then shown as "11 van 64 bekend".
   */
  expectedMembers?: number;
  website?: string;
  tags?: string[];
  sourceId?: string;
  // Municipality facts (kind === 'municipality').
  cbsCode?: string;
  province?: string;
  population?: number;
  populationYear?: number;
  // A point inside the organisation's area (WGS84), for a geographic layout.
  lat?: number;
  lon?: number;
  /** Ids of the document's themes this organisation works on (a service's field, say). */
  themes?: string[];
  /** Where this organisation leads or follows (municipalities). */
  positions?: Position[];
}

export function displayName(org: Pick<Organisation, 'name' | 'shortName'>): string {
  return org.shortName ? `${org.shortName}` : org.name;
}

/**
 * Categories are free text in the data; the ones the national dataset uses as
 * short codes get words here. Others are shown as they are.
 */
const CATEGORY_LABELS: Record<string, string> = {
  'ggu-dienst': 'dienst van de Gezamenlijke Gemeentelijke Uitvoering (GGU)',
  'ggu-inkoop': 'gezamenlijke inkoop (GGU)',
  'ggu-programma': 'programma van de Gezamenlijke Gemeentelijke Uitvoering (GGU)',
  'vng-gremium': 'VNG-gremium (commissie, college of taskforce)',
  koepel: 'koepelorganisatie',
  'res-regio': 'RES-regio (Regionale Energiestrategie)',
  'rmc-regio': 'RMC-regio (voortijdig schoolverlaten)',
  veiligthuisregio: 'Veilig Thuis-regio',
};

export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? category;
}
