import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOUNDARIES_URL, loadBoundaries } from '../../../../src/render/geo/loadBoundaries';

describe('loadBoundaries', () => {
  it('reads the committed file from the URL the build serves it at', async () => {
    const asked: string[] = [];
    const topology = await loadBoundaries(async (url) => {
      asked.push(url);
      return { ok: true, status: 200, text: async () => readFileSync(`public/${url}`, 'utf8') };
    });
    expect(asked).toEqual([BOUNDARIES_URL]);
    expect(topology.objects.gemeente_2025).toBeDefined();
  });

  it('says what went wrong when the file cannot be had', async () => {
    await expect(
      loadBoundaries(async () => ({ ok: false, status: 404, text: async () => '' })),
    ).rejects.toThrow('(HTTP 404)');
    await expect(
      loadBoundaries(async () => {
        throw new TypeError('Failed to fetch');
      }),
    ).rejects.toThrow('geen verbinding');
    await expect(
      loadBoundaries(async () => ({ ok: true, status: 200, text: async () => '<html>' })),
    ).rejects.toThrow('geen geldige JSON');
  });
});
