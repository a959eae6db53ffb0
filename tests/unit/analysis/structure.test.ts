import { describe, expect, it } from 'vitest';
import { brokerRank, describeGroups } from '../../../src/analysis/groups';
import { analyseStructure } from '../../../src/analysis/structure';

// Two triangles joined by a bridge 2–3: two clusters, and the bridge ends are the brokers.
//   0 — 1        4 — 5
//    \  |        |  /
//      2 ——————— 3
const input = {
  count: 6,
  sources: Uint32Array.from([0, 1, 0, 2, 3, 4, 3]),
  targets: Uint32Array.from([1, 2, 2, 3, 4, 5, 5]),
};

describe('analyseStructure', () => {
  it('finds the two triangles as clusters', () => {
    const r = analyseStructure(input);
    expect(r.communityCount).toBe(2);
    expect(r.community[0]).toBe(r.community[1]);
    expect(r.community[1]).toBe(r.community[2]);
    expect(r.community[3]).toBe(r.community[4]);
    expect(r.community[0]).not.toBe(r.community[3]);
    expect(r.modularity).toBeGreaterThan(0.3);
  });

  it('ranks the bridge ends as the strongest brokers', () => {
    const r = analyseStructure(input);
    const rank = brokerRank(r.betweenness!);
    expect([rank[2], rank[3]].sort()).toEqual([1, 2]);
    // A corner of a triangle lies on no shortest path between others.
    expect(r.betweenness![0]).toBe(0);
  });

  it('is deterministic and copes with an empty or edgeless network', () => {
    expect(analyseStructure(input).community).toEqual(analyseStructure(input).community);
    const empty = analyseStructure({
      count: 3,
      sources: new Uint32Array(),
      targets: new Uint32Array(),
    });
    expect(empty.communityCount).toBe(0);
    expect(empty.betweenness).toBeNull();
  });
});

describe('describeGroups', () => {
  it('lists the largest groups first, each led by its best-connected members', () => {
    // Groups: 0 = {0,1,3,6}, 1 = {2,4}, 2 = {5}.
    const community = Int32Array.from([0, 0, 1, 0, 1, 2, 0]);
    const degrees = [1, 5, 2, 3, 9, 0, 5];
    const groups = describeGroups(community, (i) => degrees[i]!, 2, 2);
    expect(groups).toEqual([
      { community: 0, size: 4, leaders: [1, 6] },
      { community: 1, size: 2, leaders: [4, 2] },
    ]);
  });
});
